// "Ma lettre de motivation": guided parts, coaching on tone, the PDF made
// offline with the CV's name, and the e-mail draft.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { openAppOffline, expectAccessible, screenshot, OUTPUT } from "./harness.mjs";

describe("Ma lettre de motivation", () => {
  const cleanups = [];
  after(async () => {
    for (const f of cleanups.reverse()) await f();
  });

  it("coaches the tone, makes the PDF offline and drafts the e-mail", async () => {
    const { server, page } = await openAppOffline(cleanups);

    // The name comes from the CV.
    await page.goto(server.url + "/mon-cv");
    await page.getByLabel("Prénom").fill("Sami");
    await page.getByLabel("Nom", { exact: true }).fill("Benali");
    await page.locator(".save-status .saved").waitFor();
    await page.getByRole("link", { name: "Ma lettre" }).click();
    await page.getByLabel("Nom de l'entreprise").waitFor();

    await page.getByLabel("Nom de l'entreprise").fill("Boulangerie Dupont");
    await page.getByLabel("Ville de l'entreprise").fill("Lyon");
    await page.getByLabel("Le poste que vous demandez").fill("Vendeur");
    await page.getByLabel("1. Pourquoi cette entreprise ?").fill("Salut, ton pain est trop bien mdr !!!");
    await page.locator(".advice", { hasText: /entre amis/ }).first().waitFor();
    await expectAccessible(page, "letter coaching");
    await screenshot(page, "letter-coaching");

    await page.getByLabel("1. Pourquoi cette entreprise ?").fill(
      "J'achète votre pain depuis des années. J'aime l'accueil chaleureux de votre équipe et la qualité de vos produits faits maison.",
    );
    await page.getByLabel("2. Ce que vous apportez").fill(
      "Pendant mon stage dans une épicerie, j'ai accueilli les clients, tenu la caisse et rangé les rayons. Je suis ponctuel et souriant.",
    );
    await page.getByLabel("3. Vos disponibilités").fill("Je suis disponible dès maintenant, à temps plein ou à temps partiel.");
    await page.locator(".save-status .saved").waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Télécharger en PDF" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "Lettre-Sami-Benali.pdf");
    const pdf = join(OUTPUT, "lettre.pdf");
    await download.saveAs(pdf);
    assert.match(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }), /^Pages:\s+1$/m);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    for (const expected of ["Candidature spontanée", "Vendeur", "Boulangerie Dupont", "Madame, Monsieur,", "Sami Benali", "J'achète votre pain"]) {
      assert.ok(text.includes(expected), `${expected} in the letter:\n${text}`);
    }
    execFileSync("pdftoppm", ["-png", "-r", "60", "-singlefile", pdf, join(OUTPUT, "lettre-pdf")]);

    const email = await page.locator(".email-body").innerText();
    assert.match(email, /Sami Benali/);
    await page.getByText("Pensez à joindre votre CV et votre lettre").waitFor();
    await expectAccessible(page, "letter done");
    await screenshot(page, "letter");
  });
});
