// The CV follows the learner across devices (issue 12): a phone fills its
// CV with sync off, then turns sync on (in the main entry, which does not
// know the CV model); a computer restores with the words and sees the CV;
// the computer edits the phone number while the phone, offline, edits an
// experience: both keep both edits; both edit the town at the same time:
// one wins, the other's value is offered on the field ("Remettre"); an
// entry deleted on one device goes on the other. The server's database
// holds none of the CV's strings.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  PHONE, DESKTOP, cleanupsAfterAll, openServer, launch, waitForApp, waitForOffline,
  expectAccessible, screenshot, turnOnSync, restoreSync, syncSaved, serverBytes, storedEntries,
} from "./harness.mjs";

const CV = {
  first: "Awa",
  last: "Diallo",
  phone: "06 12 34 56 78",
  city: "Villeurbanne",
  role: "Vendeuse",
  employer: "Boulangerie Dupain",
};

async function openStep(page, url, step) {
  // The first step's one path is /mon-cv.
  await page.goto(step === "identite" ? `${url}/mon-cv` : `${url}/mon-cv/${step}`);
  await waitForApp(page);
  await page.locator("main .loading").waitFor({ state: "detached" });
}

/// Waits (the test's own time limit) until `locator`'s value is `value`.
async function waitForValue(locator, value) {
  for (;;) {
    const now = await locator.inputValue({ timeout: 1_000 }).catch(() => undefined);
    if (now === value) return;
    await locator.page().waitForTimeout(200);
  }
}

/// Lets the last keystrokes be saved and written as ops (the learner
/// pauses: `doc_link::FLUSH_MS` is 1.5 s) before the page goes.
const pause = (page) => page.waitForTimeout(2_000);

/// The sync store's entries whose key starts with `prefix`.
async function syncEntries(page, prefix) {
  return (await storedEntries(page, "sync")).filter(([k]) => String(k).startsWith(prefix));
}

/// Waits until the device has written its latest edit as ops: more `o:`
/// entries than `before` (an edit is written once the learner pauses).
async function waitForOps(page, before) {
  for (;;) {
    const ops = await syncEntries(page, "o:");
    if (ops.length > before) return ops.length;
    await page.waitForTimeout(200);
  }
}

/// Waits until `page` holds every change of `other`'s op set (pulled and
/// applied: each becomes an `o:` entry there too).
async function waitForOpsOf(page, other) {
  const wanted = (await syncEntries(other, "o:")).map(([k]) => k);
  for (;;) {
    const have = new Set((await syncEntries(page, "o:")).map(([k]) => k));
    if (wanted.every((k) => have.has(k))) return;
    await page.waitForTimeout(200);
  }
}

/// Waits until every record of the device is on the server (no ciphertext
/// left waiting) and its own changes are records.
async function waitForSent(page) {
  for (;;) {
    const records = await syncEntries(page, "r:");
    const ops = await syncEntries(page, "o:");
    if (records.every(([, v]) => v === "") && records.length >= ops.length) return;
    await page.waitForTimeout(200);
  }
}


describe("the CV across devices", () => {
  const cleanups = cleanupsAfterAll();

  it("restores, merges edits of two fields, offers the losing value of one field, deletes everywhere", async () => {
    const server = await openServer(cleanups);
    const browser = await launch();
    cleanups.push(() => browser.close());

    // The phone fills its CV, sync off.
    const phoneContext = await browser.newContext(PHONE);
    const phone = await phoneContext.newPage();
    await phone.goto(server.url + "/");
    await waitForApp(phone);
    await waitForOffline(phone);
    await openStep(phone, server.url, "identite");
    await phone.getByLabel("Prénom").fill(CV.first);
    await phone.getByLabel("Nom", { exact: true }).fill(CV.last);
    await pause(phone);
    await openStep(phone, server.url, "contact");
    await phone.getByLabel("Téléphone").fill(CV.phone);
    await phone.getByLabel("Ville").fill(CV.city);
    await pause(phone);
    await openStep(phone, server.url, "experiences");
    await phone.getByRole("button", { name: "+ Ajouter une expérience" }).click();
    await phone.getByLabel("Poste ou mission").fill(CV.role);
    await phone.getByLabel("Entreprise ou association").fill(CV.employer);
    await pause(phone);
    // No op set while sync is off: nothing to send yet.
    assert.deepEqual(await syncEntries(phone, "o:"), []);

    // Sync on, in the main entry: the whole CV becomes one change and goes
    // up with everything else.
    const words = await turnOnSync(phone, server.url);
    await waitForOps(phone, 0);
    await waitForSent(phone);

    // The computer restores and sees the CV.
    const computerContext = await browser.newContext(DESKTOP);
    const computer = await computerContext.newPage();
    await restoreSync(computer, server.url, words);
    await openStep(computer, server.url, "contact");
    await waitForValue(computer.getByLabel("Téléphone"), CV.phone);
    assert.equal(await computer.getByLabel("Ville").inputValue(), CV.city);
    await openStep(computer, server.url, "experiences");
    await waitForValue(computer.getByLabel("Entreprise ou association"), CV.employer);
    await openStep(computer, server.url, "identite");
    await waitForValue(computer.getByLabel("Prénom"), CV.first);

    // The computer edits the phone number while the phone, offline, edits
    // the experience; both sync; both hold both edits.
    await waitForOffline(computer);
    await phoneContext.setOffline(true);
    await openStep(phone, server.url, "experiences");
    let phoneOps = (await syncEntries(phone, "o:")).length;
    await phone.getByLabel("Poste ou mission").fill("Vendeuse en boulangerie");
    phoneOps = await waitForOps(phone, phoneOps);
    await openStep(computer, server.url, "contact");
    let computerOps = (await syncEntries(computer, "o:")).length;
    await computer.getByLabel("Téléphone").fill("07 98 76 54 32");
    computerOps = await waitForOps(computer, computerOps);
    await waitForSent(computer);
    await phoneContext.setOffline(false);
    await phone.reload();
    await waitForSent(phone);
    await openStep(phone, server.url, "contact");
    await waitForValue(phone.getByLabel("Téléphone"), "07 98 76 54 32");
    await openStep(computer, server.url, "experiences");
    await waitForValue(computer.getByLabel("Poste ou mission"), "Vendeuse en boulangerie");
    const stray = await phone.locator(".offer").allTextContents();
    assert.deepEqual(stray, [], "different fields: nothing to offer");

    // Both edit the town, offline, the computer last: the computer's wins
    // and the phone's is offered on the field, on both devices.
    await phoneContext.setOffline(true);
    await computerContext.setOffline(true);
    phoneOps = (await syncEntries(phone, "o:")).length;
    await phone.getByLabel("Ville").fill("Lyon");
    await waitForOps(phone, phoneOps);
    await openStep(computer, server.url, "contact");
    computerOps = (await syncEntries(computer, "o:")).length;
    await computer.getByLabel("Ville").fill("Marseille");
    await waitForOps(computer, computerOps);
    await phoneContext.setOffline(false);
    await phone.reload();
    await waitForSent(phone);
    await computerContext.setOffline(false);
    await computer.reload();
    await waitForSent(computer);
    await computer.locator(".offer", { hasText: "Lyon" }).waitFor();
    assert.equal(await computer.getByLabel("Ville").inputValue(), "Marseille");
    await phone.reload();
    await waitForValue(phone.getByLabel("Ville"), "Marseille");
    const offer = phone.locator(".offer", { hasText: "Modifié sur un autre appareil." });
    await offer.waitFor();
    assert.match(await offer.innerText(), /Ancienne valeur\s:\s«\sLyon\s»/);
    await expectAccessible(phone, "cv contact, a value offered");
    await screenshot(phone, "sync-cv-offer", { fullPage: false });
    await offer.scrollIntoViewIfNeeded();
    await screenshot(phone, "sync-cv-offer-note", { fullPage: false });
    const buttons = await offer.getByRole("button").all();
    for (const b of buttons) {
      const box = await b.boundingBox();
      assert.ok(box.height >= 48 && box.width >= 48, `target ${await b.innerText()} is ${box.width}×${box.height}`);
    }

    // "Remettre" on the phone puts Lyon back, for both; the note goes.
    await offer.getByRole("button", { name: "Remettre" }).click();
    await waitForValue(phone.getByLabel("Ville"), "Lyon");
    assert.equal(await phone.locator(".offer").count(), 0);
    await waitForSent(phone);
    await computer.reload();
    await waitForValue(computer.getByLabel("Ville"), "Lyon");
    assert.equal(await computer.locator(".offer").count(), 0, "settled everywhere");

    // An experience deleted on the computer goes from the phone too.
    await openStep(computer, server.url, "experiences");
    computerOps = (await syncEntries(computer, "o:")).length;
    await computer.getByRole("button", { name: "Supprimer" }).click();
    assert.equal(await computer.getByLabel("Poste ou mission").count(), 0);
    await waitForOps(computer, computerOps);
    await waitForSent(computer);
    await openStep(phone, server.url, "experiences");
    for (;;) {
      if ((await phone.getByLabel("Poste ou mission").count()) === 0) break;
      await phone.waitForTimeout(500);
      await phone.reload();
      await phone.locator("main .loading").waitFor({ state: "detached" });
    }
    await syncSaved(phone);

    // The letter too: both write the job asked for, offline, the phone
    // last; the computer is offered its own value and keeps the phone's.
    const openLetter = async (page) => {
      await page.goto(`${server.url}/ma-lettre`);
      await waitForApp(page);
      await page.getByLabel("Le poste que vous demandez").waitFor();
    };
    await openLetter(computer);
    await openLetter(phone);
    await phoneContext.setOffline(true);
    await computerContext.setOffline(true);
    const closing = (page) => page.getByLabel("Formule de politesse");
    computerOps = (await syncEntries(computer, "o:")).length;
    await closing(computer).selectOption({ label: "Salutations respectueuses" });
    await computer.getByLabel("Le poste que vous demandez").fill("Caissière");
    await waitForOps(computer, computerOps);
    phoneOps = (await syncEntries(phone, "o:")).length;
    await closing(phone).selectOption({ label: "Sincères salutations" });
    await phone.getByLabel("Le poste que vous demandez").fill("Vendeuse en boulangerie");
    await waitForOps(phone, phoneOps);
    await computerContext.setOffline(false);
    await computer.reload();
    await waitForSent(computer);
    await phoneContext.setOffline(false);
    await phone.reload();
    await waitForSent(phone);
    await computer.reload();
    await waitForValue(computer.getByLabel("Le poste que vous demandez"), "Vendeuse en boulangerie");
    const letterOffer = computer.locator(".offer", { hasText: "Caissière" });
    await letterOffer.waitFor();
    await letterOffer.scrollIntoViewIfNeeded();
    await screenshot(computer, "sync-letter-offer", { fullPage: false });
    await letterOffer.getByRole("button", { name: "Garder l'actuelle" }).click();
    await letterOffer.waitFor({ state: "detached" });
    // The closing formula lost too: offered by its label, and put back.
    const closingOffer = computer.locator(".offer", { hasText: "Salutations respectueuses" });
    await closingOffer.waitFor();
    await closingOffer.scrollIntoViewIfNeeded();
    await screenshot(computer, "sync-letter-closing-offer", { fullPage: false });
    assert.equal(await closing(computer).inputValue(), "Sincères salutations");
    await closingOffer.getByRole("button", { name: "Remettre" }).click();
    await closingOffer.waitFor({ state: "detached" });
    assert.equal(await closing(computer).inputValue(), "Salutations respectueuses");
    await waitForSent(computer);
    await phone.reload();
    await waitForValue(phone.getByLabel("Le poste que vous demandez"), "Vendeuse en boulangerie");
    // The phone shows its last state at once, the computer's "keep" once its
    // sync worker has pulled and the page applied it.
    await waitForOpsOf(phone, computer);
    await phone.locator(".offer").waitFor({ state: "detached", timeout: 5_000 }).catch(() => {});
    assert.equal(await phone.locator(".offer").count(), 0, "kept on one device: settled on both");
    assert.equal(await closing(phone).inputValue(), "Salutations respectueuses", "put back on one device: on both");

    // The server holds none of the CV in clear.
    const stored = serverBytes(server.data);
    for (const s of [CV.first, CV.last, CV.phone, "07 98 76 54 32", CV.city, "Marseille", CV.role, CV.employer, "Caissière", "identity/phone"]) {
      assert.ok(!stored.includes(s), `${s} is readable in the server's database`);
    }
  });
});
