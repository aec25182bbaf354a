// Updates without surprises: a tab left open on an old build keeps working
// while another tab installs and activates a new one. The new build has
// changed a lesson (its content file has a new hashed name, the old one is
// gone from the server); the old tab's wasm still asks for the old file and
// must get it from the old build's cache, kept until no page uses it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, rmSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { openApp, cleanupsAfterAll, copyDist, waitForApp, waitForOffline, waitForScreen, screenshot } from "./harness.mjs";

const LESSON = "email-piece-jointe";

describe("updates", () => {
  const cleanups = cleanupsAfterAll();

  it("keeps an old tab working while another tab activates a new build", async () => {
    const dist = copyDist();
    cleanups.push(() => rmSync(dist, { recursive: true, force: true }));
    const { server, context, page: old } = await openApp(cleanups, { dist });

    await old.goto(server.url + "/");
    await waitForApp(old);
    await waitForOffline(old);
    await old.reload(); // now controlled by the service worker
    await waitForApp(old);
    const other = await context.newPage();
    await other.goto(server.url + "/");
    await waitForApp(other);

    const oldUrl = publishChangedLesson(dist, LESSON);
    assert.equal((await fetch(server.url + oldUrl)).status, 404, "the server no longer has the old lesson file");

    // The other tab installs the new build and the learner there agrees.
    await other.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await other.waitForSelector(".banner-update", { timeout: 30_000 });
    await Promise.all([other.waitForEvent("load"), other.getByRole("button", { name: "Mettre à jour" }).click()]);
    await waitForApp(other);
    const cacheNames = () => other.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("declic-")));
    assert.equal((await cacheNames()).length, 2, "the old build's cache is kept while the old tab is open");

    // The old tab, never reloaded, opens the lesson its build knows.
    await old.evaluate((path) => {
      const link = document.createElement("a");
      link.href = path;
      document.body.append(link);
      link.click();
    }, `/competences/${LESSON}`);
    await waitForScreen(old);
    assert.equal(await old.locator(".notice-error").count(), 0, "the old tab could not load its lesson");
    assert.match(await old.locator(".step-count").innerText(), /^Étape 1 sur/);
    await screenshot(old, "update-old-tab-still-works");

    // Once the old tab is closed, the next navigation frees its cache.
    await old.close();
    await other.goto(server.url + "/competences");
    await waitForApp(other);
    await other.waitForFunction(
      async () => (await caches.keys()).filter((k) => k.startsWith("declic-")).length === 1,
      null,
      { polling: 200, timeout: 30_000 },
    );
  });
});

/// Publishes, in `dist`, a build whose lesson `id` changed: its content file
/// gets new bytes and a new hashed name (the old file is removed), and the
/// service worker's manifest lists it with its hash, under a new version, as
/// postbuild would. Returns the old file's URL.
function publishChangedLesson(dist, id) {
  const dir = join(dist, "content");
  const name = readdirSync(dir).find((f) => new RegExp(`^${id}-[0-9a-f]+\\.json$`).test(f));
  const oldHash = name.slice(id.length + 1, -".json".length);
  const bytes = Buffer.concat([readFileSync(join(dir, name)), Buffer.from("\n")]);
  const hash = (b, like) => createHash("sha256").update(b).digest("hex").slice(0, like.length);
  const newName = `${id}-${hash(bytes, oldHash)}.json`;
  writeFileSync(join(dir, newName), bytes);
  for (const suffix of ["", ".br", ".gz"]) rmSync(join(dir, name + suffix), { force: true });

  const swPath = join(dist, "sw.js");
  const sw = readFileSync(swPath, "utf8");
  const line = sw.split("\n").find((l) => l.startsWith("const MANIFEST = "));
  const manifest = JSON.parse(line.replace("const MANIFEST = ", "").replace(/;$/, ""));
  manifest.files = manifest.files.map(([url, h]) =>
    url === `/content/${name}` ? [`/content/${newName}`, hash(bytes, h)] : [url, h],
  );
  manifest.version = hash(JSON.stringify(manifest.files), manifest.version);
  writeFileSync(swPath, sw.replace(line, `const MANIFEST = ${JSON.stringify(manifest)};`));
  for (const suffix of [".br", ".gz"]) rmSync(swPath + suffix, { force: true });
  return `/content/${name}`;
}
