// The learning loop as a learner lives it: a quiz answered, the browser
// closed in the middle, reopened with no network, resumed; the positioning
// test to the end and the path it proposes; progress kept across a schema
// upgrade; a full disk explained in French with nothing lost.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  openServer, openApp, openPhone, cleanupsAfterAll, expectAccessible, screenshot, waitForApp, waitForOffline,
  competenceContent, positioningBank, answerQuestion, storedRecords,
} from "./harness.mjs";

const COMPETENCE = "email-piece-jointe";

/// The question on screen, found in the competence's quiz by its prompt.
async function questionOnScreen(page, questions) {
  const prompt = await page.locator(".question-prompt").innerText();
  const q = questions.find((q) => q.prompt === prompt);
  assert.ok(q, `unknown question on screen: ${prompt}`);
  return q;
}

async function waitSaved(page) {
  await page.getByText("Enregistré sur cet appareil").waitFor();
}

/// After the `asked`-th answer of the positioning test: the next question
/// is on screen, or the test is over and "Mon parcours" opened.
async function nextQuestionOrPath(page, asked) {
  await page.waitForFunction(
    (n) => location.pathname === "/mon-parcours" || document.querySelector(".step-count")?.textContent.startsWith(`Question ${n + 1} sur`),
    asked,
  );
}

describe("learning loop", () => {
  const cleanups = cleanupsAfterAll();

  it("keeps quiz answers through a closed browser and resumes offline", async () => {
    const server = await openServer(cleanups);
    const phone = openPhone(cleanups);
    const { quiz, steps } = competenceContent(COMPETENCE);
    assert.ok(quiz.length >= 5);

    let { page } = await phone.open();
    await page.goto(server.url + "/");
    await waitForApp(page);
    await waitForOffline(page);

    // A step past the end says so and leads back to the first one.
    await page.goto(`${server.url}/competences/${COMPETENCE}/etape/99`);
    await waitForApp(page);
    await page.getByText("Cette étape n'existe pas.").waitFor();
    const restart = page.getByRole("link", { name: "Commencer la leçon" });
    assert.equal(await restart.getAttribute("href"), `/competences/${COMPETENCE}`);
    await restart.click();
    await page.waitForSelector(".step-count");
    assert.match(await page.locator(".step-count").innerText(), /^Étape 1 sur \d+$/);

    // The end of the lesson leads to the quiz.
    await page.goto(`${server.url}/competences/${COMPETENCE}/etape/${steps.length + 1}`);
    await page.getByRole("link", { name: "Faire le quiz →" }).click();
    await page.getByRole("button", { name: "Commencer le quiz" }).click();

    // Question 1 right, question 2 wrong: feedback explains, then "saved".
    let q = await questionOnScreen(page, quiz);
    await answerQuestion(page, q, { right: true });
    await page.getByRole("heading", { name: /Bonne réponse/ }).waitFor();
    await waitSaved(page);
    await expectAccessible(page, "quiz feedback right");
    await screenshot(page, "quiz-feedback-right");
    await page.getByRole("button", { name: "Question suivante →" }).click();

    q = await questionOnScreen(page, quiz);
    await screenshot(page, "quiz-question");
    await answerQuestion(page, q, { right: false });
    await page.getByRole("heading", { name: /Ce n'est pas la bonne réponse/ }).waitFor();
    await waitSaved(page);
    await expectAccessible(page, "quiz feedback wrong");
    await screenshot(page, "quiz-feedback-wrong");
    assert.equal((await storedRecords(page, "events")).filter((e) => e.kind.type === "quiz-answered").length, 2);

    // The browser is closed mid-quiz; the network and the server go away.
    await phone.close();
    await server.stop();
    ({ page } = await phone.open({ offline: true }));
    await page.goto(`${server.url}/competences/${COMPETENCE}/quiz`);
    await waitForApp(page);
    await page.getByText("Vous reprenez le quiz là où vous l'aviez laissé.").waitFor();
    assert.equal(await page.locator(".step-count").innerText(), `Question 3 sur ${quiz.length}`);
    await screenshot(page, "quiz-resumed-offline");

    // The rest right, ordering questions included (tap to order).
    for (let i = 3; i <= quiz.length; i++) {
      q = await questionOnScreen(page, quiz);
      await answerQuestion(page, q, { right: true });
      await page.getByRole("heading", { name: /Bonne réponse/ }).waitFor();
      await page.getByRole("button", { name: i < quiz.length ? "Question suivante →" : "Voir mon résultat" }).click();
    }
    const right = quiz.length - 1;
    await page.getByText(`${right} bonnes réponses sur ${quiz.length}`).waitFor();
    const mastered = right * 100 >= 80 * quiz.length;
    if (mastered) await page.getByText("Compétence acquise").waitFor();
    await waitSaved(page);
    await expectAccessible(page, "quiz result");
    await screenshot(page, "quiz-result");

    // The map and home show it, gently.
    await page.goto(server.url + "/competences");
    await waitForApp(page);
    const mark = page.locator("a.competence", { hasText: "Envoyer une pièce jointe" }).locator(".mark");
    assert.equal(await mark.innerText(), mastered ? "✓ Acquise" : "En cours");
    await page.goto(server.url + "/");
    await waitForApp(page);
    await page.getByRole("heading", { name: "Mes progrès" }).waitFor();
    await page.getByText("Premier quiz").waitFor();
    await expectAccessible(page, "home with progress");
    await screenshot(page, "home-progress");
    await phone.close();
  });

  it("places the learner with the positioning test, resumes it, and proposes a path", async () => {
    const { server, page } = await openApp(cleanups);
    const bank = positioningBank();
    const itemOnScreen = async () => {
      const prompt = await page.locator(".question-prompt").innerText();
      for (const items of bank.values()) {
        const item = items.find((i) => i.question.prompt === prompt);
        if (item) return item.question;
      }
      assert.fail(`unknown positioning item: ${prompt}`);
    };

    await page.goto(server.url + "/faire-le-point");
    await waitForApp(page);
    await expectAccessible(page, "positioning intro");
    await page.getByRole("button", { name: "Commencer" }).click();
    await page.locator(".question-prompt").waitFor();
    await screenshot(page, "positioning-question");

    // Two right answers, then the page is reloaded: the test resumes.
    for (let i = 0; i < 2; i++) {
      await answerQuestion(page, await itemOnScreen(), { right: true });
      await page.getByText(`Question ${i + 2} sur`).waitFor();
    }
    await waitSaved(page);
    await page.reload();
    await waitForApp(page);
    await page.getByText("Vous reprenez le test là où vous l'aviez laissé.").waitFor();
    assert.match(await page.locator(".step-count").innerText(), /^Question 3 sur \d+ au plus$/);

    // Everything right to the end: at most 16 questions in all.
    let asked = 2;
    while (!page.url().endsWith("/mon-parcours")) {
      await answerQuestion(page, await itemOnScreen(), { right: true });
      asked++;
      assert.ok(asked <= 16, "the test keeps to its budget");
      await nextQuestionOrPath(page, asked);
    }
    await page.getByRole("heading", { name: "Où vous en êtes" }).waitFor();
    // All right: the top level everywhere, nothing left on the path.
    const levels = await page.locator(".levels li span").allInnerTexts();
    assert.equal(levels.length, 8);
    assert.ok(levels.every((l) => l === "Vous êtes à l'aise."), levels.join(" | "));
    await expectAccessible(page, "path");
    await screenshot(page, "path-all-right");

    // Again, answering "Je ne sais pas" to everything: all to discover.
    await page.goto(server.url + "/faire-le-point");
    await waitForApp(page);
    await page.getByText("Vous avez déjà fait le point.").waitFor();
    await page.getByRole("button", { name: "Commencer" }).click();
    for (let asked = 1; !page.url().endsWith("/mon-parcours"); asked++) {
      await page.getByRole("button", { name: "Je ne sais pas" }).click();
      assert.ok(asked <= 16, "the test keeps to its budget");
      await nextQuestionOrPath(page, asked);
    }
    await page.getByRole("heading", { name: "Vos prochaines leçons" }).waitFor();
    const discover = await page.locator(".levels li span").allInnerTexts();
    assert.ok(discover.every((l) => l.startsWith("À découvrir")), discover.join(" | "));
    assert.equal(await page.locator("ol.path a.competence").count(), 5, "a short list first");
    await screenshot(page, "path-short");
    await page.getByRole("button", { name: /^Voir les \d+ autres leçons$/ }).click();
    const path = await page.locator("ol.path a.competence").count();
    assert.ok(path >= 40, `the whole catalogue is on the path (${path})`);
    await screenshot(page, "path-all-dont-know");
  });

  it("upgrades a database of the previous schema with nothing lost", async () => {
    const { server, page } = await openApp(cleanups);

    // A page of the same origin that is not the app: write a v1 database.
    await page.goto(server.url + "/api/health");
    await page.evaluate(
      () =>
        new Promise((ok, fail) => {
          const open = indexedDB.open("declic", 1);
          open.onupgradeneeded = () => {
            const db = open.result;
            db.createObjectStore("events", { keyPath: "id" });
            db.createObjectStore("meta");
          };
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(["events", "meta"], "readwrite");
            tx.objectStore("meta").put("ancien", "device");
            const events = tx.objectStore("events");
            events.add({ id: "ancien:1", device: "ancien", at: 1700000000000, kind: { type: "lesson-step-seen", competence: "securite-arnaques", step: 3 } });
            events.add({ id: "ancien:2", device: "ancien", at: 1700000001000, kind: { type: "quiz-completed", competence: "email-piece-jointe", correct: 5, total: 5 } });
            tx.oncomplete = () => {
              db.close();
              ok();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
    );

    await page.goto(server.url + "/");
    await waitForApp(page);
    await page.getByRole("link", { name: /Reprendre où j'en étais/ }).waitFor();
    assert.match(await page.locator(".resume").innerText(), /Repérer une arnaque, étape 3/);
    await page.goto(server.url + "/competences");
    await waitForApp(page);
    const mark = page.locator("a.competence", { hasText: "Envoyer une pièce jointe" }).locator(".mark");
    assert.equal(await mark.innerText(), "✓ Acquise");

    // The new version's store exists, the old records are untouched, and new
    // events continue the same device.
    const version = await page.evaluate(
      () => new Promise((ok) => {
        const open = indexedDB.open("declic");
        open.onsuccess = () => {
          const db = open.result;
          ok({ version: db.version, stores: [...db.objectStoreNames] });
          db.close();
        };
      }),
    );
    assert.deepEqual(version, { version: 3, stores: ["documents", "events", "meta", "sync"] });
    const events = await storedRecords(page, "events");
    assert.ok(events.some((e) => e.id === "ancien:1") && events.some((e) => e.id === "ancien:2"));
    assert.ok(events.filter((e) => !e.id.startsWith("ancien:")).every((e) => e.device === "ancien"));
  });

  it("explains a full disk in French, keeps what was saved, and saves on retry", async () => {
    const { server, context } = await openApp(cleanups, { page: false });
    await context.addInitScript(() => {
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (...args) {
        const request = add.apply(this, args);
        if (globalThis.__diskFull) {
          this.transaction.__diskFull = true;
          this.transaction.abort();
        }
        return request;
      };
      const error = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, "error");
      Object.defineProperty(IDBTransaction.prototype, "error", {
        get() {
          return this.__diskFull ? new DOMException("Quota exceeded", "QuotaExceededError") : error.get.call(this);
        },
      });
    });
    const page = await context.newPage();
    const { quiz } = competenceContent(COMPETENCE);

    await page.goto(`${server.url}/competences/${COMPETENCE}/quiz`);
    await waitForApp(page);
    await page.getByRole("button", { name: "Commencer le quiz" }).click();
    await answerQuestion(page, await questionOnScreen(page, quiz), { right: true });
    await waitSaved(page);
    const before = await storedRecords(page, "events");

    // The disk fills up. Chromium reports it when the transaction commits:
    // the transaction aborts with a QuotaExceededError. (CDP's quota
    // override does not reach IndexedDB in headless Chromium, measured.)
    await page.evaluate(() => (globalThis.__diskFull = true));
    await page.getByRole("button", { name: "Question suivante →" }).click();
    await answerQuestion(page, await questionOnScreen(page, quiz), { right: true });
    await page.getByText("La mémoire du téléphone est pleine").waitFor();
    await expectAccessible(page, "storage full");
    await screenshot(page, "quiz-storage-full");

    await page.evaluate(() => (globalThis.__diskFull = false));
    const after = await storedRecords(page, "events");
    assert.deepEqual(after, before, "nothing saved before is touched");

    await page.getByRole("button", { name: "Réessayer" }).click();
    await waitSaved(page);
    const retried = await storedRecords(page, "events");
    assert.equal(retried.length, before.length + 1);
  });
});
