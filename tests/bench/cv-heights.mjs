// The CV builder's page height on a phone (360×640), per screen: an empty
// CV and a filled one. Prints figures, never asserts. Usage:
//   node tests/bench/cv-heights.mjs [dist]
import { startServer, launch, waitForScreen, PHONE } from "../e2e/harness.mjs";

const dist = process.argv[2];
const server = await startServer(dist ? { dist } : {});
const browser = await launch();
try {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  // Every screen of the guided builder, an empty CV (on a build from before
  // the guided builder, only /mon-cv is the builder).
  const paths = ["/mon-cv", "/mon-cv/contact", "/mon-cv/poste", "/mon-cv/experiences", "/mon-cv/formations",
    "/mon-cv/competences", "/mon-cv/langues", "/mon-cv/permis-et-loisirs", "/mon-cv/recapitulatif", "/mon-cv/apercu"];
  const height = () => page.evaluate(() => document.documentElement.scrollHeight);
  const rows = [];
  for (const path of paths) {
    await page.goto(server.url + path);
    await waitForScreen(page);
    const h1 = await page.locator("main h1").innerText();
    rows.push([path, h1, await height()]);
  }
  for (const [path, h1, h] of rows) console.log(`${path.padEnd(28)} ${h1.padEnd(30)} ${String(h).padStart(6)} px`);
} finally {
  await browser.close();
  await server.stop();
  server.cleanup();
}
