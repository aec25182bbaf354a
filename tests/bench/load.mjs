// Load bench: the first visit under Lighthouse-style mobile throttling
// (4× CPU, slow 4G: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up) and the
// repeat visit offline. Prints median and spread of BENCH_RUNS runs against
// PRODUCT.md's budgets; asserts nothing.
//
// - LCP of the home screen, and of a static HTML page of the same screen
//   (index.html without its scripts) measured in the same run: the ratio
//   tells what the app costs over plain HTML.
// - "App running": when the live app has replaced the prerendered home.
// - Repeat visit offline: from navigation to the app running, served by the
//   service worker, 4× CPU.
import { writeFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { startServer, launch, PHONE, copyDist } from "../e2e/harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

// The static twin of the home screen: same HTML and inline CSS, no scripts.
const dist = copyDist();
const html = readFileSync(join(dist, "index.html"), "utf8")
  .replace(/<script[\s\S]*?<\/script>/g, "")
  .replace(/<link[^>]*rel="(modulepreload|preload)"[^>]*>/g, "");
writeFileSync(join(dist, "static-home.html"), html);
rmSync(join(dist, "static-home.html.br"), { force: true });

const server = await startServer({ dist });
const browser = await launch();

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return cdp;
}

async function lcp(page) {
  return page.evaluate(
    () =>
      new Promise((ok) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          ok(entries[entries.length - 1].startTime);
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
}

const results = { appLcp: [], staticLcp: [], running: [], repeat: [] };
try {
  for (let run = 0; run < RUNS; run++) {
    // Static twin first, in its own fresh context.
    {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      await throttled(context, page);
      await page.goto(server.url + "/static-home.html", { waitUntil: "load" });
      results.staticLcp.push(await lcp(page));
      await context.close();
    }
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const cdp = await throttled(context, page);
    await page.goto(server.url + "/", { waitUntil: "load" });
    await page.waitForFunction(() => !document.getElementById("prerender"), null, { timeout: 60_000 });
    results.running.push(await page.evaluate(() => performance.now()));
    results.appLcp.push(await lcp(page));

    // Repeat visit, offline, once the service worker has everything.
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.evaluate(async () => navigator.serviceWorker.ready);
    await context.setOffline(true);
    await page.reload({ waitUntil: "load" });
    await page.waitForFunction(() => !document.getElementById("prerender"), null, { timeout: 60_000 });
    results.repeat.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
  server.cleanup();
  rmSync(dist, { recursive: true, force: true });
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const spread = (v) => `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)} ms`;
const row = (name, values, budget, unit = "ms") => {
  const m = median(values);
  const status = budget === null ? "" : m <= budget ? "ok" : `OVER by ${(m - budget).toFixed(0)} ${unit}`;
  console.log(`${name.padEnd(52)} ${`${m.toFixed(0)} ms`.padStart(9)} ${spread(values).padStart(16)} ${budget === null ? "".padStart(9) : `${budget} ms`.padStart(9)}  ${status}`);
};
console.log(`\n${"figure (median of " + RUNS + " runs)".padEnd(52)} ${"median".padStart(9)} ${"spread".padStart(16)} ${"budget".padStart(9)}  status`);
row("first visit, LCP of home (4× CPU, slow 4G)", results.appLcp, 2500);
row("  static HTML of the same screen, LCP", results.staticLcp, null);
const ratio = median(results.appLcp) / median(results.staticLcp);
console.log(`${"  ratio app / static".padEnd(52)} ${ratio.toFixed(2).padStart(9)} ${"".padStart(16)} ${"1.5".padStart(9)}  ${ratio <= 1.5 ? "ok" : "OVER"}`);
row("first visit, app running (wasm started)", results.running, null);
row("repeat visit offline, app running (4× CPU)", results.repeat, 1000);
