// Every screen paints itself first: a link to any screen (the kind a
// counsellor sends by SMS) shows that screen's own heading from the first
// paint, never another screen's, on a first visit (the server's prerendered
// page) and offline on a repeat visit (the service worker's neutral page,
// filled by the wasm). Both entries: the main app and the job tools.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import {
  openApp, cleanupsAfterAll, competenceContent, PHONE, screenshot, waitForApp, waitForScreen,
  waitForOffline,
} from "./harness.mjs";

const LESSON = "email-piece-jointe";
const steps = competenceContent(LESSON).steps.length;
// [path, prerendered by the build: its heading is in the page's HTML]
const ROUTES = [
  ["/", true],
  ["/competences", true],
  [`/competences/${LESSON}`, true],
  [`/competences/${LESSON}/etape/2`, true],
  [`/competences/${LESSON}/etape/${steps + 1}`, true],
  [`/competences/${LESSON}/quiz`, true],
  ["/faire-le-point", true],
  ["/mon-parcours", true],
  ["/page/inconnue", true],
  ["/competences/lecon-inconnue", false],
  ["/mon-cv", true],
  ["/mon-cv/contact", true],
  ["/mon-cv/recapitulatif", true],
  ["/mon-cv/apercu", true],
  ["/mon-cv/inconnue", true],
  ["/ma-lettre", true],
  ["/entretien", true],
];

// Installed before any page script runs: every heading `main h1` shows, in
// order, whether it was in the page's own HTML (inside #prerender), and
// whether a "Chargement…" ever showed.
const RECORD = () => {
  window.__headings = [];
  window.__sawLoading = false;
  const look = () => {
    const h1 = document.querySelector("main h1");
    const text = h1?.textContent;
    const last = window.__headings[window.__headings.length - 1];
    if (text && text !== last?.text) {
      window.__headings.push({ text, fromHtml: !!h1.closest("#prerender") });
    }
    // A "Chargement…" of the live app (the prerendered CV honestly says it
    // waits for the saved CV: that one is the page's own).
    const loading = document.querySelector("main .loading");
    if (loading && !loading.closest("#prerender")) window.__sawLoading = true;
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, characterData: true });
};

async function visit(page, url) {
  await page.goto(url);
  await waitForScreen(page);
  const final = await page.locator("main h1").first().textContent();
  const { headings, sawLoading } = await page.evaluate(() => ({ headings: window.__headings, sawLoading: window.__sawLoading }));
  return { final, headings, sawLoading };
}

describe("first paint of every screen", () => {
  const cleanups = cleanupsAfterAll();
  let server, browser;

  before(async () => {
    ({ server, browser } = await openApp(cleanups, { page: false }));
  });

  it("paints each screen's own heading on a first visit by a link", async () => {
    for (const [path, prerendered] of ROUTES) {
      // A new context each time: a first visit, nothing cached.
      const context = await browser.newContext(PHONE);
      await context.addInitScript(RECORD);
      const page = await context.newPage();
      const { final, headings, sawLoading } = await visit(page, server.url + path);
      assert.ok(headings.length > 0, `${path}: no heading`);
      assert.deepEqual(
        headings.map((h) => h.text),
        [final],
        `${path}: the first heading painted is the screen's own, and the only one`,
      );
      assert.equal(headings[0].fromHtml, prerendered, `${path}: heading in the HTML`);
      if (prerendered) assert.equal(sawLoading, false, `${path}: a "Chargement…" replaced the painted screen`);
      await context.close();
    }
  });

  it("keeps the page's own paint as the largest one once the live app takes over", async () => {
    // Lighthouse's phone (412×823): on a fast machine the wasm used to start
    // before the page's first frame was presented; Chrome then dropped the
    // page's text from the LCP candidates and counted the live copy, as if
    // the screen had waited for the wasm.
    const LIGHTHOUSE_PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
    for (const path of ["/", `/competences/${LESSON}`, `/competences/${LESSON}/quiz`, "/mon-cv"]) {
      const context = await browser.newContext(LIGHTHOUSE_PHONE);
      await context.addInitScript(() => {
        window.__lcp = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__lcp.push(e.startTime);
        }).observe({ type: "largest-contentful-paint", buffered: true });
        new MutationObserver(() => {
          if (window.__swapped === undefined && !document.getElementById("prerender") && document.querySelector("#app > .skip-link")) {
            window.__swapped = performance.now();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      await page.goto(server.url + path);
      await waitForScreen(page);
      // Two frames and more for a late candidate to be reported.
      await page.waitForTimeout(300);
      const { lcp, swapped } = await page.evaluate(() => ({ lcp: window.__lcp, swapped: window.__swapped }));
      assert.ok(lcp.length > 0, `${path}: no largest contentful paint`);
      assert.ok(swapped !== undefined, `${path}: the live app never took over`);
      assert.ok(
        lcp.every((t) => t < swapped),
        `${path}: a largest paint at ${lcp.map(Math.round)} ms, after the swap at ${Math.round(swapped)} ms`,
      );
      await context.close();
    }
  });

  it("paints the same screens from HTML alone, with controls that do not pretend to work", async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [path, prerendered] of ROUTES) {
      if (!prerendered) continue;
      await page.goto(server.url + path);
      assert.equal(await page.locator("main h1").count(), 1, path);
      const live = await page.locator("main button:not([disabled]), main input:not([disabled]), main textarea:not([disabled]), main select:not([disabled])").count();
      assert.equal(live, 0, `${path}: a control looks usable before the app runs`);
    }
    await page.goto(`${server.url}/competences/${LESSON}/etape/2`);
    assert.match(await page.locator(".step-count").innerText(), new RegExp(`Étape 2 sur ${steps}`));
    assert.equal(await page.locator(".step-body").count(), 1);
    assert.match(await page.title(), /– Déclic$/);
    await screenshot(page, "first-paint-lesson-step-2-html-only");
    await page.goto(`${server.url}/competences/${LESSON}/quiz`);
    await screenshot(page, "first-paint-quiz-html-only");
    await page.goto(`${server.url}/mon-cv`);
    assert.equal(await page.locator("main h1").innerText(), "Votre nom");
    assert.match(await page.locator(".step-count").innerText(), /Étape 1 sur 8/);
    // The step's introduction too, not only "Chargement…" (it was the late LCP).
    await page.getByText("Remplissez votre CV une partie à la fois.").waitFor({ timeout: 1_000 });
    await screenshot(page, "first-paint-cv-html-only");
    await page.goto(`${server.url}/mon-cv/contact`);
    assert.equal(await page.locator("main h1").innerText(), "Vos coordonnées");
    assert.match(await page.title(), /^Vos coordonnées – Déclic$/);
    await page.getByText("Comment l'employeur peut vous joindre.").waitFor({ timeout: 1_000 });
    await context.close();
  });

  it("paints each screen's own heading offline on a repeat visit", async () => {
    const context = await browser.newContext(PHONE);
    await context.addInitScript(RECORD);
    const page = await context.newPage();
    // The first visit installs the service worker with both entries.
    await page.goto(server.url + "/");
    await waitForApp(page);
    await waitForOffline(page);
    await context.setOffline(true);
    for (const [path] of ROUTES) {
      const { final, headings } = await visit(page, server.url + path);
      assert.deepEqual(
        headings.map((h) => h.text),
        [final],
        `${path} offline: the first heading painted is the screen's own`,
      );
    }
    await screenshot(page, "first-paint-offline-last");
    await context.close();
  });
});
