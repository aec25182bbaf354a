// "Préparer un entretien": the questions with their advice, the practice
// mode with its one-minute timer (driven by a fake clock), and the
// self-check quiz, offline.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { openAppOffline, expectAccessible, screenshot } from "./harness.mjs";

describe("Préparer un entretien", () => {
  const cleanups = [];
  after(async () => {
    for (const f of cleanups.reverse()) await f();
  });

  it("shows the questions, trains with a timer, checks what was learnt, offline", async () => {
    const { server, page } = await openAppOffline(cleanups);

    // The practice timer runs on the page's clock: the test drives it
    // instead of waiting for real seconds.
    await page.clock.install();
    await page.goto(server.url + "/entretien");
    await page.getByRole("heading", { name: "Préparer un entretien" }).waitFor();
    assert.equal(await page.locator(".job-tabs a[aria-current=page]").innerText(), "L'entretien");
    assert.equal(await page.locator("details.interview-question").count(), 12);
    await page.locator("details.interview-question summary").first().click();
    await page.getByText("Pourquoi on vous le demande").first().waitFor();
    await expectAccessible(page, "interview");
    await screenshot(page, "interview");

    await page.getByRole("button", { name: "Commencer l'entraînement" }).click();
    await page.clock.pauseAt(Date.now() + 60 * 60 * 1000);
    await page.getByRole("button", { name: /^À voix haute.*60 secondes$/ }).click();
    await page.getByText("Encore 60 secondes").waitFor();
    await page.clock.runFor(3000);
    await page.getByText("Encore 57 secondes").waitFor();
    await page.clock.runFor(57_000);
    await page.getByText("Temps écoulé.").waitFor();
    await page.clock.runFor(5000);
    assert.equal(await page.getByRole("status").filter({ hasText: "Temps écoulé." }).count(), 1, "the timer stops at zero");
    await page.clock.resume();
    await page.getByRole("button", { name: "Voir les conseils" }).click();
    await page.getByRole("heading", { name: "Les conseils" }).waitFor();
    await expectAccessible(page, "interview practice");
    await screenshot(page, "interview-practice", { fullPage: false });
    await page.getByRole("button", { name: "Question suivante →" }).click();
    await page.getByText("Question 2 sur 12").waitFor();

    await page.getByRole("button", { name: "Je ne sais pas" }).click();
    await page.locator(".verdict").waitFor();
    await page.getByRole("button", { name: "Suivant →" }).click();
    await page.getByText("Question 2 sur 6").waitFor();
  });
});
