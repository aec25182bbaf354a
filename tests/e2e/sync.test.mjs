// "Sauvegarder et retrouver ma progression" between a phone (360×640) and a
// public computer (1280×800), against the real server: the phone answers
// offline, turns sync on and gets its 8 words; the computer restores with
// the typed words, one of them mistyped; both answer offline, then sync,
// and both hold the union. A push cut in the middle (the request aborted)
// loses nothing and the next sync completes. The server's database holds
// none of the content. "J'ai terminé" on the computer leaves nothing;
// "Tout effacer" on the phone erases the online copy too, and a late device
// is told, in French, and keeps its data.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import {
  PHONE, DESKTOP, OUTPUT, cleanupsAfterAll, openServer, launch, waitForApp, waitForScreen, waitForOffline,
  expectAccessible, screenshot, competenceContent, answerQuestion, storedRecords, assertNoPersonalTraces,
  openBackup, syncSaved as saved, serverBytes, ROOT,
} from "./harness.mjs";

const COMPETENCE = "email-piece-jointe";

/// One quiz question answered and saved on this device.
async function answerOne(page, url, competence = COMPETENCE) {
  const { quiz } = competenceContent(competence);
  await page.goto(`${url}/competences/${competence}/quiz`);
  await waitForScreen(page);
  await page.getByRole("button", { name: "Commencer le quiz" }).click();
  const prompt = await page.locator(".question-prompt").innerText();
  const question = quiz.find((q) => q.prompt === prompt);
  assert.ok(question, `unknown question on screen: ${prompt}`);
  await answerQuestion(page, question, { right: true });
  await page.getByText("Enregistré sur cet appareil").first().waitFor();
}

async function answers(page) {
  return (await storedRecords(page, "events")).filter((e) => e.kind.type === "quiz-answered");
}

/// Waits (no time limit of its own: the test's) until the device holds `n` answers.
async function waitForAnswers(page, n) {
  for (;;) {
    const held = await answers(page);
    if (held.length >= n) return held;
    await page.waitForTimeout(200);
  }
}

/// In the page (an init script): a BarcodeDetector that reads `link` from
/// the camera's picture once the video plays, and a camera that films a
/// grey square (its tracks kept in `window.__cameraTracks` to check they stop).
function fakeQrCamera(link) {
  window.__cameraTracks = [];
  window.BarcodeDetector = class {
    constructor({ formats }) {
      this.qr = formats.includes("qr_code");
    }
    async detect(source) {
      const playing = source instanceof HTMLVideoElement && source.srcObject && !source.paused;
      return this.qr && playing ? [{ format: "qr_code", rawValue: link }] : [];
    }
  };
  navigator.mediaDevices.getUserMedia = async () => {
    const canvas = Object.assign(document.createElement("canvas"), { width: 64, height: 64 });
    canvas.getContext("2d").fillRect(0, 0, 64, 64);
    const stream = canvas.captureStream();
    window.__cameraTracks.push(...stream.getTracks());
    return stream;
  };
}

/// The words with one letter removed from the third (a typo one letter off).
function withTypo(words) {
  const typed = [...words];
  typed[2] = typed[2].slice(0, 1) + typed[2].slice(2);
  return typed;
}

describe("sync between two devices", () => {
  const cleanups = cleanupsAfterAll();

  it("turns on, restores with a typo, merges offline work, survives a cut, finishes and erases", async () => {
    const server = await openServer(cleanups);
    const browser = await launch();
    cleanups.push(() => browser.close());
    const phoneContext = await browser.newContext(PHONE);
    const phone = await phoneContext.newPage();

    // The phone: a first visit, then an answer with no network.
    await phone.goto(server.url + "/");
    await waitForApp(phone);
    await waitForOffline(phone);
    await phoneContext.setOffline(true);
    await answerOne(phone, server.url);
    assert.equal(await phone.locator(".sync-status").count(), 0, "nothing shown while sync is off");
    await phoneContext.setOffline(false);

    // Turn sync on: the 8 words, large, and the header says all is saved.
    await openBackup(phone, server.url);
    await expectAccessible(phone, "sauvegarde, off");
    await screenshot(phone, "sync-off");
    await phone.getByRole("button", { name: "Activer la sauvegarde" }).click();
    await phone.locator(".phrase-words li").nth(7).waitFor();
    const words = await phone.locator(".phrase-words li").allInnerTexts();
    assert.equal(words.length, 8);
    await saved(phone);
    await expectAccessible(phone, "sauvegarde, on");
    await screenshot(phone, "sync-on-phrase");
    await phone.emulateMedia({ media: "print" });
    await screenshot(phone, "sync-card-print");
    await phone.emulateMedia({ media: "screen" });
    // The card's QR code, read by a real decoder (zbar), is the restore link.
    mkdirSync(OUTPUT, { recursive: true });
    const qrImage = join(OUTPUT, "sync-card-qr.png");
    await phone.locator(".phrase-qr svg").screenshot({ path: qrImage });
    const link = execFileSync("zbarimg", ["--raw", "-q", qrImage], { encoding: "utf8" }).trim();
    const url = new URL(link);
    assert.equal(url.origin + url.pathname, `${server.url}/sauvegarde`);
    assert.deepEqual(url.hash.replace("#mots=", "").split("+").map(decodeURIComponent), words);
    // Opened (as a camera app opens the code), the link fills the words and
    // leaves the address bar at once.
    const linkContext = await browser.newContext(PHONE);
    const opened = await linkContext.newPage();
    await opened.goto(link);
    await waitForScreen(opened);
    assert.equal(await opened.getByLabel("Écrivez les 8 mots de votre carte").inputValue(), words.join(" "));
    assert.equal(new URL(opened.url()).hash, "", "the words are gone from the address bar");
    await linkContext.close();
    const [phoneDevice] = await storedRecords(phone, "meta");

    // The computer restores with the typed words, one letter missing.
    const computerContext = await browser.newContext(DESKTOP);
    const computer = await computerContext.newPage();
    await openBackup(computer, server.url);
    await computer.getByLabel("Écrivez les 8 mots de votre carte").fill(withTypo(words).join(" "));
    await computer.getByLabel("Je suis sur un ordinateur partagé").check();
    await computer.getByRole("button", { name: "Retrouver ma progression" }).click();
    await computer.getByText("Ces mots sont bons.").waitFor();
    await computer.getByText(`corrigé en « ${words[2]} »`).waitFor();
    await saved(computer);
    await waitForAnswers(computer, 1);
    await expectAccessible(computer, "sauvegarde, restored");
    await screenshot(computer, "sync-restored-computer");
    const [computerDevice] = await storedRecords(computer, "meta");

    // Both answer offline (once the computer's service worker has the app).
    await waitForOffline(computer);
    await phoneContext.setOffline(true);
    await computerContext.setOffline(true);
    await answerOne(phone, server.url, "appareil-clavier");
    await answerOne(computer, server.url, "appareil-applications");
    await phone.locator(".sync-status", { hasText: "Sera envoyé dès qu'il y aura du réseau." }).waitFor();
    await screenshot(phone, "sync-waiting-for-network");

    // The phone's push is cut in the middle: nothing is lost, the next one completes.
    let cut = 0;
    await phone.route("**/api/v1/spaces/*/records", async (route) => {
      if (route.request().method() === "POST" && cut === 0) {
        cut++;
        await route.abort("connectionreset");
      } else {
        await route.continue();
      }
    });
    await phoneContext.setOffline(false);
    await saved(phone);
    assert.equal(cut, 1, "the first push was cut");
    await computerContext.setOffline(false);
    await saved(computer);

    // Both hold the union (a reload syncs at start).
    await openBackup(phone, server.url);
    const onPhone = await waitForAnswers(phone, 3);
    await openBackup(computer, server.url);
    const onComputer = await waitForAnswers(computer, 3);
    const ids = (list) => list.map((e) => e.id).sort();
    assert.deepEqual(ids(onPhone), ids(onComputer));
    assert.equal(new Set(onPhone.map((e) => e.device)).size, 2, "answers of both devices");

    // The server holds none of it in clear, nor the words or device ids.
    const stored = serverBytes(server.data);
    for (const s of [COMPETENCE, "quiz-answered", phoneDevice, computerDevice]) {
      assert.ok(!stored.includes(s), `${s} is readable in the server's database`);
    }
    // A word as a word of its own: the schema's `parent_agreed` is not the
    // phrase's "parent", nor is a run of letters inside a ciphertext.
    // The database file also holds the schema as written, comments
    // included ("-- client-chosen"): a phrase word that is a word of the
    // schema ("client", "pull", "unique": a phrase draws one in about 40
    // runs) cannot be told apart this way, so it is left out of this check.
    const schema = serverBytes(join(ROOT, "crates/server/migrations/sqlite"));
    const alone = (w) => new RegExp(`(^|[^\\p{L}\\p{N}_])${w}($|[^\\p{L}\\p{N}_])`, "u");
    for (const w of words.filter((w) => !alone(w).test(schema))) {
      assert.ok(!alone(w).test(stored), `${w} is readable in the server's database`);
    }

    // A third device restores and then goes offline: it is late.
    const lateContext = await browser.newContext(PHONE);
    // A phone whose browser reads QR codes (BarcodeDetector; desktop Linux
    // Chromium has none): this one "sees" the card through a fake camera.
    await lateContext.addInitScript(fakeQrCamera, link);
    const late = await lateContext.newPage();
    await openBackup(late, server.url);
    await late.getByRole("button", { name: "Lire le code de ma carte avec l'appareil photo" }).click();
    await late.getByText("Le code est lu.").waitFor();
    assert.equal(await late.getByLabel("Écrivez les 8 mots de votre carte").inputValue(), words.join(" "));
    assert.deepEqual(await late.evaluate(() => window.__cameraTracks.map((t) => t.readyState)), ["ended"], "camera off");
    await expectAccessible(late, "sauvegarde, code read");
    await late.getByRole("button", { name: "Retrouver ma progression" }).click();
    await waitForAnswers(late, 3);
    await saved(late);

    // The shared computer: "J'ai terminé" sends, then leaves nothing.
    await computer.getByRole("button", { name: "J'ai terminé" }).click();
    await computer.getByText("plus rien de vous ne reste sur cet appareil").waitFor();
    await expectAccessible(computer, "sauvegarde, finished");
    await screenshot(computer, "sync-finished-computer");
    // The words are everyday words (lessons hold some): the phrase is what must not be left.
    await assertNoPersonalTraces(computer, [phoneDevice, computerDevice, words.join(" ")]);

    // The phone erases everything, the online copy first.
    await lateContext.setOffline(true);
    await phone.goto(server.url + "/mes-donnees");
    await waitForScreen(phone);
    await phone.getByRole("button", { name: "Tout effacer" }).click();
    await phone.getByRole("button", { name: "Oui, tout effacer" }).click();
    await phone.getByText("Tout est effacé.").waitFor();
    await assertNoPersonalTraces(phone, [phoneDevice, words.join(" ")]);

    // The late device comes back: told in French, its data kept.
    await lateContext.setOffline(false);
    await openBackup(late, server.url);
    // The header says it in one short line; the screen says it all, with the choices.
    await late.locator(".sync-status a", { hasText: "Sauvegarde effacée" }).waitFor();
    await late.getByRole("alert").filter({ hasText: "a été effacée depuis un autre appareil" }).waitFor();
    assert.equal((await answers(late)).length, 3);
    await expectAccessible(late, "sauvegarde, erased elsewhere");
    await screenshot(late, "sync-erased-elsewhere");
    // Keeping the data here: sync stops, nothing is lost, the screen offers a new start.
    await late.getByRole("button", { name: "Garder mes données ici, sans sauvegarde" }).click();
    await late.getByRole("button", { name: "Activer la sauvegarde" }).waitFor();
    assert.equal(await late.locator(".sync-status").count(), 0);
    assert.equal((await answers(late)).length, 3);
    await late.reload();
    await waitForAnswers(late, 3);
    assert.equal(await late.locator(".sync-status").count(), 0, "still off after a reload");
  });
});
