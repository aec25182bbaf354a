// Shared by the end-to-end tests: start the real server on a free port with
// a fresh database, drive Debian's Chromium with playwright-core at phone
// size, check accessibility with axe-core, save screenshots.
import { after } from "node:test";
import { spawn, execFileSync } from "node:child_process";
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
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

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

/// A computer: a professional's (the pro entry's screens are made for it), or a public one (the sync tests' second device).
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: "fr-FR" };

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
/// change files under a running test (update test). Resolves once it
/// answers; throws, with what the server printed, if it exits or does not
/// answer within 10 s.
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
  let answered = false;
  for (let i = 0; i < 100 && !answered; i++) {
    if (child.exitCode !== null) break;
    try {
      answered = (await fetch(`${url}/api/health`)).ok;
    } catch {
      /* not listening yet */
    }
    if (!answered) await new Promise((r) => setTimeout(r, 100));
  }
  if (!answered) {
    const state = child.exitCode === null ? "did not answer on /api/health within 10 s" : `exited (${child.exitCode})`;
    child.kill("SIGKILL");
    rmSync(data, { recursive: true, force: true });
    throw new Error(`${SERVER_BIN} ${state}. It printed:\n${log || "(nothing)"}`);
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

/// Runs a command of the server binary on a started server's database
/// (`create-admin <email>`, `reset-password <email>`) and gives what it printed.
export function serverCommand(server, args) {
  return execFileSync(SERVER_BIN, args, {
    env: { ...process.env, DECLIC_DATA_DIR: server.data, RUST_LOG: "warn" },
    encoding: "utf8",
  });
}

/// Creates the deployment's first administrator on a started server and
/// gives the password it printed once.
export function createAdmin(server, email) {
  const printed = serverCommand(server, ["create-admin", email]);
  const password = printed.match(/Password \(shown once[^)]*\): (\S+)/)?.[1];
  assert.ok(password, printed);
  return password;
}

/// Signs a professional in at `/pro` (the entry's sign-in form).
export async function signIn(page, url, email, password) {
  await page.goto(`${url}/pro`);
  await waitForApp(page);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

export function copyDist() {
  const dir = mkdtempSync(join(tmpdir(), "declic-dist-"));
  cpSync(join(ROOT, "dist"), dir, { recursive: true });
  return dir;
}

/// Every page of every context records what the server's
/// Content-Security-Policy blocked (`securitypolicyviolation`), so that
/// `expectAccessible` fails on it: the policy must never break a screen.
/// (An init script comes through the DevTools protocol: the policy does not
/// apply to it.)
async function watchPolicy(context) {
  await context.addInitScript(() => {
    window.__blockedByPolicy = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__blockedByPolicy.push(`${e.violatedDirective}: ${e.blockedURI || "inline"}`),
    );
  });
  return context;
}

export async function launch() {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchPolicy(await newContext(options));
  return browser;
}

/// Fails on any axe-core violation (WCAG 2.1 A/AA and best practices), with
/// a readable list of what and where.
export async function expectAccessible(page, label) {
  const blocked = await page.evaluate(() => window.__blockedByPolicy ?? []);
  assert.deepEqual(blocked, [], `blocked by the Content-Security-Policy on ${label}`);
  // Evaluated, not added as a <script>: the policy allows no inline script.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
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
/// prerendered home or the job tools' placeholder: the live shell starts with
/// its skip link, which neither has outside #prerender.
export async function waitForApp(page) {
  await page.waitForFunction(
    () => !document.getElementById("prerender") && document.querySelector("#app > .skip-link"),
  );
}

/// The screen on show is complete: the live app, its heading, and nothing
/// left "Chargement…" (content read from the network or IndexedDB).
export async function waitForScreen(page) {
  await waitForApp(page);
  await page.locator("main h1").waitFor();
  await page.waitForFunction(() => !document.querySelector(".loading"));
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
  return watchPolicy(
    await chromium.launchPersistentContext(dir, {
      executablePath: "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
      headless: true,
      ...PHONE,
    }),
  );
}

/// The list the `openX(cleanups)` helpers push their clean-ups on. They run
/// after the enclosing `describe`'s tests, last opened first. Call it in the
/// `describe` body.
export function cleanupsAfterAll() {
  const cleanups = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  return cleanups;
}

/// `startServer`, stopped and its database removed by `cleanups`.
export async function openServer(cleanups, options) {
  const server = await startServer(options);
  cleanups.push(async () => {
    await server.stop();
    server.cleanup();
  });
  return server;
}

/// A phone: a browser profile kept on disk between launches (removed by
/// `cleanups`). `open()` launches the browser on it (offline: with no
/// network) and gives its page; `close()` shuts the browser, as a learner
/// closes it, keeping the profile.
export function openPhone(cleanups) {
  const dir = mkdtempSync(join(tmpdir(), "declic-profile-"));
  let context;
  const phone = {
    async open({ offline = false } = {}) {
      context = await launchProfile(dir);
      if (offline) await context.setOffline(true);
      const page = context.pages()[0] ?? (await context.newPage());
      return { context, page };
    },
    async close() {
      await context?.close();
      context = undefined;
    },
  };
  cleanups.push(async () => {
    await phone.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return phone;
}

/// What the built content holds, read as the app gets it: the domains of
/// `content/domains.toml` (in order) and the competence ids compiled into
/// `dist/content/`. Tests compare screens with these, not with numbers
/// that go stale when a lesson is added.
export function catalogueFacts() {
  const toml = readFileSync(join(ROOT, "content/domains.toml"), "utf8");
  const domains = toml
    .split(/^\[\[domain\]\]$/m)
    .slice(1)
    .map((block) => block.match(/^id = "([^"]+)"$/m)?.[1]);
  assert.ok(domains.length > 0 && domains.every(Boolean), "content/domains.toml: no [[domain]] with an id");
  const competences = compiledFiles()
    .map((f) => f.match(HASHED_JSON)[1])
    .filter((id) => id !== POSITIONING_STEM && !id.startsWith(SIMULATION_PREFIX))
    .sort();
  return { domains, competences };
}

// The content compiler's file names: `<id>-<short hash>.json`. The hash's
// length is the build's business (declic_core::content::SHORT_HASH_BYTES).
const HASHED_JSON = /^(.+)-[0-9a-f]+\.json$/;
const POSITIONING_STEM = "positionnement";
// Practice simulations compile beside the competences (crates/content/src/simulation).
const SIMULATION_PREFIX = "simulation-";

function compiledFiles() {
  return readdirSync(join(ROOT, "dist/content")).filter((f) => HASHED_JSON.test(f));
}

function compiledFile(stem) {
  const file = compiledFiles().find((f) => f.match(HASHED_JSON)[1] === stem);
  assert.ok(file, `no compiled content for ${stem} in dist/content`);
  return JSON.parse(readFileSync(join(ROOT, "dist/content", file), "utf8"));
}

/// The compiled content of one competence, read from the build (the test
/// knows the right answers the way the app does).
export function competenceContent(id) {
  return compiledFile(id);
}

/// Every competence's positioning items, as the app loads them.
export function positioningBank() {
  return new Map(compiledFile(POSITIONING_STEM));
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
  return (await storedEntries(page, store)).map(([, value]) => value);
}


/// Opens "Sauvegarde" (`/sauvegarde`).
export async function openBackup(page, url) {
  await page.goto(url + "/sauvegarde");
  await waitForScreen(page);
}

/// Waits until the header says everything is saved online.
export const syncSaved = (page) => page.locator(".sync-status", { hasText: "Tout est sauvegardé." }).waitFor();

/// Turns sync on from "Sauvegarde"; gives the 8 words once all is saved.
export async function turnOnSync(page, url) {
  await openBackup(page, url);
  await page.getByRole("button", { name: "Activer la sauvegarde" }).click();
  await page.locator(".phrase-words li").nth(7).waitFor();
  const words = await page.locator(".phrase-words li").allInnerTexts();
  await syncSaved(page);
  return words;
}

/// Restores the backup of `words` from "Sauvegarde", and waits until saved.
export async function restoreSync(page, url, words) {
  await openBackup(page, url);
  await page.getByLabel("Écrivez les 8 mots de votre carte").fill(words.join(" "));
  await page.getByRole("button", { name: "Retrouver ma progression" }).click();
  await syncSaved(page);
}

/// What the server's data directory holds, as text (SQLite and its WAL).
export function serverBytes(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => { try { return readFileSync(f) && true; } catch { return false; } })
    .map((f) => readFileSync(f).toString("latin1"))
    .join("\n");
}

/// The `[key, value]` entries of an IndexedDB store of the app, read in the page.
export async function storedEntries(page, store) {
  return page.evaluate(
    (store) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open("declic");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store);
          const keys = tx.objectStore(store).getAllKeys();
          const values = tx.objectStore(store).getAll();
          tx.oncomplete = () => {
            db.close();
            ok(keys.result.map((k, i) => [k, values.result[i]]));
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    store,
  );
}

/// A server with a fresh database and a fresh phone-sized browser context
/// (and its first page unless `page: false`), stopped by `cleanups`.
/// `dist`: serve another build (a copy, for the update test).
export async function openApp(cleanups, { page = true, dist } = {}) {
  const server = await openServer(cleanups, { dist });
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

/// Everything the app keeps on this browser profile for the page's origin,
/// read from the page (every IndexedDB database with every store's records,
/// localStorage, sessionStorage, every Cache Storage entry with its text)
/// and, independently, from the DevTools protocol (database and cache
/// names). Fails if any of `strings` (a learner's name, their device id…)
/// appears anywhere in it, and returns what it saw for further checks.
export async function assertNoPersonalTraces(page, strings) {
  const seen = await page.evaluate(async () => {
    const request = (r) =>
      new Promise((ok, fail) => {
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const databases = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await request(indexedDB.open(name));
      const stores = {};
      for (const store of db.objectStoreNames) {
        const tx = db.transaction(store);
        stores[store] = {
          keys: await request(tx.objectStore(store).getAllKeys()),
          values: await request(tx.objectStore(store).getAll()),
        };
      }
      db.close();
      databases.push({ name, stores });
    }
    const cacheList = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const entries = [];
      for (const req of await cache.keys()) {
        const response = await cache.match(req);
        const type = response.headers.get("content-type") ?? "";
        const text = /json|text|javascript|html|svg|xml/.test(type) ? await response.text() : "";
        entries.push({ url: req.url, text });
      }
      cacheList.push({ name, entries });
    }
    return {
      databases,
      localStorage: Object.fromEntries(Object.entries(localStorage)),
      sessionStorage: Object.fromEntries(Object.entries(sessionStorage)),
      caches: cacheList,
    };
  });
  const cdp = await page.context().newCDPSession(page);
  const securityOrigin = new URL(page.url()).origin;
  const { databaseNames } = await cdp.send("IndexedDB.requestDatabaseNames", { securityOrigin });
  const { caches: cdpCaches } = await cdp.send("CacheStorage.requestCacheNames", { securityOrigin });
  await cdp.detach();
  seen.cdp = { databaseNames, cacheNames: cdpCaches.map((c) => c.cacheName) };
  const text = JSON.stringify(seen);
  for (const s of strings) {
    assert.ok(s && !text.includes(s), `${JSON.stringify(s)} is still in the browser profile`);
  }
  return seen;
}
