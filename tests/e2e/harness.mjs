// Shared by the end-to-end tests: start the real server on a free port with
// a fresh database, drive Debian's Chromium with playwright-core at phone
// size, check accessibility with axe-core, save screenshots.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, cpSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, homedir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const OUTPUT = join(ROOT, "tests/output");
// scripts/lib.sh says where the build cache is; by hand, look in the
// default places.
const SERVER_BIN =
  process.env.DECLIC_SERVER_BIN ??
  [join(homedir(), ".cache/declic/target/tool/declic-server"), join(ROOT, "target/tool/declic-server")].find((p) =>
    existsSync(p),
  ) ??
  join(ROOT, "target/tool/declic-server");
const AXE_PATH = require.resolve("axe-core/axe.min.js");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const PHONE = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  locale: "fr-FR",
};

async function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/// Starts declic-server. `dist` defaults to the built app; pass a copy to
/// change files under a running test (update test). Resolves once it answers.
export async function startServer({ dist = join(ROOT, "dist"), port } = {}) {
  port ??= await freePort();
  const data = mkdtempSync(join(tmpdir(), "declic-e2e-"));
  const child = spawn(SERVER_BIN, [], {
    env: {
      ...process.env,
      DECLIC_ADDR: `127.0.0.1:${port}`,
      DECLIC_DIST_DIR: dist,
      DECLIC_DATA_DIR: data,
      RUST_LOG: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    data,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
    },
    cleanup() {
      rmSync(data, { recursive: true, force: true });
    },
  };
}

export function copyDist() {
  const dir = mkdtempSync(join(tmpdir(), "declic-dist-"));
  cpSync(join(ROOT, "dist"), dir, { recursive: true });
  return dir;
}

export async function launch() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
}

/// Fails on any axe-core violation (WCAG 2.1 A/AA and best practices), with
/// a readable list of what and where.
export async function expectAccessible(page, label) {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }),
  );
  const details = result.violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`)
    .join("\n");
  assert.equal(result.violations.length, 0, `axe violations on ${label}:\n${details}`);
}

/// Saves a screenshot of the whole page, or only of what the screen shows
/// (`fullPage: false`, to look at a detail at real size).
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage });
}

/// The page is showing the live app (the wasm has started), not only the
/// prerendered home.
export async function waitForApp(page) {
  await page.waitForFunction(() => !document.getElementById("prerender"));
}

/// Waits until this page's service worker has precached the whole build and
/// is active (our worker only activates after its install has cached every file).
export async function waitForOffline(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/// A browser with a profile on disk, like a phone: close it and launch it
/// again on the same `dir` to find the same IndexedDB and service worker.
export async function launchProfile(dir) {
  return chromium.launchPersistentContext(dir, {
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
    ...PHONE,
  });
}

/// The compiled content of one competence, read from the build (the test
/// knows the right answers the way the app does).
export function competenceContent(id) {
  const dir = join(ROOT, "dist/content");
  const file = readdirSync(dir).find((f) => new RegExp(`^${id}-[0-9a-f]{16}\\.json$`).test(f));
  assert.ok(file, `no compiled content for ${id}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

/// Every competence's positioning items, as the app loads them.
export function positioningBank() {
  const dir = join(ROOT, "dist/content");
  const file = readdirSync(dir).find((f) => /^positionnement-[0-9a-f]{16}\.json$/.test(f));
  return new Map(JSON.parse(readFileSync(join(dir, file), "utf8")));
}

/// Answers the question on screen, rightly or wrongly, like a learner:
/// ticks choices by their label, or taps the steps in order.
export async function answerQuestion(page, question, { right }) {
  if (question.type === "order") {
    const steps = right ? question.steps : [...question.steps].reverse();
    for (const step of steps) {
      await page.getByRole("button", { name: `Placer : ${step}`, exact: true }).click();
    }
  } else {
    // Right: every right choice. Wrong: one wrong choice.
    const picks = right ? question.choices.filter((c) => c.correct) : [question.choices.find((c) => !c.correct)];
    for (const c of picks) {
      await page.getByLabel(c.label, { exact: true }).check();
    }
  }
  await page.getByRole("button", { name: "Valider" }).click();
}

/// The records of an IndexedDB store of the app, read in the page.
export async function storedRecords(page, store) {
  return page.evaluate(
    (store) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open("declic");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => {
            db.close();
            ok(req.result);
          };
          req.onerror = () => fail(req.error);
        };
      }),
    store,
  );
}

/// A server with a fresh database and a fresh phone-sized browser context
/// (and its first page unless `page: false`), stopped by `cleanups`.
/// `dist`: serve another build (a copy, for the update test).
export async function openApp(cleanups, { page = true, dist } = {}) {
  const server = await startServer({ dist });
  cleanups.push(async () => {
    await server.stop();
    server.cleanup();
  });
  const browser = await launch();
  cleanups.push(() => browser.close());
  const context = await browser.newContext(PHONE);
  return { server, browser, context, page: page ? await context.newPage() : undefined };
}

/// `openApp`, then one visit so the service worker has the whole build, then
/// the server stops and the network goes away: the app as a learner has it
/// on a phone with no connection.
export async function openAppOffline(cleanups) {
  const opened = await openApp(cleanups);
  await opened.page.goto(opened.server.url + "/");
  await waitForApp(opened.page);
  await waitForOffline(opened.page);
  await opened.server.stop();
  await opened.context.setOffline(true);
  return opened;
}
