// The learner's side of groups and live workshops (issue 13), in four
// browser contexts: a professional at 1280×800 and three learners at
// 360×640 with sync on. The group is created; the learners join with the
// code through the app ("Mes groupes", the consent screen), one by the
// poster's link; one refuses and never appears; the follow-up shows the
// learners and their domains, and follows their progress and the CV one
// shared, as he edits it after joining; a live lesson
// and a live quiz go step by step on every phone, the answers show in the
// professional's anonymous counts; a learner who goes offline mid-quiz
// comes back at the current step with the same name and answer; one
// learner leaves and disappears. axe on every learner screen.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ROOT, PHONE, DESKTOP, cleanupsAfterAll, openServer, launch, waitForApp, waitForScreen, expectAccessible,
  screenshot, competenceContent, createAdmin, signIn, storedRecords,
} from "./harness.mjs";

/// The domain of each competence, from content/domains.toml.
function domainOf() {
  const toml = readFileSync(join(ROOT, "content/domains.toml"), "utf8");
  const map = new Map();
  for (const block of toml.split(/^\[\[domain\]\]$/m).slice(1)) {
    const id = block.match(/^id = "([^"]+)"$/m)[1];
    const title = block.match(/^title = "([^"]+)"$/m)[1];
    for (const [, c] of block.matchAll(/^\s+"([a-z0-9-]+)",?$/gm)) map.set(c, { id, title });
  }
  return map;
}

const LESSON = "appareil-clavier";
const LATER_LESSON = "email-piece-jointe";

async function turnOnSync(page, url) {
  await page.goto(`${url}/sauvegarde`);
  await waitForScreen(page);
  await page.getByRole("button", { name: "Activer la sauvegarde" }).click();
  await page.locator(".sync-status", { hasText: "Tout est sauvegardé." }).waitFor();
}

/// Opens a lesson's first step and waits until the device has saved it.
async function seeLesson(page, url, competence) {
  await page.goto(`${url}/competences/${competence}`);
  await waitForScreen(page);
  for (;;) {
    const events = await storedRecords(page, "events");
    if (events.some((e) => e.kind.type === "lesson-step-seen" && e.kind.competence === competence)) return;
    await page.waitForTimeout(100);
  }
}

async function openGroups(page, url, query = "") {
  await page.goto(`${url}/groupes${query}`);
  await waitForScreen(page);
}

/// The consent screen for `groupName` is on show.
async function consentScreen(page, groupName) {
  await page.getByRole("heading", { level: 1, name: `Rejoindre « ${groupName} »` }).waitFor();
}

describe("groups and live workshops, the learner's side", () => {
  const cleanups = cleanupsAfterAll();
  let server, browser, pro, samia, karim, lea, code, groupId;
  const domains = domainOf();
  // A quiz whose first two questions are answered by ticking one choice.
  const QUIZ = "email-piece-jointe";
  const quiz = competenceContent(QUIZ).quiz;

  before(async () => {
    server = await openServer(cleanups);
    const password = createAdmin(server, "admin@structure.fr");
    browser = await launch();
    cleanups.push(() => browser.close());
    pro = await (await browser.newContext(DESKTOP)).newPage();
    const learner = async () => (await browser.newContext(PHONE)).newPage();
    [samia, karim, lea] = [await learner(), await learner(), await learner()];
    await signIn(pro, server.url, "admin@structure.fr", password);
    await pro.getByRole("heading", { level: 1, name: "Mes groupes" }).waitFor();
    await pro.getByLabel("Nom du groupe").fill("Atelier du jeudi");
    await pro.getByRole("button", { name: "Créer le groupe" }).click();
    await pro.getByRole("heading", { level: 1, name: "Atelier du jeudi" }).waitFor();
    groupId = pro.url().split("/").at(-1);
    code = (await pro.locator(".join-code").innerText()).trim();
  });

  it("links home to the groups, and says plainly that joining needs sync", async () => {
    await lea.goto(server.url + "/");
    await waitForApp(lea);
    await lea.getByRole("link", { name: /Rejoindre un groupe/ }).click();
    await lea.waitForURL(`${server.url}/groupes`);
    await waitForScreen(lea);
    await lea.getByText("Pour rejoindre un groupe, activez d'abord la sauvegarde.").waitFor();
    const link = lea.getByRole("link", { name: "Activer la sauvegarde" });
    assert.equal(await link.getAttribute("href"), "/sauvegarde");
    assert.equal(await lea.getByLabel("Code du groupe").count(), 0);
    await expectAccessible(lea, "groups, sync off");
    await screenshot(lea, "groups-sync-off");
  });

  it("joins with a code typed loosely, after reading what is shared", async () => {
    await turnOnSync(samia, server.url);
    await seeLesson(samia, server.url, LESSON);
    await openGroups(samia, server.url);
    await samia.getByText("Vous n'avez rejoint aucun groupe pour l'instant.").waitFor();
    await expectAccessible(samia, "groups, none");
    await screenshot(samia, "groups-empty");

    // A code too short, then an unknown one: French messages, nothing asked.
    await samia.getByLabel("Code du groupe").fill("ace");
    await samia.getByRole("button", { name: "Continuer" }).click();
    await samia.getByRole("alert").filter({ hasText: "Le code a 6 signes" }).waitFor();
    const unknown = code === "AAA-AAA" ? "CCC-CCC" : "AAA-AAA";
    await samia.getByLabel("Code du groupe").fill(unknown);
    await samia.getByRole("button", { name: "Continuer" }).click();
    await samia.getByRole("alert").filter({ hasText: "Ce code ne correspond à aucun groupe" }).waitFor();
    await expectAccessible(samia, "groups, unknown code");

    await samia.getByLabel("Code du groupe").fill(` ${code.toLowerCase().replace("-", " ")} `);
    await samia.getByRole("button", { name: "Continuer" }).click();
    await consentScreen(samia, "Atelier du jeudi");
    const seen = await samia.locator("section", { has: samia.getByRole("heading", { name: "Ce que le groupe verra" }) }).innerText();
    for (const words of ["prénom ou le surnom", "chaque domaine", "Mon parcours", "dernière fois", "ateliers en direct", "Votre CV."]) {
      assert.ok(seen.includes(words), `shared: ${words}\n${seen}`);
    }
    // As a reader sees it: French typography puts no-break spaces after numbers.
    const never = (await samia.locator("section", { has: samia.getByRole("heading", { name: "Ce que le groupe ne verra jamais" }) }).innerText()).replaceAll("\u00a0", " ");
    for (const words of ["8 mots de sauvegarde", "quiz en dehors des ateliers", "documents", "lettre de motivation"]) {
      assert.ok(never.includes(words), `never: ${words}\n${never}`);
    }
    assert.equal(await samia.getByLabel("Partager mon CV avec ce groupe").isChecked(), false, "off by default");
    await expectAccessible(samia, "consent");
    await screenshot(samia, "groups-consent");

    await samia.getByRole("button", { name: "J'accepte" }).click();
    await samia.getByRole("alert").filter({ hasText: "Écrivez un prénom ou un surnom." }).waitFor();
    await samia.getByLabel("Votre prénom ou un surnom, pour ce groupe").fill("Samia");
    await samia.getByRole("button", { name: "J'accepte" }).click();
    await samia.getByText("Vous avez rejoint « Atelier du jeudi ».").waitFor();
    await samia.getByRole("heading", { level: 3, name: "Atelier du jeudi" }).waitFor();
    await samia.getByText("Vous y êtes sous le nom « Samia ».").waitFor();
    await expectAccessible(samia, "groups, joined");
    await screenshot(samia, "groups-joined");
  });

  it("joins by the poster's link; under 15, a parent must agree too", async () => {
    await turnOnSync(karim, server.url);
    await openGroups(karim, server.url, `?code=${code}`);
    await consentScreen(karim, "Atelier du jeudi");
    assert.equal(new URL(karim.url()).search, "", "the code left the address bar");
    await karim.getByLabel("Votre prénom ou un surnom, pour ce groupe").fill("Karim");
    await karim.getByLabel("J'ai moins de 15 ans").check();
    await karim.getByText("un parent soit d'accord lui aussi").waitFor();
    await karim.getByRole("button", { name: "J'accepte" }).click();
    await karim.getByRole("alert").filter({ hasText: "un parent doit être d'accord" }).waitFor();
    await expectAccessible(karim, "consent, under 15");
    await screenshot(karim, "groups-consent-under-15");
    await karim.getByLabel("Un de mes parents a lu et il est d'accord").check();
    await karim.getByLabel("Partager mon CV avec ce groupe").check();
    await karim.getByRole("button", { name: "J'accepte" }).click();
    await karim.getByText("Vous avez rejoint « Atelier du jeudi ».").waitFor();
  });

  it("records nothing when the learner refuses", async () => {
    await turnOnSync(lea, server.url);
    await openGroups(lea, server.url);
    await lea.getByLabel("Code du groupe").fill(code);
    await lea.getByRole("button", { name: "Continuer" }).click();
    await consentScreen(lea, "Atelier du jeudi");
    await lea.getByLabel("Votre prénom ou un surnom, pour ce groupe").fill("Léa");
    await lea.getByRole("button", { name: "Je refuse" }).click();
    await lea.getByText("Vous n'avez pas rejoint « Atelier du jeudi ». Rien n'a été partagé.").waitFor();
    await lea.getByText("Vous n'avez rejoint aucun groupe pour l'instant.").waitFor();
    await expectAccessible(lea, "groups, refused");
  });

  async function followUpRows() {
    await pro.goto(`${server.url}/pro/suivi/${groupId}`);
    await pro.getByRole("heading", { level: 1, name: /Suivi/ }).waitFor();
    await pro.locator("table.follow-up, .follow-up, main p").first().waitFor();
    return pro.getByRole("row");
  }

  /// The follow-up's cell of `name` for the domain of `competence`.
  async function stateOf(name, competence) {
    await followUpRows();
    const heads = await pro.locator("table.follow-up thead th").allInnerTexts();
    const column = heads.indexOf(domains.get(competence).title);
    assert.ok(column > 0, heads.join(" | "));
    return pro.getByRole("row", { name: new RegExp(name) }).locator("th, td").nth(column).innerText();
  }

  it("shows the professional who joined, their states, and follows their progress", async () => {
    const rows = await followUpRows();
    await pro.getByRole("row", { name: /Samia/ }).waitFor();
    await pro.getByRole("row", { name: /Karim/ }).waitFor();
    assert.equal(await rows.count(), 3, "the header, Samia and Karim");
    assert.doesNotMatch(await pro.locator("main").innerText(), /Léa/);
    assert.equal(await stateOf("Samia", LESSON), "En cours");
    assert.equal(await stateOf("Karim", LESSON), "Pas commencé");
    await pro.getByText("Moins de 15 ans : un parent a donné son accord.").waitFor();
    assert.notEqual(domains.get(LATER_LESSON).id, domains.get(LESSON).id);
    assert.equal(await stateOf("Samia", LATER_LESSON), "Pas commencé");

    // Progress made after joining reaches the group by itself (debounced).
    await seeLesson(samia, server.url, LATER_LESSON);
    for (let i = 0; ; i++) {
      if ((await stateOf("Samia", LATER_LESSON)) === "En cours") break;
      assert.ok(i < 20, "the new progress never reached the group");
      await pro.waitForTimeout(1000);
    }
    await screenshot(pro, "groups-follow-up-desktop");
  });

  it("shows the CV a learner chose to share, as it is after the learner edits it", async () => {
    // Karim shared his CV when he joined; he writes it only now, in the
    // job tools: the group gets it without any progress being made.
    await karim.goto(`${server.url}/mon-cv`);
    await waitForApp(karim);
    await karim.locator("main .loading").waitFor({ state: "detached" });
    await karim.getByLabel("Prénom").fill("Karim");
    await karim.getByLabel("Nom", { exact: true }).fill("Benali");
    const sheet = pro.locator("details.learner-cv", { hasText: "Le CV de Karim" });
    for (let i = 0; ; i++) {
      await followUpRows();
      if ((await sheet.count()) === 1 && (await sheet.innerText()).includes("Le CV de Karim")) {
        await sheet.locator("summary").click();
        if ((await sheet.locator(".cv-name").innerText()) === "Karim BENALI") break;
      }
      assert.ok(i < 30, "the CV never reached the group");
      await pro.waitForTimeout(1000);
    }
    assert.equal(await pro.locator("details.learner-cv", { hasText: "Samia" }).count(), 0, "Samia did not share hers");
    await expectAccessible(pro, "follow-up, a shared CV open");
    await screenshot(pro, "groups-follow-up-cv");
    await pro.setViewportSize(PHONE.viewport);
    await sheet.scrollIntoViewIfNeeded();
    await screenshot(pro, "groups-follow-up-cv-phone", { fullPage: false });
    await pro.setViewportSize(DESKTOP.viewport);
  });

  /// Waits for the banner on "Mes groupes", then opens the workshop.
  async function joinWorkshop(page) {
    await openGroups(page, server.url);
    await page.getByText("L'atelier a commencé.").waitFor({ timeout: 20_000 });
    await page.getByRole("link", { name: "Rejoindre l'atelier" }).click();
    await page.waitForURL(`${server.url}/atelier/${groupId}`);
    await waitForScreen(page);
  }

  async function startWorkshop(competence, kind) {
    await pro.goto(`${server.url}/pro/groupes/${groupId}`);
    await pro.getByLabel("Sujet").selectOption(competence);
    await pro.getByLabel(kind).check();
    await pro.getByRole("button", { name: "Lancer l'atelier" }).click();
    await pro.waitForURL(/\/pro\/ateliers\/[0-9a-f]{32}$/);
  }

  it("follows a live lesson step by step, to its end", async () => {
    const lesson = competenceContent(LESSON);
    await startWorkshop(LESSON, "La leçon, étape par étape");
    for (const page of [samia, karim]) await joinWorkshop(page);
    await samia.getByRole("heading", { level: 1, name: `Atelier : ${lesson.title}` }).waitFor();
    for (const page of [samia, karim]) {
      await page.getByRole("heading", { level: 2, name: lesson.steps[0].title }).waitFor();
    }
    await pro.locator(".connected", { hasText: "2" }).waitFor();
    await samia.getByText("Vous êtes « Samia » dans ce groupe.").waitFor();
    await expectAccessible(samia, "workshop, lesson step");
    await screenshot(samia, "groups-workshop-lesson");

    await pro.getByRole("button", { name: "Étape suivante" }).click();
    for (const page of [samia, karim]) {
      await page.getByRole("heading", { level: 2, name: lesson.steps[1].title }).waitFor();
      await page.getByText(`Étape 2 sur ${lesson.steps.length + 1}`).waitFor();
    }
    await pro.getByRole("button", { name: "Terminer l'atelier" }).click();
    for (const page of [samia, karim]) await page.getByText("L'atelier est terminé.").waitFor();
    await expectAccessible(samia, "workshop, ended");
    await screenshot(samia, "groups-workshop-ended");
  });

  it("answers a live quiz; the counts are anonymous; a learner offline comes back with her answer", async () => {
    const [first, second] = quiz;
    assert.ok(["single", "true-false"].includes(first.type) && second, `${QUIZ}: a first question with one choice`);
    await startWorkshop(QUIZ, "Le quiz, question par question");
    for (const page of [samia, karim]) await joinWorkshop(page);
    for (const page of [samia, karim]) {
      await page.getByRole("heading", { level: 2, name: first.prompt }).waitFor();
    }
    await expectAccessible(samia, "workshop, question");
    await samia.getByLabel(first.choices[0].label, { exact: true }).check();
    await samia.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await samia.getByText(`Votre réponse : ${first.choices[0].label}.`).waitFor();
    await karim.getByLabel(first.choices[1].label, { exact: true }).check();
    await karim.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await karim.getByText(`Votre réponse : ${first.choices[1].label}.`).waitFor();
    await screenshot(samia, "groups-workshop-answered");

    await pro.locator(".answered", { hasText: "2" }).waitFor();
    const rows = pro.locator(".count-row");
    await rows.nth(0).locator(".count-number", { hasText: "1 réponse" }).waitFor();
    await rows.nth(1).locator(".count-number", { hasText: "1 réponse" }).waitFor();
    assert.doesNotMatch(await pro.locator("main").innerText(), /Samia|Karim/, "counts, never names");
    await screenshot(pro, "groups-workshop-counts-desktop");

    // Samia's phone loses the network; the room moves on meanwhile.
    await samia.context().setOffline(true);
    await samia.getByText("Connexion perdue, on réessaie…").waitFor();
    await expectAccessible(samia, "workshop, connection lost");
    await screenshot(samia, "groups-workshop-offline");
    await pro.getByRole("button", { name: "Étape suivante" }).click();
    await karim.getByText("Question 1 : l'explication").waitFor();
    await pro.locator(".connected", { hasText: "1" }).waitFor();
    await samia.context().setOffline(false);
    await samia.getByText("Question 1 : l'explication").waitFor();
    await samia.getByText(`Votre réponse : ${first.choices[0].label}.`).waitFor();
    await samia.getByText("Vous êtes « Samia » dans ce groupe.").waitFor();
    assert.equal(await samia.getByText("Connexion perdue").count(), 0);
    await pro.locator(".connected", { hasText: "2" }).waitFor();
    await expectAccessible(samia, "workshop, explanation");
    await screenshot(samia, "groups-workshop-explanation");

    // The next question, then the end.
    await pro.getByRole("button", { name: "Étape suivante" }).click();
    await samia.getByRole("heading", { level: 2, name: second.prompt }).waitFor();
    assert.equal(await samia.getByText("Votre réponse").count(), 0, "a new question, no answer yet");
    await pro.getByRole("button", { name: "Terminer l'atelier" }).click();
    for (const page of [samia, karim]) await page.getByText("L'atelier est terminé.").waitFor();
  });

  it("leaves a group after a confirmation: the professional sees nothing more", async () => {
    await openGroups(karim, server.url);
    await karim.getByRole("button", { name: "Quitter ce groupe…" }).click();
    await karim.getByRole("alertdialog").waitFor();
    await expectAccessible(karim, "leave confirmation");
    await screenshot(karim, "groups-leave-confirm");
    await karim.getByRole("button", { name: "Oui, quitter ce groupe" }).click();
    await karim.getByText("Vous avez quitté « Atelier du jeudi ».").waitFor();
    await karim.getByText("Vous n'avez rejoint aucun groupe pour l'instant.").waitFor();
    const rows = await followUpRows();
    await pro.getByRole("row", { name: /Samia/ }).waitFor();
    assert.equal(await rows.count(), 2, "the header and Samia");
    assert.doesNotMatch(await pro.locator("main").innerText(), /Karim/);
  });
});
