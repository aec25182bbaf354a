// A learner's first visits, at 360×640: home, the competence map, a lesson
// step by step, the summary, a reload, and a wrong address.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import {
  openApp, cleanupsAfterAll, catalogueFacts, PHONE, expectAccessible, screenshot, waitForApp,
} from "./harness.mjs";

describe("first visit", () => {
  const cleanups = cleanupsAfterAll();
  let server, browser, page;

  before(async () => {
    ({ server, browser, page } = await openApp(cleanups));
  });

  it("paints the home screen from the HTML, before any wasm runs", async () => {
    const noScript = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const bare = await noScript.newPage();
    await bare.goto(server.url + "/");
    assert.equal(await bare.locator("h1").innerText(), "Bienvenue sur Déclic");
    assert.equal(await bare.locator(".entry").count(), 8);
    await screenshot(bare, "home-prerendered");
    await noScript.close();
  });

  it("shows the home screen with its eight entries", async () => {
    await page.goto(server.url + "/");
    await waitForApp(page);
    assert.equal(await page.locator("h1").innerText(), "Bienvenue sur Déclic");
    const entries = await page.locator(".entry strong").allInnerTexts();
    assert.deepEqual(entries, ["Faire le point", "Mon parcours", "Toutes les compétences", "S'entraîner", "Mon CV", "Sauvegarde", "Rejoindre un groupe", "Mes données"]);
    assert.equal(await page.title(), "Déclic – apprendre le numérique");
    await expectAccessible(page, "home");
    await screenshot(page, "home");
  });

  it("opens the competence map from home", async () => {
    await page.getByRole("link", { name: /Toutes les compétences/ }).click();
    await page.waitForURL(server.url + "/competences");
    assert.equal(await page.locator("h1").innerText(), "Toutes les compétences");
    // Every domain of content/domains.toml, in order, and every compiled
    // competence, each once.
    const { domains, competences } = catalogueFacts();
    const shown = await page.locator("section.domain h2").evaluateAll((hs) => hs.map((h) => h.id));
    assert.deepEqual(shown, domains.map((d) => `domaine-${d}`));
    const links = await page.locator("a.competence").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual([...links].sort(), competences.map((id) => `/competences/${id}`));
    assert.match(
      await page.locator("main > p").first().innerText(),
      new RegExp(`^${competences.length} compétences, en ${domains.length} thèmes\\.`),
    );
    assert.match(await page.locator("a.competence").first().innerText(), /découverte|autonomie|avancé/);
    assert.match(await page.title(), /Toutes les compétences – Déclic/);
    await expectAccessible(page, "map");
    await screenshot(page, "map");
  });

  it("steps through a lesson, one idea per screen, to its summary", async () => {
    const first = page.locator("a.competence").first();
    const title = (await first.locator(".competence-title").innerText()).trim();
    await first.click();
    await page.waitForSelector(".step-count");
    assert.equal(await page.locator("h1").innerText(), title);
    const total = Number((await page.locator(".step-count").innerText()).match(/Étape 1 sur (\d+)/)[1]);
    assert.ok(total >= 3 && total <= 8, `a lesson has 3 to 8 steps, got ${total}`);
    await expectAccessible(page, "lesson step 1");
    await screenshot(page, "lesson-step-1");

    for (let step = 2; step <= total; step++) {
      await page.getByRole("link", { name: "Suivant →" }).click();
      await page.waitForFunction((n) => document.querySelector(".step-count")?.textContent.startsWith(`Étape ${n} `), step);
      assert.match(page.url(), new RegExp(`/etape/${step}$`));
    }
    await page.getByRole("link", { name: "À retenir →" }).click();
    await page.waitForSelector("#a-retenir");
    assert.ok((await page.locator(".recap li").count()) >= 2);
    await expectAccessible(page, "lesson summary");
    await screenshot(page, "lesson-summary");

    // The browser's back button returns to the last step.
    await page.goBack();
    await page.waitForFunction((n) => document.querySelector(".step-count")?.textContent.startsWith(`Étape ${n} `), total);
  });

  it("keeps the step on reload (real URLs)", async () => {
    const url = page.url();
    await page.reload();
    await waitForApp(page);
    await page.waitForSelector(".step-count");
    assert.equal(page.url(), url);
    assert.match(await page.locator(".step-count").innerText(), /^Étape \d+ sur \d+$/);
  });

  it("says plainly when a page does not exist", async () => {
    await page.goto(server.url + "/nimporte/quoi");
    await waitForApp(page);
    assert.equal(await page.locator("h1").innerText(), "Page introuvable");
    await page.goto(server.url + "/competences/cette-lecon-n-existe-pas");
    await waitForApp(page);
    assert.equal(await page.locator("h1").innerText(), "Page introuvable");
    await expectAccessible(page, "not found");
    await screenshot(page, "not-found");
    await page.getByRole("link", { name: "Revenir à l'accueil" }).click();
    await page.waitForURL(server.url + "/");
  });
});
