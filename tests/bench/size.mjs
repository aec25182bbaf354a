// Size bench: what a learner's phone downloads. Prints figures against the
// budgets of PRODUCT.md; asserts nothing (run by scripts/bench-size).
//
// - First visit: bytes received over the wire (brotli, as served) by a fresh
//   browser, from the request for / until the app has started — measured in
//   Chromium with the DevTools protocol, not guessed from files.
// - Offline bundle: every file the service worker precaches, brotli-compressed
//   as the server sends it.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";
import { startServer, launch, PHONE, ROOT, waitForApp } from "../e2e/harness.mjs";

const KB = 1000;
const dist = join(ROOT, "dist");

function servedSize(url) {
  const path = join(dist, url);
  return existsSync(path + ".br") ? statSync(path + ".br").size : statSync(path).size;
}

const server = await startServer();
const browser = await launch();
try {
  // Bytes received by a fresh browser from the request for `path` until
  // `ready` resolves (plus 200 ms for what was already in flight).
  async function coldVisit(path, ready) {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const received = new Map();
    cdp.on("Network.responseReceived", (e) => received.set(e.requestId, { url: e.response.url, bytes: 0 }));
    cdp.on("Network.loadingFinished", (e) => {
      const r = received.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });
    await page.goto(server.url + path);
    await ready(page);
    await page.waitForTimeout(200);
    await context.close();
    return [...received.values()];
  }
  const firstVisit = await coldVisit("/", waitForApp);
  const firstVisitBytes = firstVisit.reduce((s, r) => s + r.bytes, 0);
  // The job tools opened by a link: usable once the CV's first field is live.
  const cvVisit = await coldVisit("/mon-cv", async (page) => {
    await waitForApp(page);
    await page.getByLabel("Prénom").waitFor();
  });
  const cvVisitBytes = cvVisit.reduce((s, r) => s + r.bytes, 0);

  const sw = readFileSync(join(dist, "sw.js"), "utf8");
  const manifest = JSON.parse(sw.split("\n").find((l) => l.startsWith("const MANIFEST = ")).slice(17, -1));
  const offlineBytes = manifest.files.reduce((s, [url]) => s + servedSize(url), 0) + servedSize("/sw.js");
  const contentFiles = manifest.files.filter(([url]) => url.startsWith("/content/"));
  const contentBytes = contentFiles.reduce((s, [url]) => s + servedSize(url), 0);
  const urls = manifest.files.map(([u]) => u);
  // The main entry's wasm and glue; the job tools are their own entry
  // (jobs.html), loaded only when the learner opens them (precached for
  // offline). Trunk's hashes: lowercase hex.
  const wasm = urls.find((u) => /^\/declic-[0-9a-f]+_bg\.wasm$/.test(u));
  const js = urls.find((u) => /^\/declic-[0-9a-f]+\.js$/.test(u));
  const jobsWasm = urls.find((u) => /^\/declic-jobs-[0-9a-f]+_bg\.wasm$/.test(u));
  const jobsJs = urls.find((u) => /^\/declic-jobs-[0-9a-f]+\.js$/.test(u));
  // The professional entry: not precached (postbuild's `precached`), so
  // found on disk.
  const proFile = (re) => "/" + readdirSync(dist).find((f) => re.test(f));
  const proWasm = proFile(/^declic-pro-[0-9a-f]+_bg\.wasm$/);
  const proJs = proFile(/^declic-pro-[0-9a-f]+\.js$/);
  const rows = [
    ["first visit, over the wire (until the app runs)", firstVisitBytes, 200 * KB],
    ["offline bundle, brotli (all precached files)", offlineBytes, 1500 * KB],
    ["  of which content (" + contentFiles.length + " competence files)", contentBytes, null],
    ["wasm raw", statSync(join(dist, wasm)).size, null],
    ["wasm brotli", servedSize(wasm), null],
    ["JS glue raw", statSync(join(dist, js)).size, null],
    ["JS glue brotli", servedSize(js), null],
    ["index.html brotli (CSS + home inlined)", servedSize("/index.html"), null],
    ["job-tools entry, on demand: wasm raw", statSync(join(dist, jobsWasm)).size, null],
    ["job-tools entry, on demand: wasm + JS + page brotli", servedSize(jobsWasm) + servedSize(jobsJs) + servedSize("/jobs.html"), null],
    ["/mon-cv cold, over the wire (until usable)", cvVisitBytes, 200 * KB],
    ["professional entry (not precached): wasm raw", statSync(join(dist, proWasm)).size, null],
    ["professional entry: wasm + JS + page brotli", servedSize(proWasm) + servedSize(proJs) + servedSize("/pro.html"), null],
    ...(existsSync(join(dist, "declic-pdf-worker_bg.wasm"))
      ? [["PDF engine, on the first PDF tap: worker wasm + JS brotli", servedSize("/declic-pdf-worker_bg.wasm") + servedSize("/declic-pdf-worker.js") + servedSize("/pdf-worker.js"), null]]
      : []),
    ...(existsSync(join(dist, "declic-sync-worker_bg.wasm"))
      ? [["sync worker, while sync is on: wasm + JS brotli", servedSize("/declic-sync-worker_bg.wasm") + servedSize("/declic-sync-worker.js") + servedSize("/sync-worker.js"), null]]
      : []),
  ];
  console.log("\nfigure".padEnd(52) + "bytes".padStart(10) + "budget".padStart(10) + "  status");
  for (const [name, bytes, budget] of rows) {
    const status = budget === null ? "" : bytes <= budget ? "ok" : `OVER by ${((bytes - budget) / KB).toFixed(1)} KB`;
    console.log(
      name.padEnd(52) + (bytes / KB).toFixed(1).padStart(8) + " KB" + (budget ? `${(budget / KB).toFixed(0)} KB`.padStart(10) : "".padStart(10)) + "  " + status,
    );
  }
  for (const [title, visit] of [["first-visit requests:", firstVisit], ["/mon-cv cold requests:", cvVisit]]) {
    console.log("\n" + title);
    for (const r of visit) console.log(`  ${(r.bytes / KB).toFixed(1).padStart(7)} KB  ${r.url.replace(server.url, "")}`);
  }
} finally {
  await browser.close();
  await server.stop();
  server.cleanup();
}
