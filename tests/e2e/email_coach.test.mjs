// The e-mail coach as a learner meets it on a phone (360×640): a mistyped
// provider is fixed in one tap, a nickname gets a kind prompt with an address
// built from the name, a fine address gets no prompt, and an answered prompt
// does not come back for the same address, even after a reload.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openAppOffline, cleanupsAfterAll, expectAccessible, screenshot, waitForApp } from "./harness.mjs";

describe("the e-mail coach", () => {
  const cleanups = cleanupsAfterAll();

  it("fixes a typo in one tap, questions a nickname, leaves a fine address alone", async () => {
    const { server, page } = await openAppOffline(cleanups);
    await page.goto(server.url + "/mon-cv");
    await page.getByLabel("Prénom").waitFor();
    await page.getByLabel("Prénom").fill("Awa");
    await page.getByLabel("Nom", { exact: true }).fill("N'Diaye");
    await page.getByRole("link", { name: /^Suivant/ }).click();
    await page.getByRole("heading", { level: 1, name: "Vos coordonnées" }).waitFor();
    const email = page.getByLabel("Adresse e-mail", { exact: true });
    const prompt = page.locator(".email-prompt [role=group]");

    // A typo in the domain: nothing while typing, the question once the field is left.
    await email.fill("awa.ndiaye@gmial.com");
    assert.equal(await prompt.count(), 0, "no prompt while typing");
    await page.getByLabel("Ville").focus();
    await prompt.getByText("Vouliez-vous dire awa.ndiaye@gmail.com ?").waitFor();
    await email.scrollIntoViewIfNeeded();
    await expectAccessible(page, "e-mail typo prompt");
    await screenshot(page, "email-coach-typo", { fullPage: false });
    await prompt.getByRole("button", { name: "Oui, corriger" }).click();
    assert.equal(await email.inputValue(), "awa.ndiaye@gmail.com");
    assert.equal(await prompt.count(), 0, "a professional address gets no prompt");

    // A nickname: the prompt explains and offers the address built from the name.
    await email.fill("bogoss93@gmail.com");
    await page.getByLabel("Ville").focus();
    await prompt.getByText("Votre nom n'apparaît pas dans l'adresse.").waitFor();
    await prompt.getByText("awa.ndiaye@gmail.com", { exact: true }).waitFor();
    await email.scrollIntoViewIfNeeded();
    await expectAccessible(page, "e-mail nickname prompt");
    await screenshot(page, "email-coach-nickname", { fullPage: false });
    // The learner keeps it: the CV is still saved, and the prompt is not asked again.
    await prompt.getByRole("button", { name: "Garder mon adresse" }).click();
    assert.equal(await prompt.count(), 0);
    assert.equal(await email.inputValue(), "bogoss93@gmail.com", "keeping changes nothing");
    await page.locator(".save-status .saved").waitFor();
    await email.focus();
    await page.getByLabel("Ville").focus();
    assert.equal(await prompt.count(), 0, "an answered address is not asked about again");
    // The PDF is not blocked.
    await page.getByRole("link", { name: "Voir l'aperçu et le PDF" }).click();
    assert.equal(await page.getByRole("button", { name: /PDF/ }).first().isDisabled(), false);
    await page.goBack();

    // After a reload, still not asked again.
    await page.reload();
    await waitForApp(page);
    await page.getByLabel("Adresse e-mail", { exact: true }).waitFor();
    assert.equal(await page.getByLabel("Adresse e-mail", { exact: true }).inputValue(), "bogoss93@gmail.com");
    await page.locator(".email-prompt").waitFor({ state: "attached" });
    assert.equal(await prompt.count(), 0, "answered before the reload");

    // A fine address: no prompt at all.
    await email.fill("awa.ndiaye@orange.fr");
    await page.getByLabel("Ville").focus();
    await page.locator(".save-status .saved").waitFor();
    assert.equal(await prompt.count(), 0);
    await screenshot(page, "email-coach-fine", { fullPage: false });
  });

  it("asks about a pseudonym in the letter, whose address comes from a CV without a name", async () => {
    const { server, page } = await openAppOffline(cleanups);
    await page.goto(server.url + "/mon-cv/contact");
    await page.getByLabel("Adresse e-mail", { exact: true }).fill("petitchat75@gmail.com");
    await page.getByLabel("Ville").focus();
    await page.locator(".save-status .saved").waitFor();
    await page.getByRole("link", { name: "Ma lettre" }).click();
    await page.getByLabel("Nom de l'entreprise").waitFor();
    const prompt = page.locator(".email-prompt [role=group]");
    await prompt.getByText("Votre adresse : petitchat75@gmail.com").waitFor();
    await prompt.getByText(/ressemble à un pseudo|mots de tous les jours/).waitFor();
    await expectAccessible(page, "letter e-mail prompt");
    await screenshot(page, "email-coach-letter", { fullPage: false });
    await prompt.getByRole("button", { name: "J'ai compris" }).click();
    assert.equal(await prompt.count(), 0);
  });
});
