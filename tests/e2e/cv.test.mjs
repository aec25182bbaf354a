// "Mon CV" as a young job seeker fills it on a phone: an address that looks
// unprofessional gets a kind prompt and a lesson, the phone number is put in
// shape, and everything typed is still there after closing the browser and
// coming back with no network.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, renameSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, launchProfile, expectAccessible, screenshot, waitForApp, waitForOffline, copyDist, OUTPUT, PHONE } from "./harness.mjs";

async function openCv(page, url) {
  await page.goto(url + "/mon-cv");
  await waitForApp(page);
  await page.getByLabel("Prénom").waitFor();
}

describe("Mon CV", () => {
  const cleanups = [];
  after(async () => {
    for (const f of cleanups.reverse()) await f();
  });

  it("coaches the e-mail address, keeps every field offline after a closed browser", async () => {
    const server = await startServer();
    cleanups.push(async () => {
      await server.stop();
      server.cleanup();
    });
    const profile = mkdtempSync(join(tmpdir(), "declic-profile-"));
    cleanups.push(() => rmSync(profile, { recursive: true, force: true }));

    let context = await launchProfile(profile);
    cleanups.push(() => context.close().catch(() => {}));
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url + "/");
    await waitForApp(page);
    await waitForOffline(page);
    await page.getByRole("link", { name: /Mon CV/ }).click();
    await page.getByLabel("Prénom").waitFor();

    await page.getByLabel("Prénom").fill("Léa");
    await page.getByLabel("Nom", { exact: true }).fill("Martin");
    await page.getByLabel("Téléphone").fill("+33 6.12.34.56.78");
    await page.getByLabel("Adresse e-mail").fill("bogossdu93@gmail.com");
    // Leaving the phone field puts the number in the French shape.
    assert.equal(await page.getByLabel("Téléphone").inputValue(), "06 12 34 56 78");

    // The kind prompt, with the way out: a formal address and the lesson.
    const prompt = page.locator(".advice", { hasText: "prenom.nom" }).or(page.locator(".advice", { hasText: "lea.martin" })).first();
    await prompt.waitFor();
    await prompt.getByRole("link", { name: /Créer une adresse e-mail/ }).waitFor();
    await expectAccessible(page, "cv coaching");
    await screenshot(page, "cv-email-prompt");
    await page.getByLabel("Adresse e-mail").scrollIntoViewIfNeeded();
    await screenshot(page, "cv-email-prompt-screen", { fullPage: false });

    await page.getByLabel("Adresse e-mail").fill("lea.martin@gmail.com");
    await page.getByLabel("Ville").fill("Saint-Étienne");
    await page.getByLabel("Titre du CV").fill("Vendeuse en boulangerie");
    assert.equal(await page.locator(".advice", { hasText: "lea.martin" }).count(), 0, "the prompt goes once fixed");

    await page.getByRole("button", { name: "+ Ajouter une expérience" }).click();
    await page.getByLabel("Poste ou mission").fill("Vendeuse");
    await page.getByLabel("Entreprise ou association").fill("Boulangerie Dupont");
    await page.getByLabel("Début (mois et année)").fill("2024-03");
    await page.getByLabel("J'y suis encore (en cours)").uncheck();
    await page.getByLabel("Fin (mois et année)").fill("2024-08");
    await page.getByLabel("Ce que vous avez fait").fill("« Meilleure vendeuse » du mois : prime de 50 € – œuvre d’équipe.");
    await page.getByRole("textbox", { name: "Compétences" }).fill("Accueil des clients\nTenue de caisse");
    await page.locator(".save-status .saved").waitFor();
    await screenshot(page, "cv-filled");

    // Closed mid-way, reopened with no network: every field is there.
    await context.close();
    await server.stop();
    context = await launchProfile(profile);
    cleanups.push(() => context.close().catch(() => {}));
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    await openCv(page, server.url);
    const values = {
      "Prénom": "Léa",
      "Téléphone": "06 12 34 56 78",
      "Adresse e-mail": "lea.martin@gmail.com",
      "Titre du CV": "Vendeuse en boulangerie",
      "Poste ou mission": "Vendeuse",
      "Entreprise ou association": "Boulangerie Dupont",
      "Début (mois et année)": "2024-03",
      "Fin (mois et année)": "2024-08",
      "Ce que vous avez fait": "« Meilleure vendeuse » du mois : prime de 50 € – œuvre d’équipe.",
      "Compétences": "Accueil des clients\nTenue de caisse",
    };
    for (const [label, value] of Object.entries(values)) {
      assert.equal(await page.getByRole("textbox", { name: label, exact: true }).inputValue(), value, label);
    }
    assert.equal(await page.locator("#cv-city").inputValue(), "Saint-Étienne");
    const preview = await page.locator(".cv-preview").innerText();
    for (const text of ["Léa MARTIN", "Vendeuse en boulangerie", "Boulangerie Dupont", "mars 2024", "Saint-Étienne"]) {
      assert.ok(preview.includes(text), `${text} in the preview`);
    }
    await expectAccessible(page, "cv offline");
    await screenshot(page, "cv-offline");

    // The PDF, made on the phone with no network: A4, one page, real text
    // with every accent and symbol.
    await page.getByLabel("Moderne").check();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Télécharger en PDF" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "CV-Lea-Martin.pdf");
    const pdf = join(OUTPUT, "cv.pdf");
    await download.saveAs(pdf);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    assert.match(info, /^Pages:\s+1$/m);
    assert.match(info, /^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const expected of [
      "Léa MARTIN", "Saint-Étienne", "Vendeuse en boulangerie", "Vendeuse – Boulangerie Dupont",
      "mars 2024 – août 2024", "« Meilleure vendeuse » du mois : prime de 50 € – œuvre d’équipe.",
      "Accueil des clients", "Tenue de caisse",
    ]) {
      assert.ok(text.includes(expected), `${expected} in the PDF text:\n${text}`);
    }
    execFileSync("pdftoppm", ["-png", "-r", "60", "-singlefile", pdf, join(OUTPUT, "cv-pdf")]);

    // One month prints once, in the preview as in the PDF.
    await page.getByLabel("Fin (mois et année)").fill("2024-03");
    await page.locator(".cv-preview", { hasText: "(Emploi, mars 2024)" }).waitFor();
    assert.ok(!(await page.locator(".cv-preview").innerText()).includes("mars 2024 – mars 2024"));
    await context.close();
  });
});

describe("Mon CV, the PDF engine", () => {
  const cleanups = [];
  after(async () => {
    for (const f of cleanups.reverse()) await f();
  });

  it("if the PDF engine cannot load, says so in French, and the next tap makes the PDF", async () => {
    // A copy of the build without the engine's wasm, and no service worker:
    // the engine comes from this server, as on a first visit.
    const dist = copyDist();
    cleanups.push(() => rmSync(dist, { recursive: true, force: true }));
    const engine = join(dist, "declic-pdf-worker_bg.wasm");
    const kept = engine + ".kept";
    renameSync(engine, kept);
    for (const suffix of [".br", ".gz"]) rmSync(engine + suffix, { force: true });
    const server = await startServer({ dist });
    cleanups.push(async () => {
      await server.stop();
      server.cleanup();
    });
    const browser = await launch();
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
    const page = await context.newPage();
    await openCv(page, server.url);
    await page.getByLabel("Prénom").fill("Léa");
    await page.getByLabel("Nom", { exact: true }).fill("Martin");

    await page.getByRole("button", { name: "Télécharger en PDF" }).click();
    const failure = page.getByRole("status").getByText("Le PDF n'a pas pu être créé. Vérifiez votre connexion à Internet", { exact: false });
    await failure.waitFor();
    await expectAccessible(page, "cv pdf failed");
    await screenshot(page, "cv-pdf-failed");

    renameSync(kept, engine);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Télécharger en PDF" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "CV-Lea-Martin.pdf");
    const pdf = join(OUTPUT, "cv-retry.pdf");
    await download.saveAs(pdf);
    assert.match(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }), /Léa MARTIN/);
    await failure.waitFor({ state: "detached" });
  });
});
