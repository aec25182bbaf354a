// Accessibility beyond axe: 200 % text on a 360 px screen without
// horizontal scrolling, 48 px touch targets, the learning loop by keyboard
// alone with a visible focus, and "Écouter" speaking French.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openApp, cleanupsAfterAll, waitForScreen, screenshot, competenceContent } from "./harness.mjs";

const SCREENS = [
  "/", "/competences", "/competences/email-piece-jointe", "/competences/email-piece-jointe/quiz",
  "/faire-le-point", "/mon-parcours", "/mon-cv", "/mon-cv/contact", "/mon-cv/experiences",
  "/mon-cv/recapitulatif", "/mon-cv/apercu", "/ma-lettre", "/entretien", "/nimporte/quoi",
];

/// Opens a screen and waits until it is complete (nothing left loading).
async function openScreen(page, url) {
  await page.goto(url);
  await waitForScreen(page);
}

describe("accessibility", () => {
  const cleanups = cleanupsAfterAll();

  it("reads at 200 % text size with no horizontal scrolling, targets at least 48 px", async () => {
    const { server, page } = await openApp(cleanups);
    for (const path of SCREENS) {
      await openScreen(page, server.url + path);
      // Browser text zoom: the root size doubles, everything in rem follows.
      await page.evaluate(() => (document.documentElement.style.fontSize = "225%"));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path}: ${overflow}px of horizontal scrolling at 200 %`);
      if (["/competences/email-piece-jointe/quiz", "/mon-cv", "/mon-cv/recapitulatif"].includes(path)) {
        await screenshot(page, `zoom-200${path.replaceAll("/", "-")}`, { fullPage: false });
      }
      await page.evaluate(() => (document.documentElement.style.fontSize = ""));

      const small = await page.evaluate(() =>
        [...document.querySelectorAll(".button, .entry, .competence, .step-chip, .choice, .field input, .field select, .field textarea, summary, .job-tabs a, .breadcrumb a, .brand")]
          .filter((el) => el.offsetParent !== null)
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width < 47.5 || r.height < 47.5)
          .map(({ el, r }) => `${el.className || el.tagName} "${el.textContent.trim().slice(0, 30)}" ${r.width.toFixed(0)}×${r.height.toFixed(0)}`),
      );
      assert.deepEqual(small, [], `${path}: touch targets under 48×48`);
    }
  });

  it("takes the whole learning loop by keyboard alone, focus always visible", async () => {
    const { server, page } = await openApp(cleanups);
    const { steps, quiz } = competenceContent("email-piece-jointe");
    await openScreen(page, server.url + "/");

    /// Presses Tab until the focused element matches, checking on the way
    /// that focus is visible (an outline), at most `limit` times.
    async function tabTo(description, matches, limit = 60) {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press("Tab");
        const state = await page.evaluate((src) => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          // Headings focused by the app after a navigation (tabindex -1, for
          // screen readers) are not stops of the Tab order: no ring needed.
          const visible = el.tabIndex < 0 || (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2);
          // eslint-disable-next-line no-new-func
          return { match: new Function("el", `return ${src}`)(el), visible, tag: el.tagName, text: el.textContent.trim().slice(0, 40) };
        }, matches);
        assert.ok(state.visible, `focus not visible on ${state.tag} "${state.text}"`);
        if (state.match) return;
      }
      assert.fail(`could not reach ${description} with Tab`);
    }

    await tabTo("Toutes les compétences", `el.getAttribute("href") === "/competences"`);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Toutes les compétences", level: 1 }).waitFor();
    await page.locator('a[href="/competences/email-piece-jointe"]').waitFor();
    await tabTo("the lesson", `el.getAttribute("href") === "/competences/email-piece-jointe"`);
    await page.keyboard.press("Enter");
    await page.locator(".step-count").waitFor();
    for (let step = 1; step <= steps.length; step++) {
      await tabTo("Suivant", `/Suivant|À retenir/.test(el.textContent)`);
      await page.keyboard.press("Enter");
      await page.waitForFunction((n) => location.pathname.endsWith(`/etape/${n}`), step + 1);
    }
    await page.getByRole("link", { name: "Faire le quiz →" }).waitFor();
    await tabTo("Faire le quiz", `/Faire le quiz/.test(el.textContent)`);
    await page.keyboard.press("Enter");
    // The quiz appears once its content is read: wait for it, as a person would.
    await page.getByRole("button", { name: "Commencer le quiz" }).waitFor();
    await tabTo("Commencer le quiz", `/Commencer le quiz/.test(el.textContent)`);
    await page.keyboard.press("Enter");
    await page.locator(".question-prompt").waitFor();
    // "Je ne sais pas" is always reachable by keyboard.
    const prompt = await page.locator(".question-prompt").innerText();
    assert.ok(quiz.some((x) => x.prompt === prompt));
    await tabTo("Je ne sais pas", `el.textContent.trim() === "Je ne sais pas"`);
    await page.keyboard.press("Enter");
    await page.locator(".verdict").waitFor();
    // Focus moves to the feedback, so a screen reader reads it next.
    await page.waitForFunction(() => document.activeElement.id === "verdict-titre");
    await screenshot(page, "keyboard-quiz-feedback", { fullPage: false });
  });

  it("reads a lesson step aloud in French when a French voice exists", async () => {
    const { server, context } = await openApp(cleanups, { page: false });
    await context.addInitScript(() => {
      const spoken = [];
      globalThis.__spoken = spoken;
      const voice = Object.create(SpeechSynthesisVoice.prototype, {
        lang: { value: "fr-FR" }, name: { value: "Voix de test" }, default: { value: true },
      });
      const synth = { getVoices: () => [voice], speak: (u) => spoken.push({ text: u.text, lang: u.lang }), cancel() {}, onvoiceschanged: null };
      Object.defineProperty(window, "speechSynthesis", { get: () => synth });
      window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    });
    const page = await context.newPage();
    const { steps } = competenceContent("email-piece-jointe");
    await openScreen(page, server.url + "/competences/email-piece-jointe");
    await page.getByRole("button", { name: "Écouter" }).click();
    const spoken = await page.evaluate(() => globalThis.__spoken);
    assert.equal(spoken.length, 1);
    assert.equal(spoken[0].lang, "fr-FR");
    assert.ok(spoken[0].text.startsWith(steps[0].title), spoken[0].text);
  });

  it("hides 'Écouter' when no French voice exists", async () => {
    const { server, context } = await openApp(cleanups, { page: false });
    await context.addInitScript(() => {
      const synth = { getVoices: () => [], speak() {}, cancel() {}, onvoiceschanged: null };
      Object.defineProperty(window, "speechSynthesis", { get: () => synth });
    });
    const page = await context.newPage();
    await openScreen(page, server.url + "/competences/email-piece-jointe");
    await page.locator(".step-count").waitFor();
    assert.equal(await page.getByRole("button", { name: "Écouter" }).count(), 0);
  });
});
