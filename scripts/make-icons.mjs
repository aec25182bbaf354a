// Renders public/icons/*.svg to the PNG sizes the manifest lists, and
// public/favicon.ico (a 32×32 PNG inside an ICO container), with Debian's
// Chromium. Run by hand when the icon changes; the outputs are committed.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
async function render(svgFile, size) {
  const svg = readFileSync(`public/icons/${svgFile}`, "utf8");
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  return page.screenshot({ omitBackground: true });
}
for (const size of [192, 512]) {
  writeFileSync(`public/icons/icon-${size}.png`, await render("icon.svg", size));
  writeFileSync(`public/icons/maskable-${size}.png`, await render("maskable.svg", size));
}
const png = await render("icon.svg", 32);
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6); // width
header.writeUInt8(32, 7); // height
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(png.length, 14);
header.writeUInt32LE(22, 18); // offset of the PNG data
writeFileSync("public/favicon.ico", Buffer.concat([header, png]));
await browser.close();
