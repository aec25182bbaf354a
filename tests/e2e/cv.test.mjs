// "Mon CV" as a young job seeker meets it on a phone: a guided builder, one
// part of the CV a screen with "Suivant", no red box before anything is
// typed, an error only once a field typed in is left (or when the PDF is
// asked for: then every problem, each with a link to its step), a summary of
// what is filled and what is missing, and everything typed still there after
// closing the browser and coming back with no network.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, renameSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, launchProfile, expectAccessible, screenshot, waitForApp, waitForOffline, copyDist, openAppOffline, OUTPUT, PHONE } from "./harness.mjs";

async function openCv(page, url, path = "/mon-cv") {
  await page.goto(url + path);
  await waitForApp(page);
  await page.locator("main .loading").waitFor({ state: "detached" });
}

/// Goes to the next step with "Suivant", and waits for its heading.
async function next(page, heading) {
  await page.getByRole("link", { name: /^Suivant/ }).click();
  await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
}

/// The page's height on the phone (the brief: one or two screens a step).
async function pageHeight(page) {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

/// Looks at one step: axe, a screenshot, its height (printed for the report).
const heights = {};
async function look(page, name) {
  await expectAccessible(page, name);
  await screenshot(page, name);
  heights[name] = await pageHeight(page);
}

describe("Mon CV", () => {
  const cleanups = [];
  after(async () => {
    for (const f of cleanups.reverse()) await f();
    console.log("page height per step (px at 360×640):", JSON.stringify(heights));
  });

  it("guides one part a screen, calm until a field is left, and keeps every field offline after a closed browser", async () => {
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

    // A new, empty CV: its first step, and no advice box at all.
    await page.getByRole("heading", { level: 1, name: "Votre nom" }).waitFor();
    await page.getByText("Mon CV · Étape 1 sur 8").waitFor();
    assert.equal(await page.locator(".advice").count(), 0, "no red box on a new CV");
    await look(page, "cv-1-identite");

    // Typed in, emptied and left: now the error shows, and goes once fixed.
    const firstName = page.getByLabel("Prénom");
    await firstName.fill("L");
    await firstName.fill("");
    assert.equal(await page.locator(".advice-problem").count(), 0, "nothing while typing");
    await page.getByLabel("Nom", { exact: true }).focus();
    await page.locator(".advice-problem", { hasText: "Écrivez votre prénom" }).waitFor();
    assert.equal(await page.locator(".advice-problem").count(), 1, "only the field left");
    await screenshot(page, "cv-1-identite-error");
    await firstName.fill("Léa");
    await page.locator(".advice-problem").waitFor({ state: "detached" });
    await page.getByLabel("Nom", { exact: true }).fill("Martin");

    await next(page, "Vos coordonnées");
    assert.ok(page.url().endsWith("/mon-cv/contact"), page.url());
    assert.equal(await page.locator(".advice").count(), 0);
    await page.getByLabel("Téléphone").fill("+33 6.12.34.56.78");
    await page.getByLabel("Adresse e-mail").fill("bogossdu93@gmail.com");
    // Leaving the phone field puts the number in the French shape.
    assert.equal(await page.getByLabel("Téléphone").inputValue(), "06 12 34 56 78");
    await page.getByLabel("Ville").focus();
    // The kind prompt, with the way out: a formal address and the lesson.
    const prompt = page.locator(".email-prompt [role=group]");
    await prompt.getByText("lea.martin@gmail.com", { exact: true }).waitFor();
    await prompt.getByRole("link", { name: /Créer une adresse e-mail/ }).waitFor();
    assert.equal(await page.locator(".advice", { hasText: "Les recruteurs lisent votre adresse" }).count(), 0, "said once, by the prompt");
    await look(page, "cv-2-contact-prompt");
    await prompt.getByRole("button", { name: "Utiliser cette adresse" }).click();
    assert.equal(await page.getByLabel("Adresse e-mail").inputValue(), "lea.martin@gmail.com");
    assert.equal(await prompt.count(), 0, "the prompt goes once fixed");
    await page.getByLabel("Ville").fill("Saint-Étienne");

    await next(page, "Le poste que vous cherchez");
    await page.getByLabel("Titre du CV").fill("Vendeuse en boulangerie");
    await look(page, "cv-3-poste");

    await next(page, "Vos expériences");
    await page.getByRole("button", { name: "+ Ajouter une expérience" }).click();
    await page.getByLabel("Poste ou mission").fill("Vendeuse");
    await page.getByLabel("Entreprise ou association").fill("Boulangerie Dupont");
    await page.getByLabel("Début (mois et année)").fill("2024-03");
    await page.getByLabel("J'y suis encore (en cours)").uncheck();
    await page.getByLabel("Fin (mois et année)").fill("2099-08");
    await page.getByLabel("Ce que vous avez fait").focus();
    await page.locator(".advice-problem", { hasText: "La date de fin est après aujourd'hui" }).waitFor();
    await page.getByLabel("Fin (mois et année)").fill("2024-08");
    await page.getByLabel("Ce que vous avez fait").fill("« Meilleure vendeuse » du mois : prime de 50 € – œuvre d’équipe.");
    await page.locator(".advice-problem").waitFor({ state: "detached" });
    await look(page, "cv-4-experiences");

    await next(page, "Vos formations");
    await look(page, "cv-5-formations");
    await next(page, "Vos compétences");
    await page.getByRole("textbox", { name: "Compétences" }).fill("Accueil des clients\nTenue de caisse");
    await look(page, "cv-6-competences");
    await next(page, "Les langues que vous parlez");
    await page.getByRole("button", { name: "+ Ajouter une langue" }).click();
    await page.getByLabel("Langue", { exact: true }).fill("Anglais");
    await look(page, "cv-7-langues");
    await next(page, "Permis et centres d'intérêt");
    await page.getByLabel("J'ai le permis B").check();
    await look(page, "cv-8-permis");

    // The summary: what is filled, what is missing, each a link to its step.
    await next(page, "Récapitulatif");
    const summary = page.locator(".cv-summary");
    await summary.locator("li", { hasText: "Vos coordonnées" }).getByText("Rempli").waitFor();
    const training = summary.locator("li.summary-done", { hasText: "Vos formations" });
    assert.equal(await training.count(), 0, "no training yet");
    await look(page, "cv-9-recapitulatif");
    await summary.getByRole("link", { name: /Ajoutez vos formations/ }).click();
    await page.getByRole("heading", { level: 1, name: "Vos formations" }).waitFor();
    assert.ok(page.url().endsWith("/mon-cv/formations"), page.url());
    // Back to the summary with the phone's back button.
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Récapitulatif" }).waitFor();

    await next(page, "Aperçu et PDF");
    await page.locator(".save-status .saved").waitFor();
    await look(page, "cv-10-apercu");

    // Closed mid-way, reopened with no network on one step's own address:
    // every field is there.
    await context.close();
    await server.stop();
    context = await launchProfile(profile);
    cleanups.push(() => context.close().catch(() => {}));
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    await openCv(page, server.url, "/mon-cv/contact");
    await page.getByRole("heading", { level: 1, name: "Vos coordonnées" }).waitFor();
    assert.equal(await page.getByLabel("Téléphone").inputValue(), "06 12 34 56 78");
    assert.equal(await page.getByLabel("Adresse e-mail").inputValue(), "lea.martin@gmail.com");
    assert.equal(await page.locator("#cv-city").inputValue(), "Saint-Étienne");
    await page.getByRole("link", { name: "Voir l'aperçu et le PDF" }).click();
    await page.getByRole("heading", { level: 1, name: "Aperçu et PDF" }).waitFor();
    const preview = await page.locator(".cv-preview").innerText();
    for (const text of ["Léa MARTIN", "Vendeuse en boulangerie", "Boulangerie Dupont", "mars 2024", "Saint-Étienne", "Anglais", "Permis B"]) {
      assert.ok(preview.includes(text), `${text} in the preview`);
    }
    await expectAccessible(page, "cv offline");
    await screenshot(page, "cv-offline");

    // The PDF, made on the phone with no network: A4, one page, real text
    // with every accent and symbol. No problem to list: none shows.
    await page.getByLabel("Moderne").check();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Télécharger en PDF" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "CV-Lea-Martin.pdf");
    assert.equal(await page.locator(".advice-problem").count(), 0);
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
    await page.getByRole("link", { name: "← Précédent" }).click();
    await page.getByRole("link", { name: "Vos expériences" }).click();
    await page.getByLabel("Fin (mois et année)").fill("2024-03");
    await page.getByRole("link", { name: "Voir l'aperçu et le PDF" }).click();
    await page.locator(".cv-preview", { hasText: "(Emploi, mars 2024)" }).waitFor();
    assert.ok(!(await page.locator(".cv-preview").innerText()).includes("mars 2024 – mars 2024"));
    await context.close();
  });

  it("asking for the PDF of an unfinished CV shows every problem with a link to its step, and still makes it", async () => {
    const { server, page } = await openAppOffline(cleanups);
    await openCv(page, server.url, "/mon-cv/apercu");
    await page.getByRole("heading", { level: 1, name: "Aperçu et PDF" }).waitFor();
    assert.equal(await page.locator(".advice-problem").count(), 0, "calm before the PDF is asked for");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Télécharger en PDF" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "CV.pdf", "the learner decides: the PDF is made");
    const problems = page.locator(".advice-problem", { hasText: "À vérifier avant d'envoyer votre CV" });
    await problems.getByText("Écrivez votre prénom.", { exact: false }).waitFor();
    await problems.getByText("Écrivez votre nom de famille.", { exact: false }).waitFor();
    await look(page, "cv-pdf-problems");
    await problems.getByRole("link", { name: /Aller à .{1,3}Votre nom/ }).first().click();
    await page.getByRole("heading", { level: 1, name: "Votre nom" }).waitFor();
    // Now the step shows its errors next to its fields.
    await page.locator(".advice-problem", { hasText: "Écrivez votre prénom" }).waitFor();
    await page.locator(".advice-problem", { hasText: "Écrivez votre nom de famille" }).waitFor();
    await look(page, "cv-1-identite-after-pdf");
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
    await page.getByRole("link", { name: "Voir l'aperçu et le PDF" }).click();

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
