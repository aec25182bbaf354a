// The professional entry (issue 13): a counsellor at 1280×800 (and the
// same screens at 360×640) signs in, creates a group, follows a learner who
// joined with the code and shared a summary, runs a live quiz workshop the
// learner follows and answers, and signs out. The learner side is played
// through the HTTP API, keys derived with node's crypto exactly as
// crates/server/API.md says (the learner's screens are the sync shell's).
// Another counsellor sees none of it; a learner who never joined appears
// nowhere. Posters, sheets and lesson guides are printed (emulateMedia)
// and looked at; the poster's QR code, read by a real decoder (zbar),
// opens the learner's join screen with the group's code.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import {
  openServer, launch, cleanupsAfterAll, expectAccessible, screenshot, waitForApp, waitForScreen, createAdmin, signIn, turnOnSync,
  catalogueFacts, competenceContent, PHONE, DESKTOP, OUTPUT,
} from "./harness.mjs";

const CODE = /^[ACEFGHJKMNPRTWXY3479]{3}-[ACEFGHJKMNPRTWXY3479]{3}$/;

/// A learner's sync space: ids from a random master secret, as the app derives them.
function learnerKeys() {
  const master = randomBytes(32);
  const derive = (info, len) => Buffer.from(hkdfSync("sha256", master, "declic-sync-v1", info, len)).toString("hex");
  return { space: derive("space-id", 16), token: derive("access", 32) };
}

async function learnerApi(url, keys, method, path, body) {
  const res = await fetch(`${url}/api/v1/spaces/${keys.space}${path}`, {
    method,
    headers: { Authorization: `Bearer ${keys.token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/// Whitespace (no-break spaces included) as single spaces.
const squeeze = (text) => text.replace(/\s+/g, " ").trim();

/// The learner's live stream, read with fetch() like the app (EventSource
/// cannot send the bearer token). `next(test)` waits for the next event
/// that passes `test`.
async function openLearnerStream(url, keys, workshopId) {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/v1/spaces/${keys.space}/workshops/${workshopId}/events`, {
    headers: { Authorization: `Bearer ${keys.token}` },
    signal: controller.signal,
  });
  assert.equal(res.status, 200);
  const events = [];
  let wake = () => {};
  (async () => {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = block.match(/^event: (.*)$/m)?.[1];
          const data = block.match(/^data: (.*)$/m)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          wake();
        }
      }
    } catch {
      /* aborted */
    }
    wake();
  })();
  let seen = 0;
  return {
    async next(test) {
      for (;;) {
        while (seen < events.length) {
          const e = events[seen++];
          if (test(e)) return e;
        }
        await new Promise((r) => (wake = r));
      }
    },
    close: () => controller.abort(),
  };
}

describe("professional entry", () => {
  const cleanups = cleanupsAfterAll();
  let server, browser, page, adminPassword;
  const { domains } = catalogueFacts();
  // A competence whose first question is answered by ticking a choice.
  const quizId = catalogueFacts().competences.find((id) =>
    ["single", "true-false"].includes(competenceContent(id).quiz[0]?.type),
  );

  before(async () => {
    server = await openServer(cleanups);
    adminPassword = createAdmin(server, "admin@structure.fr");
    browser = await launch();
    cleanups.push(() => browser.close());
    page = await (await browser.newContext(DESKTOP)).newPage();
  });

  it("signs in, with French errors for a wrong password", async () => {
    await page.goto(`${server.url}/pro`);
    await waitForApp(page);
    await page.getByRole("button", { name: "Se connecter" }).waitFor();
    await expectAccessible(page, "sign-in");
    await screenshot(page, "pro-sign-in-desktop");
    await page.getByLabel("Adresse e-mail").fill("admin@structure.fr");
    await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("alert").filter({ hasText: "ne correspond pas" }).waitFor();
    await expectAccessible(page, "sign-in error");
    await page.getByLabel("Mot de passe").fill(adminPassword);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { level: 1, name: "Mes groupes" }).waitFor();
    await expectAccessible(page, "groups, empty");
  });

  let groupId, code, learner, counsellorPassword;

  it("creates a group and shows its join code big", async () => {
    await page.getByLabel("Nom du groupe").fill("Atelier du mardi");
    await page.getByRole("button", { name: "Créer le groupe" }).click();
    await page.getByRole("heading", { level: 1, name: "Atelier du mardi" }).waitFor();
    groupId = page.url().match(/\/pro\/groupes\/([0-9a-f]{32})$/)?.[1];
    assert.ok(groupId, page.url());
    code = (await page.locator(".join-code").innerText()).trim();
    assert.match(code, CODE);
    await expectAccessible(page, "group");
    await screenshot(page, "pro-group-desktop");
    await page.setViewportSize(PHONE.viewport);
    await screenshot(page, "pro-group-phone");
    await page.setViewportSize(DESKTOP.viewport);
  });

  it("renames the group", async () => {
    await page.getByLabel("Nouveau nom").fill("Atelier du mardi matin");
    await page.getByRole("button", { name: "Renommer" }).click();
    await page.getByRole("heading", { level: 1, name: "Atelier du mardi matin" }).waitFor();
    await page.goto(`${server.url}/pro`);
    await page.getByRole("link", { name: /Atelier du mardi matin/ }).waitFor();
    assert.match(await page.locator(".entries").innerText(), new RegExp(code));
  });

  it("creates a counsellor's account and shows its password once", async () => {
    await page.goto(`${server.url}/pro/compte`);
    await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
    await page.getByLabel("Adresse e-mail du nouveau compte").fill("conseil@structure.fr");
    await page.getByRole("button", { name: "Créer le compte" }).click();
    await page.locator(".password-once").waitFor();
    counsellorPassword = (await page.locator(".password-once .join-code").innerText()).trim();
    assert.ok(counsellorPassword.length >= 10, counsellorPassword);
    await page.getByText("conseil@structure.fr, créé le").waitFor();
    await expectAccessible(page, "account, admin");
    await screenshot(page, "pro-account-desktop");
  });

  it("follows a learner who joined and shared, and nobody else", async () => {
    learner = learnerKeys();
    const stranger = learnerKeys();
    for (const k of [learner, stranger]) {
      assert.equal((await learnerApi(server.url, k, "PUT", "", {})).status, 200);
    }
    // The stranger reads what would be shared, then does not join.
    assert.equal((await learnerApi(server.url, stranger, "POST", "/groups/preview", { code })).status, 200);
    const joined = await learnerApi(server.url, learner, "POST", "/groups", {
      code: code.toLowerCase().replace("-", " "),
      display_name: "Samia",
      consent: true,
    });
    assert.equal(joined.status, 200, JSON.stringify(joined.body));
    const published = await learnerApi(server.url, learner, "PUT", `/groups/${groupId}/summary`, {
      summary: {
        domains: [
          { domain: domains[0], state: "acquis" },
          { domain: domains[1], state: "en_cours" },
        ],
        path: ["Envoyer un e-mail avec une pièce jointe : à faire"],
        last_activity: 1796169600,
      },
    });
    assert.equal(published.status, 200, JSON.stringify(published.body));

    await page.goto(`${server.url}/pro/suivi/${groupId}`);
    await page.getByRole("heading", { level: 1, name: /Suivi/ }).waitFor();
    const row = page.getByRole("row", { name: /Samia/ });
    await row.waitFor();
    const cells = await row.locator("td").allInnerTexts();
    assert.deepEqual(cells.slice(0, 2), ["Acquis", "En cours"]);
    assert.ok(cells.slice(2, domains.length).every((c) => c === "Pas commencé"), cells.join(" | "));
    assert.equal(cells.at(-1), "2 décembre 2026");
    await page.getByText("Envoyer un e-mail avec une pièce jointe : à faire").waitFor();
    assert.equal(await page.getByRole("row").count(), 2, "the header and Samia, nobody else");
    await expectAccessible(page, "follow-up");
    await screenshot(page, "pro-follow-up-desktop");
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "pro-follow-up-print");
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize(PHONE.viewport);
    await expectAccessible(page, "follow-up, phone");
    await screenshot(page, "pro-follow-up-phone");
    await page.setViewportSize(DESKTOP.viewport);
  });

  it("prints a poster with the code and the steps to join", async () => {
    await page.goto(`${server.url}/pro/affiche/${groupId}`);
    await page.locator(".poster-code").waitFor();
    assert.equal((await page.locator(".poster-code").innerText()).trim(), code);
    assert.match(await page.locator(".poster-steps").innerText(), new RegExp(`127\\.0\\.0\\.1:${server.port}`));
    await expectAccessible(page, "poster");
    await screenshot(page, "pro-poster-desktop");
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "pro-poster-print");
    assert.equal(await page.getByRole("button", { name: "Imprimer l'affiche" }).isVisible(), false);
    // Big enough to scan from a wall: the code itself (its quiet zone of
    // 4 modules a side left out) at least 5 cm wide on paper (96 px = 1 in).
    const svg = page.locator(".poster-qr svg");
    const side = (await svg.boundingBox()).width;
    const modules = Number((await svg.getAttribute("viewBox")).split(" ")[2]);
    const mm = ((side * (modules - 8)) / modules / 96) * 25.4;
    assert.ok(mm >= 50, `the QR code prints ${mm.toFixed(1)} mm wide`);
    // And the whole poster on one A4 page.
    const pdf = join(OUTPUT, "pro-poster.pdf");
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    const pages = execFileSync("pdfinfo", [pdf], { encoding: "utf8" }).match(/^Pages:\s+(\d+)/m)?.[1];
    assert.equal(pages, "1", "the poster prints on one page");
    await page.emulateMedia({ media: "screen" });
  });

  it("puts the join link in the poster's QR code: a phone opens the join screen with the code", async () => {
    await page.goto(`${server.url}/pro/affiche/${groupId}`);
    await page.locator(".poster-qr svg").waitFor();
    mkdirSync(OUTPUT, { recursive: true });
    const qrImage = join(OUTPUT, "pro-poster-qr.png");
    await page.locator(".poster-qr svg").screenshot({ path: qrImage });
    const link = execFileSync("zbarimg", ["--raw", "-q", qrImage], { encoding: "utf8" }).trim();
    assert.equal(link, `${server.url}/groupes#code=${code}`);

    const phone = await (await browser.newContext(PHONE)).newPage();
    // Sync off: the screen asks for it first and keeps the code in view.
    await phone.goto(link);
    await waitForScreen(phone);
    await phone.getByText("Pour rejoindre un groupe, activez d'abord la sauvegarde.").waitFor();
    assert.equal(await phone.locator(".notice .code-inline").innerText(), code);
    await expectAccessible(phone, "groups by the poster's link, sync off");
    await screenshot(phone, "pro-poster-link-sync-off-phone");
    // Sync on: the link opens the join screen of this group, its code read.
    await turnOnSync(phone, server.url);
    await phone.goto(link);
    await waitForScreen(phone);
    await phone.getByRole("heading", { level: 1, name: "Rejoindre « Atelier du mardi matin »" }).waitFor();
    assert.equal(new URL(phone.url()).hash, "", "the code left the address bar");
    await expectAccessible(phone, "join screen by the poster's link");
    await screenshot(phone, "pro-poster-link-join-phone");
    await phone.context().close();
  });

  it("prints a lesson's guide: every step in order, then « À retenir »", async () => {
    const id = "email-piece-jointe";
    const lesson = competenceContent(id);
    await page.goto(`${server.url}/pro`);
    await page.getByRole("link", { name: "Voir les fiches" }).click();
    await page.getByRole("heading", { level: 1, name: "Fiches à imprimer" }).waitFor();
    await expectAccessible(page, "guides");
    await screenshot(page, "pro-guides-desktop");
    await page.getByRole("link", { name: lesson.title, exact: true }).click();
    await page.waitForURL(`${server.url}/pro/fiches/${id}`);
    await page.getByRole("button", { name: "Imprimer la fiche" }).waitFor();
    assert.equal(await page.getByRole("heading", { level: 1 }).innerText(), lesson.title);
    const text = squeeze(await page.locator("article.guide").innerText());
    let at = 0;
    for (const [i, step] of lesson.steps.entries()) {
      const found = text.indexOf(squeeze(step.title), at);
      assert.ok(found >= at, `step ${i + 1} « ${step.title} » in order`);
      at = found;
      assert.ok(text.includes(`Étape ${i + 1}`), `step ${i + 1} numbered`);
    }
    const recap = text.indexOf("À retenir", at);
    assert.ok(recap > at, "« À retenir » after the last step");
    assert.ok(text.includes(squeeze(lesson.recap_text).slice(0, 60)), "the recap's text");
    assert.equal(await page.locator("article.guide .step").count(), lesson.steps.length + 1);
    await expectAccessible(page, "guide");
    await screenshot(page, "pro-guide-desktop");
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "pro-guide-print");
    assert.equal(await page.getByRole("button", { name: "Imprimer la fiche" }).isVisible(), false);
    assert.equal(await page.getByRole("navigation", { name: "Espace professionnel" }).isVisible(), false);
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize(PHONE.viewport);
    await expectAccessible(page, "guide, phone");
    await screenshot(page, "pro-guide-phone");
    await page.setViewportSize(DESKTOP.viewport);
    // From the workshop picker: the chosen lesson's guide.
    await page.goto(`${server.url}/pro/groupes/${groupId}`);
    await page.getByLabel("Sujet").selectOption(id);
    assert.equal(
      await page.getByRole("link", { name: "La fiche à imprimer de ce sujet" }).getAttribute("href"),
      `/pro/fiches/${id}`,
    );
    // A lesson that does not exist: the not-found screen, in French.
    await page.goto(`${server.url}/pro/fiches/pas-une-lecon`);
    await page.getByRole("heading", { level: 1, name: "Page introuvable" }).waitFor();
  });

  it("runs a live quiz the learner follows and answers, with anonymous counts", async () => {
    const quiz = competenceContent(quizId);
    await page.goto(`${server.url}/pro/groupes/${groupId}`);
    await page.getByLabel("Sujet").selectOption(quizId);
    await page.getByLabel("Le quiz, question par question").check();
    await page.getByRole("button", { name: "Lancer l'atelier" }).click();
    await page.waitForURL(/\/pro\/ateliers\/[0-9a-f]{32}$/);
    const workshopId = page.url().split("/").at(-1);
    await page.getByRole("heading", { level: 2, name: quiz.quiz[0].prompt }).waitFor();

    const stream = await openLearnerStream(server.url, learner, workshopId);
    const state = await stream.next((e) => e.event === "state");
    assert.equal(state.data.workshop.step, 0);
    assert.equal(state.data.display_name, "Samia");
    await page.locator(".connected", { hasText: "1" }).waitFor();

    const answer = await learnerApi(server.url, learner, "PUT", `/workshops/${workshopId}/answers/0`, { choices: ["c0"] });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    await page.locator(".answered", { hasText: "1" }).waitFor();
    const first = page.locator(".count-row").first();
    await first.locator(".count-number", { hasText: "1 réponse" }).waitFor();
    assert.equal(await page.locator(".count-row").nth(1).locator(".count-number").innerText(), "0 réponse");
    await expectAccessible(page, "workshop, question");
    await screenshot(page, "pro-workshop-question-desktop");

    await page.getByRole("button", { name: "Étape suivante" }).click();
    const moved = await stream.next((e) => e.event === "step");
    assert.deepEqual(moved.data, { step: 1, ended: false });
    await page.getByText("Bonne réponse").waitFor();
    await expectAccessible(page, "workshop, explanation");
    await screenshot(page, "pro-workshop-explanation-desktop");
    await page.setViewportSize(PHONE.viewport);
    await screenshot(page, "pro-workshop-explanation-phone");
    await page.setViewportSize(DESKTOP.viewport);

    await page.getByRole("button", { name: "Terminer l'atelier" }).click();
    const ended = await stream.next((e) => e.event === "step" && e.data.ended);
    assert.equal(ended.data.ended, true);
    await page.getByText("L'atelier est terminé.").waitFor();
    await expectAccessible(page, "workshop, ended");
    stream.close();
  });

  it("shows another counsellor none of it", async () => {
    const other = await (await browser.newContext(PHONE)).newPage();
    await signIn(other, server.url, "conseil@structure.fr", counsellorPassword);
    await other.getByText("Vous n'avez pas encore de groupe").waitFor();
    await expectAccessible(other, "groups of another counsellor");
    await screenshot(other, "pro-groups-phone");
    for (const path of [`/pro/groupes/${groupId}`, `/pro/suivi/${groupId}`, `/pro/affiche/${groupId}`]) {
      await other.goto(`${server.url}${path}`);
      await other.getByRole("alert").filter({ hasText: "Introuvable" }).waitFor();
      assert.doesNotMatch(await other.locator("main").innerText(), /Samia|Atelier du mardi/, path);
    }
    await other.context().close();
  });

  it("archives the group after a confirmation: its code no longer works", async () => {
    await page.goto(`${server.url}/pro/groupes/${groupId}`);
    await page.getByRole("button", { name: "Archiver…" }).click();
    await page.getByRole("alertdialog").waitFor();
    await expectAccessible(page, "archive confirmation");
    await page.getByRole("button", { name: "Oui, archiver" }).click();
    await page.getByText("Ce groupe est archivé").waitFor();
    const late = learnerKeys();
    assert.equal((await learnerApi(server.url, late, "PUT", "", {})).status, 200);
    const preview = await learnerApi(server.url, late, "POST", "/groups/preview", { code });
    assert.equal(preview.status, 404);
    assert.equal(preview.body.error, "unknown_code");
  });

  it("signs out; going back shows the sign-in form", async () => {
    await page.goto(`${server.url}/pro/compte`);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.getByRole("button", { name: "Se connecter" }).waitFor();
    assert.match(page.url(), /\/pro$/);
    await page.goBack();
    await waitForApp(page);
    await page.getByRole("button", { name: "Se connecter" }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Se déconnecter" }).count(), 0);
  });
});
