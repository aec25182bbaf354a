// Losing the network: after one visit, every screen and every lesson works
// with the server gone. And updates: a new build waits, the learner is
// offered "Mettre à jour", and no page mixes files of two builds.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, rmSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  openApp, copyDist, cleanupsAfterAll, expectAccessible, screenshot, waitForApp, waitForOffline,
} from "./harness.mjs";

describe("offline", () => {
  const cleanups = cleanupsAfterAll();

  it("works with no network after the first visit: reload on a lesson and on home", async () => {
    const { server, context, page } = await openApp(cleanups);

    await page.goto(server.url + "/");
    await waitForApp(page);
    await waitForOffline(page);

    // Pick two lessons from the map: one opened online, one never opened.
    await page.goto(server.url + "/competences");
    await waitForApp(page);
    const links = await page.locator("a.competence").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(links.length >= 2);
    const [visited, neverOpened] = [links[0], links[links.length - 1]];
    await page.goto(server.url + visited + "/etape/2");
    await page.waitForSelector(".step-count");

    // The network goes away: the browser says so, and the server is gone.
    await server.stop();
    await context.setOffline(true);

    await page.reload();
    await waitForApp(page);
    await page.waitForSelector(".step-count");
    assert.match(await page.locator(".step-count").innerText(), /^Étape 2 sur \d+$/);
    await page.waitForSelector(".banner-offline");
    assert.match(await page.locator(".banner-offline").innerText(), /hors connexion/);
    await expectAccessible(page, "lesson offline");
    await screenshot(page, "lesson-offline");

    await page.goto(server.url + "/");
    await waitForApp(page);
    assert.equal(await page.locator("h1").innerText(), "Bienvenue sur Déclic");
    await screenshot(page, "home-offline");

    await page.goto(server.url + neverOpened);
    await waitForApp(page);
    await page.waitForSelector(".step-count");
    assert.match(await page.locator(".step-count").innerText(), /^Étape 1 sur \d+$/);

    await page.goto(server.url + "/competences");
    await waitForApp(page);
    assert.equal(await page.locator("h1").innerText(), "Toutes les compétences");

    // A step of the CV builder never opened, by its own address: the job
    // tools' page from the cache, on that step; "Suivant" goes on offline.
    await page.goto(server.url + "/mon-cv/recapitulatif");
    await waitForApp(page);
    await page.getByRole("heading", { level: 1, name: "Récapitulatif" }).waitFor();
    await page.getByRole("link", { name: /^Suivant/ }).click();
    await page.getByRole("heading", { level: 1, name: "Aperçu et PDF" }).waitFor();
    assert.ok(page.url().endsWith("/mon-cv/apercu"), page.url());
    await screenshot(page, "cv-preview-offline");
  });

  it("installs an update only when the learner asks, never mixing two builds", async () => {
    const dist = copyDist();
    cleanups.push(() => rmSync(dist, { recursive: true, force: true }));
    const { server, page } = await openApp(cleanups, { dist });

    await page.goto(server.url + "/");
    await waitForApp(page);
    await waitForOffline(page);
    await page.reload(); // now controlled by the service worker
    await waitForApp(page);

    // Deploy a new build: index.html changes, and so does the worker's manifest.
    publishNewBuild(dist, "<!-- build 2 -->");

    // The browser finds the new worker; it installs in the background and waits.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForSelector(".banner-update", { timeout: 30_000 });
    assert.match(await page.locator(".banner-update").innerText(), /nouvelle version/);
    await expectAccessible(page, "update banner");
    await screenshot(page, "update-banner");

    // Until the learner agrees, the old build keeps serving, even on reload,
    // and the offer is still there.
    await page.reload();
    await waitForApp(page);
    assert.ok(!(await page.content()).includes("build 2"), "the old build is still served while the new one waits");
    await page.waitForSelector(".banner-update");

    await Promise.all([
      page.waitForEvent("load"),
      page.getByRole("button", { name: "Mettre à jour" }).click(),
    ]);
    await waitForApp(page);
    assert.ok((await page.content()).includes("build 2"), "the new build serves after the update");
    assert.equal(await page.locator(".banner-update").count(), 0);
  });
});

/// Changes index.html in a copy of dist/ and rewrites the service worker's
/// manifest as postbuild would (hash of each file, new version).
function publishNewBuild(dist, marker) {
  const indexPath = join(dist, "index.html");
  writeFileSync(indexPath, readFileSync(indexPath, "utf8").replace("</body>", `${marker}</body>`));
  for (const suffix of [".br", ".gz"]) rmSync(indexPath + suffix, { force: true });

  const swPath = join(dist, "sw.js");
  const sw = readFileSync(swPath, "utf8");
  const line = sw.split("\n").find((l) => l.startsWith("const MANIFEST = "));
  const manifest = JSON.parse(line.replace("const MANIFEST = ", "").replace(/;$/, ""));
  // The same short hashes as postbuild's, as long as the ones it wrote.
  const hash = (bytes, like) => createHash("sha256").update(bytes).digest("hex").slice(0, like.length);
  manifest.files = manifest.files.map(([url, h]) => [url, url === "/index.html" ? hash(readFileSync(indexPath), h) : h]);
  manifest.version = hash(JSON.stringify(manifest.files), manifest.version);
  writeFileSync(
    swPath,
    sw.replace(line, `const MANIFEST = ${JSON.stringify(manifest)};`),
  );
  for (const suffix of [".br", ".gz"]) rmSync(swPath + suffix, { force: true });
  assert.ok(readdirSync(dist).includes("sw.js"));
}
