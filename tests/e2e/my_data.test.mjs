// "Mes données" as a learner uses it on a phone: what the device keeps, in
// plain French; the export, a JSON file that holds their answers and their
// CV; "Tout effacer", confirmed, after which nothing personal is left in the
// browser profile (seen from the page and from the DevTools protocol), the
// next visit is a first visit, and the app still works offline.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  cleanupsAfterAll, openApp, waitForApp, waitForScreen, waitForOffline, expectAccessible, screenshot,
  competenceContent, answerQuestion, storedRecords, assertNoPersonalTraces,
} from "./harness.mjs";

const COMPETENCE = "email-piece-jointe";
// Strings no lesson or build file contains: if one is found after the
// erase, it is the learner's.
const CV = { first: "Zéphyrine", last: "Quertinmou", city: "Montbrison-sur-Lignon" };

async function openMyData(page, url) {
  await page.goto(url + "/mes-donnees");
  await waitForScreen(page);
}

/// A CV started in the job tools, saved.
async function writeCv(page, url) {
  await page.goto(url + "/mon-cv");
  await waitForApp(page);
  await page.getByLabel("Prénom").fill(CV.first);
  await page.getByLabel("Nom", { exact: true }).fill(CV.last);
  await page.getByRole("link", { name: /^Suivant/ }).click();
  await page.getByLabel("Ville").fill(CV.city);
  await page.getByText("Enregistré sur cet appareil").first().waitFor();
}

/// One quiz question answered, saved.
async function answerOne(page, url) {
  const { quiz } = competenceContent(COMPETENCE);
  await page.goto(`${url}/competences/${COMPETENCE}/quiz`);
  await waitForScreen(page);
  await page.getByRole("button", { name: "Commencer le quiz" }).click();
  const prompt = await page.locator(".question-prompt").innerText();
  const question = quiz.find((q) => q.prompt === prompt);
  assert.ok(question, `unknown question on screen: ${prompt}`);
  await answerQuestion(page, question, { right: true });
  await page.getByText("Enregistré sur cet appareil").first().waitFor();
}

describe("Mes données", () => {
  const cleanups = cleanupsAfterAll();

  it("exports answers and CV, then erases every trace and the app still works offline", async () => {
    const { server, context, page } = await openApp(cleanups);
    await page.goto(server.url + "/");
    await waitForApp(page);
    await waitForOffline(page);
    // The way in: the home menu.
    await page.getByRole("link", { name: /Mes données/ }).waitFor();

    await answerOne(page, server.url);
    await writeCv(page, server.url);
    const [device] = await storedRecords(page, "meta");
    assert.match(device, /^[0-9a-f]{16}$/);

    await openMyData(page, server.url);
    await page.getByText("Votre CV.").waitFor();
    await page.getByText(/réponses? (et|ou) étapes? de leçons?\./).waitFor();
    await expectAccessible(page, "mes données");
    await screenshot(page, "my-data");

    // The export: a JSON file that says what it is and holds everything.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Télécharger mes données" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^declic-mes-donnees-\d{4}-\d\d-\d\d\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.match(exported.read_me, /^Ce fichier contient toutes les données de Déclic/);
    assert.equal(exported.format, "declic-export");
    assert.equal(exported.version, 1);
    assert.match(exported.exported_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(exported.device.device, device);
    const answers = exported.progress.filter((e) => e.event.kind.type === "quiz-answered");
    assert.equal(answers.length, 1, JSON.stringify(exported.progress));
    assert.equal(answers[0].event.kind.competence, COMPETENCE);
    assert.equal(answers[0].event.kind.correct, true);
    assert.match(answers[0].date, /^\d{4}-\d\d-\d\dT/);
    const cvText = JSON.stringify(exported.documents.cv);
    for (const s of Object.values(CV)) assert.ok(cvText.includes(s), `${s} not in ${cvText}`);
    await page.getByText("Le fichier est dans vos téléchargements.").waitFor();
    await expectAccessible(page, "mes données exported");

    // "Tout effacer" asks first, and says what will be lost.
    await page.getByRole("button", { name: "Tout effacer" }).click();
    await page.getByText("Voulez-vous vraiment tout effacer ?").waitFor();
    await page.locator("#effacer-etat").getByText("Votre CV.").waitFor();
    await expectAccessible(page, "erase confirmation");
    await page.locator("#effacer-etat").scrollIntoViewIfNeeded();
    await screenshot(page, "my-data-confirm", { fullPage: false });
    await page.evaluate(() => (document.documentElement.style.fontSize = "225%"));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${overflow}px of horizontal scrolling at 200 %`);
    await page.locator("#effacer-etat").scrollIntoViewIfNeeded();
    await screenshot(page, "my-data-confirm-zoom-200", { fullPage: false });
    await page.evaluate(() => (document.documentElement.style.fontSize = ""));

    // "Annuler" changes nothing; the second tap erases, with another tab
    // of the app open (it lets the database go).
    await page.getByRole("button", { name: "Annuler" }).click();
    assert.equal((await storedRecords(page, "documents")).length, 1);
    const other = await context.newPage();
    await other.goto(server.url + "/competences");
    await waitForScreen(other);
    await page.getByRole("button", { name: "Tout effacer" }).click();
    await page.getByRole("button", { name: "Oui, tout effacer" }).click();
    await page.getByText("Tout est effacé.").waitFor();
    await expectAccessible(page, "erased");
    await screenshot(page, "my-data-erased", { fullPage: false });

    // Nothing personal is left, seen from the page and from CDP.
    const seen = await assertNoPersonalTraces(page, [...Object.values(CV), device]);
    assert.deepEqual(seen.databases, []);
    assert.deepEqual(seen.cdp.databaseNames, []);
    assert.deepEqual(seen.localStorage, {});
    assert.deepEqual(seen.sessionStorage, {});
    // Only the build's cache is left, and it holds files of the build only.
    // Build caches, and the service worker's record of which old build an
    // open page still uses (`declic:kept`, no personal data).
    assert.ok(seen.caches.length >= 1 && seen.caches.every((c) => c.name.startsWith("declic-") || c.name === "declic:kept"), JSON.stringify(seen.cdp));
    const sw = await (await fetch(server.url + "/sw.js")).text();
    const manifest = JSON.parse(sw.match(/const MANIFEST = (\{.*?\});/s)[1]);
    const build = new Set(manifest.files.map(([url]) => new URL(url, server.url).href));
    for (const c of seen.caches.filter((c) => c.name !== "declic:kept")) {
      for (const e of c.entries) assert.ok(build.has(e.url), `${e.url} in ${c.name} is not a file of the build`);
    }
    await other.close();

    // Offline, the app comes back as on a first visit.
    await server.stop();
    await context.setOffline(true);
    await page.getByRole("button", { name: "Revenir à l'accueil" }).click();
    await page.waitForURL(server.url + "/");
    await waitForScreen(page);
    await page.getByRole("link", { name: /Faire le point/ }).waitFor();
    // No "Reprendre" card, no progress: a first visit.
    assert.equal(await page.locator(".resume, .my-progress").count(), 0);
    await page.goto(server.url + "/mon-cv");
    await waitForApp(page);
    await page.getByLabel("Prénom").waitFor();
    assert.equal(await page.getByLabel("Prénom").inputValue(), "");
    assert.equal(await page.getByLabel("Nom", { exact: true }).inputValue(), "");
    const after = await assertNoPersonalTraces(page, [...Object.values(CV), device]);
    assert.ok(after.databases.every((d) => d.name === "declic"));
  });

  it("says in French when another tab keeps the database, and erases once it is closed", async () => {
    const { server, context, page } = await openApp(cleanups);
    await writeCv(page, server.url);
    // A tab that holds the database and does not let it go (an older
    // version of the app would).
    const stubborn = await context.newPage();
    await stubborn.goto(server.url + "/404-nothing-here");
    await stubborn.evaluate(
      () =>
        new Promise((ok, fail) => {
          const open = indexedDB.open("declic");
          open.onsuccess = () => {
            window.held = open.result;
            ok();
          };
          open.onerror = () => fail(open.error);
        }),
    );
    await openMyData(page, server.url);
    await page.getByRole("button", { name: "Tout effacer" }).click();
    await page.getByRole("button", { name: "Oui, tout effacer" }).click();
    await page.getByText(/Déclic est encore ouvert dans un autre onglet/).waitFor();
    await expectAccessible(page, "erase blocked");
    await screenshot(page, "my-data-blocked", { fullPage: false });

    await stubborn.close();
    await page.getByRole("button", { name: "Réessayer" }).click();
    await page.getByText("Tout est effacé.").waitFor();
    const seen = await assertNoPersonalTraces(page, Object.values(CV));
    assert.deepEqual(seen.databases, []);
  });
});
