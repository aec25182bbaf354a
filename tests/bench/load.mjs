// Load bench: first visits by a link under Lighthouse-style mobile
// throttling (4× CPU, slow 4G: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up)
// and the repeat visit offline. Prints median and spread of BENCH_RUNS runs
// against PRODUCT.md's budgets; asserts nothing.
//
// For home and each deep link (the map, a lesson's first and second step, a
// quiz, the positioning test, the job tools), in the same run:
// - the app: first contentful paint, LCP, "app running" (the live app has
//   replaced the page's HTML: `#app > .skip-link`, no `#prerender`), the
//   bytes received until then, and the first `main h1` the page held;
// - its static twin: the same screen's HTML as the live app shows it once
//   complete, scripts removed, captured before the runs (so the twin exists
//   whether or not the build prerenders that screen): FCP and LCP.
// The ratio app / static says what the app costs over plain HTML.
// Repeat visit offline: from navigation to the app running, served by the
// service worker, 4× CPU, on home and on a lesson step.
import { writeFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { startServer, launch, PHONE, copyDist, waitForScreen } from "../e2e/harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const LESSON = "email-piece-jointe";
// name, path, the PRODUCT.md ratio budget (null: heading and introduction
// only, the controls wait for the wasm).
const SCREENS = [
  ["home", "/", 1.5],
  ["map", "/competences", 1.2],
  ["lesson step 1", `/competences/${LESSON}`, 1.2],
  ["lesson step 2", `/competences/${LESSON}/etape/2`, 1.2],
  ["quiz", `/competences/${LESSON}/quiz`, null],
  ["positioning", "/faire-le-point", null],
  ["job tools (/mon-cv)", "/mon-cv", null],
];

// Installed before any page script: when the live app is running, and the
// first `main h1` the document held (prerendered or live).
const OBSERVE = () => {
  const seen = () => {
    const h1 = document.querySelector("main h1");
    if (h1 && window.__firstH1 === undefined) window.__firstH1 = h1.textContent;
    if (window.__running === undefined && !document.getElementById("prerender") && document.querySelector("#app > .skip-link")) {
      window.__running = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
};

const dist = copyDist();
const server = await startServer({ dist });
const browser = await launch();

// The static twins: each screen as the live app shows it, without scripts.
mkdirSync(join(dist, "static"), { recursive: true });
for (const [, path] of SCREENS) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(server.url + path);
  await waitForScreen(page);
  const html = (await page.content())
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<link[^>]*rel="(modulepreload|preload)"[^>]*>/g, "");
  writeFileSync(join(dist, "static", twinName(path)), html);
  await context.close();
}

function twinName(path) {
  return (path === "/" ? "home" : path.slice(1).replaceAll("/", "_")) + ".html";
}

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return cdp;
}

async function paints(page) {
  return page.evaluate(
    () =>
      new Promise((ok) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
          ok({ fcp, lcp: entries[entries.length - 1].startTime });
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
}

const results = new Map(SCREENS.map(([name]) => [name, { fcp: [], lcp: [], twinFcp: [], twinLcp: [], running: [], bytes: [], h1: new Set() }]));
const repeat = { home: [], lesson: [] };
try {
  for (let run = 0; run < RUNS; run++) {
    for (const [name, path] of SCREENS) {
      const r = results.get(name);
      // Static twin first, in its own fresh context.
      {
        const context = await browser.newContext(PHONE);
        const page = await context.newPage();
        await throttled(context, page);
        await page.goto(`${server.url}/static/${twinName(path)}`, { waitUntil: "load" });
        const { fcp, lcp } = await paints(page);
        r.twinFcp.push(fcp);
        r.twinLcp.push(lcp);
        await context.close();
      }
      const context = await browser.newContext(PHONE);
      await context.addInitScript(OBSERVE);
      const page = await context.newPage();
      const cdp = await throttled(context, page);
      const received = new Map();
      cdp.on("Network.loadingFinished", (e) => received.set(e.requestId, e.encodedDataLength));
      await page.goto(server.url + path, { waitUntil: "load" });
      await page.waitForFunction(() => window.__running !== undefined, null, { timeout: 60_000 });
      r.bytes.push([...received.values()].reduce((s, b) => s + b, 0));
      r.running.push(await page.evaluate(() => window.__running));
      r.h1.add(await page.evaluate(() => window.__firstH1));
      const { fcp, lcp } = await paints(page);
      r.fcp.push(fcp);
      r.lcp.push(lcp);

      // Repeat visit, offline, once the service worker has everything.
      if (name === "home" || name === "lesson step 2") {
        await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
        await page.evaluate(async () => navigator.serviceWorker.ready);
        await context.setOffline(true);
        await page.reload({ waitUntil: "load" });
        await page.waitForFunction(() => window.__running !== undefined, null, { timeout: 60_000 });
        (name === "home" ? repeat.home : repeat.lesson).push(await page.evaluate(() => window.__running));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
  server.cleanup();
  rmSync(dist, { recursive: true, force: true });
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const spread = (v, unit = "ms") => `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)} ${unit}`;
const row = (name, values, budget, unit = "ms") => {
  const m = median(values);
  const status = budget === null ? "" : m <= budget ? "ok" : `OVER by ${(m - budget).toFixed(0)} ${unit}`;
  console.log(
    `${name.padEnd(52)} ${`${m.toFixed(0)} ${unit}`.padStart(9)} ${spread(values, unit).padStart(18)} ${budget === null ? "".padStart(9) : `${budget} ${unit}`.padStart(9)}  ${status}`,
  );
};
const ratioRow = (name, app, twin, budget) => {
  const ratios = app.map((a, i) => a / twin[i]);
  const m = median(app) / median(twin);
  const status = budget === null ? "" : m <= budget ? "ok" : "OVER";
  const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
  console.log(`${name.padEnd(52)} ${m.toFixed(2).padStart(9)} ${range.padStart(18)} ${budget === null ? "".padStart(9) : String(budget).padStart(9)}  ${status}`);
};
console.log(`\n${"figure (median of " + RUNS + " runs; 4× CPU, slow 4G)".padEnd(52)} ${"median".padStart(9)} ${"spread".padStart(18)} ${"budget".padStart(9)}  status`);
for (const [name, , budget] of SCREENS) {
  const r = results.get(name);
  console.log(`${name}: first heading ${[...r.h1].map((h) => JSON.stringify(h)).join(" / ")}`);
  row("  first contentful paint", r.fcp, null);
  row("    static twin", r.twinFcp, null);
  ratioRow("    ratio app / static", r.fcp, r.twinFcp, null);
  row("  LCP", r.lcp, name === "home" ? 2500 : null);
  row("    static twin", r.twinLcp, null);
  ratioRow("    ratio app / static", r.lcp, r.twinLcp, budget);
  row("  app running (wasm started)", r.running, 1000);
  row("  bytes until running", r.bytes.map((b) => b / 1000), null, "KB");
}
row("repeat visit offline, home, app running", repeat.home, 1000);
row("repeat visit offline, lesson step 2, app running", repeat.lesson, 1000);
