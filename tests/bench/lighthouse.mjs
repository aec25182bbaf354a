// Lighthouse (npm package, mobile preset) against Debian's Chromium, on the
// screens PRODUCT.md names: home, a lesson, a quiz, the CV builder. Prints
// performance / accessibility / best practices against the budgets
// (≥ 95 / 100 / 100), median and spread of BENCH_RUNS runs (default 3; a run takes
// about 15 s per page). Asserts nothing.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startServer, CHROMIUM_ARGS } from "../e2e/harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PAGES = [
  ["home", "/"],
  ["lesson", "/competences/email-piece-jointe"],
  ["quiz", "/competences/email-piece-jointe/quiz"],
  ["CV builder", "/mon-cv"],
];
const CATEGORIES = [
  ["performance", 95],
  ["accessibility", 100],
  ["best-practices", 100],
];

const server = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  chromeFlags: CHROMIUM_ARGS.map((f) => (f === "--headless" ? "--headless=new" : f)),
});
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
try {
  console.log(`\n${"page".padEnd(14)}${CATEGORIES.map(([c, b]) => `${c} (≥ ${b})`.padStart(24)).join("")}`);
  for (const [name, path] of PAGES) {
    const scores = Object.fromEntries(CATEGORIES.map(([c]) => [c, []]));
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(server.url + path, {
        port: chrome.port,
        onlyCategories: CATEGORIES.map(([c]) => c),
        logLevel: "error",
      });
      for (const [c] of CATEGORIES) scores[c].push(Math.round(result.lhr.categories[c].score * 100));
    }
    const cells = CATEGORIES.map(([c, budget]) => {
      const m = median(scores[c]);
      const spread = scores[c].length > 1 ? ` (${Math.min(...scores[c])}–${Math.max(...scores[c])})` : "";
      return `${m}${spread} ${m >= budget ? "ok" : "LOW"}`.padStart(24);
    });
    console.log(`${name.padEnd(14)}${cells.join("")}`);
  }
} finally {
  await chrome.kill();
  await server.stop();
  server.cleanup();
}
