// The practice simulations ("S'entraîner", issue 14): each one played to its
// end at 360×640, with at least one mistake and its feedback, axe on every
// step, offline (server gone, network off) and with no request at all while
// it runs. One is played by keyboard only. The password typed is found
// nowhere: not in IndexedDB, not in the browser's storage.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import {
  openAppOffline, cleanupsAfterAll, expectAccessible, screenshot, waitForScreen, competenceContent, storedRecords,
} from "./harness.mjs";

/// A compiled simulation, its scenario unwrapped (`{"email": {…}}`: one kind).
const sim = (id) => {
  const compiled = competenceContent(`simulation-${id}`);
  return { ...compiled, scenario: Object.values(compiled.scenario)[0] };
};

describe("practice simulations", () => {
  const cleanups = cleanupsAfterAll();
  let opened;
  before(async () => {
    opened = await openAppOffline(cleanups);
  });

  /// Opens a simulation (offline, from the service worker), checks its
  /// first screen, presses "Commencer", then runs `play` while counting
  /// every request the page makes: there must be none.
  async function playOffline(id, play) {
    const { page, server } = opened;
    await page.goto(`${server.url}/s-entrainer/${id}`);
    await waitForScreen(page);
    await page.getByRole("button", { name: "Commencer" }).waitFor();
    assert.match(await page.locator(".sim-notice").innerText(), /exercice/i);
    await expectAccessible(page, `${id}: intro`);
    const requests = [];
    const listen = (r) => requests.push(r.url());
    page.on("request", listen);
    try {
      await page.getByRole("button", { name: "Commencer" }).click();
      await play(page, sim(id));
      await page.locator("#sim-appris").waitFor();
      await expectAccessible(page, `${id}: learned`);
      await screenshot(page, `sim-${id}-done`);
    } finally {
      page.off("request", listen);
    }
    assert.deepEqual(requests, [], `${id}: requests while it ran`);
  }

  const feedbackText = (page) => page.locator(".sim-feedback").allInnerTexts().then((t) => t.join("\n"));
  // Whether `text` shows in the feedback within 5 s: the feedback of a key,
  // a tap or a scroll is drawn a frame or more later (read at once, every
  // check raced under load).
  const feedbackShows = async (page, text) => {
    for (let i = 0; i < 50; i++) {
      if ((await feedbackText(page)).includes(text)) return true;
      await page.waitForTimeout(100);
    }
    return false;
  };
  // Spaces as a reader sees them (French typography puts a no-break space before ":").
  const plain = (text) => text.replaceAll("\u00a0", " ");

  it("lists the simulations, and a lesson links to its own", async () => {
    const { page, server } = opened;
    await page.goto(server.url + "/");
    await page.getByRole("link", { name: /S'entraîner/ }).first().click();
    await waitForScreen(page);
    assert.equal(await page.locator("h1").innerText(), "S'entraîner");
    assert.equal(await page.locator("main a.competence").count(), 7);
    await expectAccessible(page, "practice list");
    await screenshot(page, "sim-list");
    // The recap of the e-mail lesson links to the e-mail simulation.
    const lesson = competenceContent("email-piece-jointe");
    await page.goto(`${server.url}/competences/email-piece-jointe/etape/${lesson.steps.length + 1}`);
    await waitForScreen(page);
    await page.getByRole("link", { name: /S'entraîner : Envoyer un e-mail/ }).click();
    await waitForScreen(page);
    assert.equal(await page.locator("h1").innerText(), sim("envoyer-piece-jointe").title);
  });

  it("e-mail with an attachment: a typo in the address, no subject, a look-alike file", async () => {
    await playOffline("envoyer-piece-jointe", async (page, s) => {
      const email = s.scenario;
      await expectAccessible(page, "mail: inbox");
      await page.getByRole("button", { name: "Nouveau message" }).click();
      await page.getByLabel("À", { exact: true }).fill(email.recipient_address.replace("diallo", "dialo"));
      await page.getByRole("button", { name: "Envoyer" }).click();
      const first = await feedbackText(page);
      assert.ok(first.includes(email.coaching["address-typo"]), first);
      assert.ok(first.includes(email.coaching["no-subject"]), first);
      assert.match(first, /Attention/);
      await expectAccessible(page, "mail: mistakes");
      await screenshot(page, "sim-email-mistakes");

      await page.getByLabel("À", { exact: true }).fill(email.recipient_address);
      await page.getByLabel("Objet").fill("Mon CV");
      await page.locator("#mail-texte").fill("Bonjour Madame, voici mon CV. Sam Martin");
      const wrong = email.files.find((f) => !f.right);
      const right = email.files.find((f) => f.right);
      await page.getByRole("button", { name: "Joindre un fichier" }).click();
      await expectAccessible(page, "mail: picker");
      await screenshot(page, "sim-email-picker");
      await page.getByRole("button", { name: new RegExp(`^IMG|PDF|DOC`) }).first().waitFor();
      await page.locator(".picker-file", { hasText: wrong.name }).first().click();
      assert.ok(await feedbackShows(page, wrong.feedback));
      await page.getByRole("button", { name: `Retirer ${wrong.name}` }).click();
      await page.getByRole("button", { name: "Joindre un fichier" }).click();
      await page.locator(".picker-file").filter({ has: page.getByText(right.name, { exact: true }) }).click();
      assert.ok(await feedbackShows(page, right.feedback));
      // What was typed is still there after the picker.
      assert.equal(await page.getByLabel("Objet").inputValue(), "Mon CV");
      await page.getByRole("button", { name: "Envoyer" }).click();
      assert.ok(await feedbackShows(page, email.sent));
    });
  });

  it("spot the scam: at least 15 messages, clues highlighted on the message", async () => {
    await playOffline("arnaque-ou-fiable", async (page, s) => {
      const { messages } = s.scenario;
      assert.ok(messages.length >= 15);
      assert.ok(messages.some((m) => m.verdict === "genuine"), "real messages too");
      for (let n = 0; n < messages.length; n++) {
        const id = await page.locator("[data-message]").getAttribute("data-message");
        const message = messages.find((m) => m.id === id);
        const truth = message.verdict === "scam" ? "Arnaque" : "Fiable";
        const other = truth === "Arnaque" ? "Fiable" : "Arnaque";
        if (n === 0) await expectAccessible(page, "scam: a message");
        // The first one is answered wrongly.
        await page.getByRole("button", { name: n === 0 ? other : truth, exact: true }).click();
        const text = plain(await feedbackText(page));
        assert.ok(text.startsWith(n === 0 ? `Attention : ${s.scenario.wrong}` : `Bien : ${s.scenario.right}`), text);
        // Every clue is on the message, with its number, and listed in words.
        const marks = await page.locator("[data-message] mark.clue").count();
        assert.ok(marks >= 1, `${id}: highlighted clues`);
        const list = await page.locator("ol.clues").innerText();
        assert.match(list, /Signe d'alerte|Signe de confiance/);
        await expectAccessible(page, `scam: ${id} answered`);
        if (n === 0) await screenshot(page, "sim-scam-clues");
        await page.getByRole("button", { name: /Message suivant|Terminer/ }).click();
      }
      // The one that fooled the learner is offered again, with no count.
      assert.match(await page.locator("#sim-ecran").innerText(), /Les messages à revoir/);
    });
  });

  it("J'ai cliqué, que faire ?: by keyboard only, a wrong step first, then a reminder to print", async () => {
    await playOffline("j-ai-clique", async (page, s) => {
      /// Tabs to the button with this text, presses Enter, and waits for
      /// the focus to move where the app puts it after an action (the
      /// feedback, or the new screen): a frame later, so the next Tab
      /// starts from there, as for a person (and an Enter never lands on
      /// the feedback that took the focus meanwhile).
      async function press(text) {
        for (let i = 0; i < 80; i++) {
          await page.keyboard.press("Tab");
          const here = await page.evaluate(() => document.activeElement?.innerText?.trim());
          if (here === text) {
            await page.keyboard.press("Enter");
            await page.waitForFunction(() => document.activeElement?.matches(".sim-feedback, #sim-ecran"));
            return;
          }
        }
        assert.fail(`no button "${text}" reachable by Tab`);
      }
      for (const [c, kase] of s.scenario.cases.entries()) {
        if (c === 0) {
          await press(kase.distractors[0].text);
          assert.ok(await feedbackShows(page, kase.distractors[0].why_not));
          await expectAccessible(page, "recovery: wrong step");
          await screenshot(page, "sim-recovery-wrong");
        }
        for (const step of kase.steps) {
          await press(step.text);
          assert.ok(await feedbackShows(page, step.why));
        }
        await expectAccessible(page, `recovery: case ${kase.id} done`);
        await press(c + 1 === s.scenario.cases.length ? "Voir l'aide-mémoire" : "Situation suivante →");
      }
      assert.equal(await page.locator("#sim-ecran").innerText(), s.scenario.reminder_title);
      // Printed, the reminder is alone on the page.
      await page.emulateMedia({ media: "print" });
      assert.ok(await page.locator(".reminder").isVisible());
      assert.equal(await page.locator(".topbar").isVisible(), false);
      assert.equal(await page.locator("#sim-appris").isVisible(), false);
      await screenshot(page, "sim-recovery-print");
      await page.emulateMedia({ media: "screen" });
    });
  });

  it("strong password: explained as it is typed, and kept nowhere", async () => {
    const secret = "Tomate-Valise-Piano-Nuage";
    await playOffline("mot-de-passe-solide", async (page) => {
      const field = page.getByLabel("Votre mot de passe d'exercice");
      assert.equal(await field.getAttribute("autocomplete"), "off");
      await field.fill("marie1990");
      await page.locator(".meter", { hasText: "Faible" }).waitFor();
      assert.match(plain(await feedbackText(page)), /Attention : Il contient une année ou une date/);
      await expectAccessible(page, "password: weak");
      await screenshot(page, "sim-password-weak");
      await field.fill(secret);
      await page.locator(".meter", { hasText: "Solide" }).waitFor();
      await expectAccessible(page, "password: strong");
      await page.getByRole("button", { name: "Continuer →" }).click();
      await expectAccessible(page, "password: remember");
      await page.getByRole("button", { name: "J'ai compris" }).click();
    });
    const { page } = opened;
    const events = await storedRecords(page, "events");
    assert.ok(JSON.stringify(events).includes('"simulation-completed"'), "the completion is recorded");
    for (const store of ["events", "meta", "documents"]) {
      const json = JSON.stringify(await storedRecords(page, store));
      assert.ok(!json.includes(secret) && !json.includes("marie1990"), `the password is in IndexedDB "${store}"`);
    }
    const browserStorage = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
    assert.ok(!browserStorage.includes(secret));
  });

  it("online procedure: errors in plain French, the session expires, nothing lost, a confirmation number", async () => {
    await playOffline("demarche-en-ligne", async (page, s) => {
      const p = s.scenario;
      const practiceCopy = async (label) => {
        assert.match(await page.locator(".site-bar").innerText(), /Site d'exercice/);
        await expectAccessible(page, `procedure: ${label}`);
      };
      await practiceCopy("sign in");
      await page.getByRole("button", { name: p.sign_in.button }).click();
      await page.getByRole("button", { name: "Continuer →" }).click();
      const errors = await feedbackText(page);
      assert.ok(errors.includes(p.pages[0].fields[0].errors.required), errors);
      await practiceCopy("empty page");
      await screenshot(page, "sim-procedure-errors");
      const answers = { naissance: "5 mars 1990" };
      for (const [i, pg] of p.pages.entries()) {
        for (const f of pg.fields) {
          const value = answers[f.id] ?? f.sample;
          if (f.kind.choice) await page.getByLabel(value, { exact: true }).check();
          else if (f.kind.document) {
            const { files } = f.kind.document;
            const wrong = files.find((x) => !x.right);
            await page.locator(".picker-file", { hasText: wrong.name }).click();
            assert.ok(await feedbackShows(page, wrong.feedback));
            await page.locator(".picker-file", { hasText: files.find((x) => x.right).name }).click();
          } else await page.getByLabel(f.label, { exact: true }).fill(value);
        }
        await page.getByRole("button", { name: "Continuer →" }).click();
        if (answers.naissance && pg.fields.some((f) => f.id === "naissance")) {
          const field = pg.fields.find((f) => f.id === "naissance");
          assert.ok(await feedbackShows(page, field.errors.format));
          delete answers.naissance;
          await page.getByLabel(field.label, { exact: true }).fill(field.sample);
          await page.getByRole("button", { name: "Continuer →" }).click();
        }
        if (pg.id === p.expires_after) {
          assert.equal(await page.locator("#sim-ecran").innerText(), p.expired.title);
          await practiceCopy("expired");
          await screenshot(page, "sim-procedure-expired");
          await page.getByRole("button", { name: p.expired.button }).click();
          assert.ok(await feedbackShows(page, p.expired.back_in));
        }
        if (i + 1 < p.pages.length) await practiceCopy(p.pages[i + 1].id);
      }
      assert.equal(await page.locator("#sim-ecran").innerText(), p.summary.title);
      await practiceCopy("summary");
      // "Modifier" goes back to a page with its answers kept.
      await page.getByRole("button", { name: `${p.summary.edit} : ${p.pages[0].title}` }).click();
      assert.equal(await page.getByLabel(p.pages[0].fields[0].label, { exact: true }).inputValue(), p.pages[0].fields[0].sample);
      for (let i = 0; i < p.pages.length; i++) await page.getByRole("button", { name: "Continuer →" }).click();
      await page.getByRole("button", { name: p.summary.submit }).click();
      assert.equal(await page.locator(".confirmation-number").innerText(), p.confirmation.number);
      await practiceCopy("confirmation");
    });
  });

  it("phone gestures: a touch beside, each gesture or its button, accents checked", async () => {
    await playOffline("gestes-du-telephone", async (page, s) => {
      const steps = s.scenario.steps;
      const target = page.locator(".gesture-target");
      const centre = async () => {
        const box = await target.boundingBox();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      };
      for (const step of steps) {
        await expectAccessible(page, `gestures: ${step.id}`);
        const g = step.gesture;
        if (g === "tap") {
          // Beside the button first.
          const screen = await page.locator(".gesture-screen").boundingBox();
          await page.touchscreen.tap(screen.x + 6, screen.y + 6);
          assert.ok(await feedbackShows(page, step.mistakes["missed"]));
          await screenshot(page, "sim-gestures-missed");
          const c = await centre();
          await page.touchscreen.tap(c.x, c.y);
        } else if (g === "long-press") {
          const c = await centre();
          await page.mouse.move(c.x, c.y);
          await page.mouse.down();
          await page.waitForTimeout(800);
          await page.mouse.up();
        } else if (g === "swipe") {
          const c = await centre();
          await page.mouse.move(c.x + 60, c.y);
          await page.mouse.down();
          await page.mouse.move(c.x, c.y, { steps: 5 });
          await page.mouse.move(c.x - 60, c.y, { steps: 5 });
          await page.mouse.up();
        } else if (g === "scroll") {
          await page.locator(".gesture-list").evaluate((el) => el.scrollTo(0, el.scrollHeight));
        } else if (g === "pinch") {
          await page.getByRole("button", { name: step.alternative.label }).click();
          assert.ok(await feedbackShows(page, step.alternative.explanation));
        } else if (g === "type") {
          const field = page.getByLabel("Tapez le texte ici");
          await field.fill(step.text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
          await page.getByRole("button", { name: "Valider" }).click();
          assert.ok(await feedbackShows(page, step.mistakes["no-accent"]));
          await field.fill(step.text);
          await page.getByRole("button", { name: "Valider" }).click();
        }
        if (g !== "pinch") assert.ok(await feedbackShows(page, step.done), `${step.id}: done`);
        await page.getByRole("button", { name: /Geste suivant|Terminer/ }).click();
      }
    });
  });

  it("search results: an ad first, then the official site", async () => {
    await playOffline("resultat-fiable", async (page, s) => {
      for (const [r, round] of s.scenario.rounds.entries()) {
        await expectAccessible(page, `search: round ${round.id}`);
        const wrong = round.results.find((x) => !x.trustworthy);
        const right = round.results.find((x) => x.trustworthy);
        await page.locator(`[data-result="${wrong.id}"] button.result-title`).click();
        assert.ok(await feedbackShows(page, wrong.explanation));
        assert.ok((await page.locator(`[data-result="${wrong.id}"] mark.clue`).count()) >= 1);
        await expectAccessible(page, `search: ${wrong.id} picked`);
        if (r === 0) await screenshot(page, "sim-search-wrong");
        await page.locator(`[data-result="${right.id}"] button.result-title`).click();
        assert.ok(await feedbackShows(page, right.explanation));
        await page.getByRole("button", { name: /Recherche suivante|Terminer/ }).click();
      }
    });
  });

  it("each finished simulation shows as done in the list", async () => {
    const { page, server } = opened;
    await page.goto(server.url + "/s-entrainer");
    await waitForScreen(page);
    assert.equal(await page.locator("main .mark-acquired").count(), 7);
    await screenshot(page, "sim-list-done");
  });
});
