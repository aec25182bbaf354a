// Minifies wasm-bindgen's JS loaders in a staging dir (`declic*.js`: each
// entry's module and the workers' classic scripts) with terser, and rewrites
// the `integrity` attributes the entry pages carry for them (Trunk computed
// those over the unminified files). Run by src/bin/postbuild.rs after the
// entries are merged, before anything is hashed or compressed.
//
// Why: the loaders are 55-76 KB of readable JS each, 9 KB brotli on every
// cold visit; minified, about 7 KB. Trunk's own minifier (minify-js) fails
// on the module loaders' `export default`, so this uses terser, from npm
// like the other build tools (package.json).
//
// Usage: node scripts/minify-loaders.mjs <staging-dir>
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const staging = process.argv[2];
if (!staging) {
  console.error("usage: node scripts/minify-loaders.mjs <staging-dir>");
  process.exit(2);
}

const integrity = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
const names = readdirSync(staging);
const loaders = names.filter((n) => /^declic[-\w]*\.js$/.test(n));
const renamed = new Map();
let before = 0;
let after = 0;
for (const name of loaders) {
  const path = join(staging, name);
  const source = readFileSync(path, "utf8");
  // The entries' loaders are ES modules; the workers' are classic scripts
  // whose top-level `wasm_bindgen` their worker script calls (terser keeps
  // a classic script's top-level names).
  const module = /^export /m.test(source);
  const result = await minify(source, { module, compress: true, mangle: true });
  if (typeof result.code !== "string") throw new Error(`${name}: terser gave no code`);
  writeFileSync(path, result.code);
  renamed.set(integrity(source), integrity(result.code));
  before += source.length;
  after += result.code.length;
}
for (const name of names.filter((n) => n.endsWith(".html"))) {
  const path = join(staging, name);
  const html = readFileSync(path, "utf8");
  const rewritten = html.replace(/integrity="(sha384-[^"]+)"/g, (all, value) =>
    renamed.has(value) ? `integrity="${renamed.get(value)}"` : all,
  );
  if (rewritten !== html) writeFileSync(path, rewritten);
}
console.log(`minified ${loaders.length} JS loaders: ${before} -> ${after} bytes`);
