// Where the bytes of a wasm module go: code per crate and the largest
// functions, data segments, from the module's "name" section. Prints, never
// asserts (run by `scripts/bench-size --top`).
//
// The shipped wasm has no names (wasm-opt drops them), so this reads the
// linker's output before wasm-bindgen and wasm-opt (the argument, or each
// entry's file in the cargo target dir). Those shrink the whole by a fairly
// even fraction, so the shares hold; the final figures are in size.mjs.
//
// Usage: node tests/bench/wasm-top.mjs [file.wasm ...] [--functions N]
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const nIndex = args.indexOf("--functions");
const topFunctions = nIndex >= 0 ? Number(args.splice(nIndex, 2)[1]) : 25;
const target = process.env.CARGO_TARGET_DIR ?? "target";
const files = args.length
  ? args
  : ["declic", "declic-jobs", "declic-pdf-worker"]
      .map((bin) => join(target, "wasm32-unknown-unknown/release", bin + ".wasm"))
      .filter(existsSync);

function reader(bytes) {
  let at = 0;
  const r = {
    get at() {
      return at;
    },
    set at(v) {
      at = v;
    },
    u8: () => bytes[at++],
    leb() {
      let result = 0;
      let shift = 0;
      for (;;) {
        const b = bytes[at++];
        result += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if (b < 0x80) return result;
      }
    },
    name() {
      const len = r.leb();
      const s = new TextDecoder().decode(bytes.subarray(at, at + len));
      at += len;
      return s;
    },
  };
  return r;
}

/// Sections, function body sizes (by function index) and function names.
function parse(bytes) {
  const r = reader(bytes);
  r.at = 8;
  const sections = [];
  const bodies = [];
  const names = new Map();
  let importedFunctions = 0;
  let dataBytes = 0;
  const data = [];
  while (r.at < bytes.length) {
    const id = r.u8();
    const size = r.leb();
    const start = r.at;
    const end = start + size;
    let label = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"][id] ?? `section ${id}`;
    if (id === 0) {
      const name = r.name();
      label = `custom "${name}"`;
      if (name === "name") {
        while (r.at < end) {
          const sub = r.u8();
          const subSize = r.leb();
          const subEnd = r.at + subSize;
          if (sub === 1) {
            const count = r.leb();
            for (let i = 0; i < count; i++) {
              const index = r.leb();
              names.set(index, r.name());
            }
          }
          r.at = subEnd;
        }
      }
    } else if (id === 2) {
      const count = r.leb();
      for (let i = 0; i < count; i++) {
        r.name();
        r.name();
        const kind = r.u8();
        if (kind === 0) {
          r.leb();
          importedFunctions++;
        } else if (kind === 1) {
          r.u8();
          const flags = r.leb();
          r.leb();
          if (flags & 1) r.leb();
        } else if (kind === 2) {
          const flags = r.leb();
          r.leb();
          if (flags & 1) r.leb();
        } else if (kind === 3) {
          r.u8();
          r.u8();
        }
      }
    } else if (id === 10) {
      const count = r.leb();
      for (let i = 0; i < count; i++) {
        const len = r.leb();
        bodies.push({ index: importedFunctions + i, size: len + 1 });
        r.at += len;
      }
    } else if (id === 11) {
      const count = r.leb();
      for (let i = 0; i < count; i++) {
        const start = r.at;
        const flags = r.leb();
        if (flags === 2) r.leb();
        if (flags !== 1) {
          // An init expression: skip to `end` (0x0b).
          while (bytes[r.at++] !== 0x0b);
        }
        const len = r.leb();
        data.push(bytes.subarray(r.at, r.at + len));
        r.at += len;
        dataBytes += r.at - start;
      }
    }
    sections.push({ label, size: end - start });
    r.at = end;
  }
  return { sections, bodies, names, dataBytes, data };
}

/// Rust's legacy mangling (`_ZN<len><ident>…E`) back to a path; v0 names
/// (`_R…`, a few from the standard library) keep their crate name only.
function demangle(name) {
  if (name.startsWith("_ZN")) {
    const parts = [];
    let at = 3;
    while (at < name.length && name[at] !== "E") {
      const m = /^\d+/.exec(name.slice(at));
      if (!m) break;
      at += m[0].length;
      parts.push(name.slice(at, at + Number(m[0])));
      at += Number(m[0]);
    }
    const escapes = { LT: "<", GT: ">", RF: "&", BP: "*", LP: "(", RP: ")", C: ",", u20: " ", u7b: "{", u7d: "}", u27: "'", u5b: "[", u5d: "]", u3b: ";", u7e: "~", u21: "!", u23: "#" };
    return parts
      .filter((p) => !/^h[0-9a-f]{16}$/.test(p))
      .map((p) => p.replace(/^_\$/, "$").replace(/\$([A-Za-z0-9]+)\$/g, (all, e) => escapes[e] ?? all).replace(/\.\./g, "::"))
      .join("::");
  }
  if (name.startsWith("_R")) {
    const m = /C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_][A-Za-z0-9_]*)/.exec(name);
    if (m) return m[2].slice(0, Number(m[1])) + "::" + name;
  }
  return name;
}

/// The crate a function's code belongs to: the first crate-like path
/// segment of its name (for `<T as Trait>::f`, the crate of T when T is a
/// path, so generic code counts where it was instantiated for).
function crateOf(path) {
  if (path.startsWith("__wbindgen_describe")) return "(wasm-bindgen descriptors, removed by wasm-bindgen)";
  const m = /([a-z_][a-z0-9_]*)::/.exec(path);
  return m ? m[1] : "(other)";
}

const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1000).toFixed(1).padStart(8) + " KB";
const pct = (n, total) => ((100 * n) / total).toFixed(1).padStart(5) + " %";

for (const file of files) {
  const bytes = readFileSync(file);
  const { sections, bodies, names, data } = parse(bytes);
  console.log(`\n== ${file}: ${kb(bytes.length)} raw, ${kb(brotli(bytes))} brotli (before wasm-bindgen and wasm-opt)`);
  if (names.size === 0) console.log("   (no name section: per-crate figures unavailable)");
  console.log("sections:");
  for (const s of sections.filter((s) => s.size > 1000).sort((a, b) => b.size - a.size))
    console.log(`  ${kb(s.size)}  ${pct(s.size, bytes.length)}  ${s.label}`);
  const codeTotal = bodies.reduce((s, b) => s + b.size, 0);
  const byCrate = new Map();
  for (const b of bodies) {
    const crate = crateOf(demangle(names.get(b.index) ?? ""));
    const c = byCrate.get(crate) ?? { size: 0, count: 0 };
    c.size += b.size;
    c.count++;
    byCrate.set(crate, c);
  }
  console.log(`code by crate (${bodies.length} functions, ${kb(codeTotal)}):`);
  for (const [crate, c] of [...byCrate].sort((a, b) => b[1].size - a[1].size).slice(0, 30))
    console.log(`  ${kb(c.size)}  ${pct(c.size, codeTotal)}  ${String(c.count).padStart(5)} fns  ${crate}`);
  console.log(`largest ${topFunctions} functions:`);
  for (const b of [...bodies].sort((a, b) => b.size - a.size).slice(0, topFunctions)) {
    const name = demangle(names.get(b.index) ?? `#${b.index}`);
    console.log(`  ${kb(b.size)}  ${name.length > 150 ? name.slice(0, 150) + "…" : name}`);
  }
  const dataRaw = data.reduce((s, d) => s + d.length, 0);
  console.log(`data segments: ${data.length}, ${kb(dataRaw)} raw, ${kb(brotli(Buffer.concat(data)))} brotli alone`);
}
