//! QR codes drawn as SVG: the backup card's restore link, a group's join
//! link. The encoding is `qrcodegen`'s; this module only turns its modules
//! into one SVG path, so a view draws it with no image and no script.

use qrcodegen::{QrCode, QrCodeEcc};

/// The quiet zone around the code, in modules (the standard's minimum).
pub const QUIET_ZONE: usize = 4;

/// A QR code ready to draw: `<svg viewBox=view_box()><path d=path/></svg>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    /// Modules per side (21 for version 1, +4 per version).
    pub size: usize,
    /// The dark modules as one path of unit squares merged by row.
    pub path: String,
}

impl Qr {
    /// Encodes `text` (a URL) with medium error correction (15 %: a card
    /// folded in a wallet still scans). `None` past a QR code's capacity.
    pub fn encode(text: &str) -> Option<Qr> {
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
        let size = usize::try_from(code.size()).ok()?;
        let mut path = String::new();
        for y in 0..size {
            let mut x = 0;
            while x < size {
                if !dark(&code, x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < size && dark(&code, x, y) {
                    x += 1;
                }
                path.push_str(&format!("M{start} {y}h{}v1H{start}z", x - start));
            }
        }
        Some(Qr { size, path })
    }

    /// The SVG `viewBox`, the quiet zone included.
    pub fn view_box(&self) -> String {
        let side = self.size + 2 * QUIET_ZONE;
        format!("-{QUIET_ZONE} -{QUIET_ZONE} {side} {side}")
    }
}

fn dark(code: &QrCode, x: usize, y: usize) -> bool {
    code.get_module(x as i32, y as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The modules the path paints, read back from its `M x y h n` runs.
    fn painted(qr: &Qr) -> Vec<Vec<bool>> {
        let mut grid = vec![vec![false; qr.size]; qr.size];
        for run in qr.path.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = run.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let n: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            for cell in &mut grid[y][x..x + n] {
                assert!(!*cell, "painted twice at row {y}");
                *cell = true;
            }
        }
        grid
    }

    #[test]
    fn the_path_paints_exactly_the_dark_modules() {
        let text = "https://declic.example/sauvegarde#mots=tomate+valise+piano+nuage+lapin+fusée+école+jardin";
        let qr = Qr::encode(text).unwrap();
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).unwrap();
        let grid = painted(&qr);
        for (y, row) in grid.iter().enumerate() {
            for (x, cell) in row.iter().enumerate() {
                assert_eq!(*cell, dark(&code, x, y), "module ({x}, {y})");
            }
        }
        // The three finder patterns: a dark 7×7 ring at three corners.
        let s = qr.size;
        for (x0, y0) in [(0, 0), (s - 7, 0), (0, s - 7)] {
            for i in 0..7 {
                assert!(grid[y0][x0 + i] && grid[y0 + 6][x0 + i]);
                assert!(grid[y0 + i][x0] && grid[y0 + i][x0 + 6]);
            }
            assert!(!grid[y0 + 1][x0 + 1], "the ring's light inside");
        }
        assert_eq!((s - 17) % 4, 0, "a real version's size: {s}");
    }

    #[test]
    fn same_text_same_code_and_a_quiet_zone() {
        let a = Qr::encode("https://declic.example/groupes?code=ACEFGH").unwrap();
        assert_eq!(
            a,
            Qr::encode("https://declic.example/groupes?code=ACEFGH").unwrap()
        );
        assert_ne!(
            a,
            Qr::encode("https://declic.example/groupes?code=ACEFGJ").unwrap()
        );
        let side = a.size + 8;
        assert_eq!(a.view_box(), format!("-4 -4 {side} {side}"));
    }

    #[test]
    fn too_long_for_a_qr_code() {
        assert!(Qr::encode(&"a".repeat(5000)).is_none());
        assert!(Qr::encode("").is_some());
    }
}
