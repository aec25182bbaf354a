// Déclic's service worker: makes every screen, lesson and file work offline,
// and installs new versions atomically.
//
// - Install: download every file of this build (MANIFEST below, written by
//   src/bin/postbuild.rs with each file's hash) into one cache named after the
//   build. A file whose bytes do not match its hash fails the install: the
//   server already has a newer build, whose own worker will come next. Files
//   unchanged since the previous build are copied from its cache, not
//   downloaded again.
// - A new version waits until the learner taps "Mettre à jour" (the page
//   posts "skip-waiting"), so a page never runs files of two builds.
// - Fetch: navigations get this build's page for their entry (ENTRY_PAGES
//   below, written by postbuild from declic_core::route::Entry: the job
//   tools' and the practice's pages for their screens, by path or by
//   prefix for screens with a parameter, index.html for every other one; the app
//   routes on the client); other files come from this build's cache, else
//   the network. /api/ is never cached.
/*MANIFEST*/ const MANIFEST = { "version": "dev", "files": [] };
/*ENTRY_PAGES*/ const ENTRY_PAGES = { "default": "/index.html", "paths": [] };

const PREFIX = "declic-";
const CACHE = PREFIX + MANIFEST.version;
const PAGES = new Map(ENTRY_PAGES.paths);
const PARALLEL_DOWNLOADS = 4;

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
    ),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  // "Tout effacer" and "J'ai terminé" (src/device_data.rs): keep only the
  // files of this build, which are the same for every learner, so the app
  // still works offline; anything else cached may be personal. Answers on
  // the port the page sent.
  if (event.data === "erase-personal") {
    event.waitUntil(
      erasePersonal().then(
        () => event.ports[0]?.postMessage("erased"),
        (error) => event.ports[0]?.postMessage(`failed: ${error}`),
      ),
    );
  }
});

async function erasePersonal() {
  const keys = await caches.keys();
  // Other caches than the builds' (a newer build's cache, waiting to
  // install, starts with PREFIX too and holds only its own files).
  await Promise.all(keys.filter((k) => !k.startsWith(PREFIX)).map((k) => caches.delete(k)));
  const cache = await caches.open(CACHE);
  const build = new Set(MANIFEST.files.map(([url]) => new URL(url, self.location.origin).href));
  const requests = await cache.keys();
  await Promise.all(requests.filter((r) => !build.has(r.url)).map((r) => cache.delete(r)));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  event.respondWith(request.mode === "navigate" ? appShell(request) : cached(request));
});

async function appShell(request) {
  const cache = await caches.open(CACHE);
  const path = new URL(request.url).pathname.replace(/\/+$/, "");
  const prefix = (ENTRY_PAGES.prefixes ?? []).find(([start]) => path.startsWith(start));
  const page = PAGES.get(path) ?? prefix?.[1] ?? ENTRY_PAGES.default;
  return (await cache.match(page)) || fetch(request);
}

async function cached(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreSearch: true, ignoreVary: true })) || fetch(request);
}

async function precache() {
  const cache = await caches.open(CACHE);
  const previous = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
  const queue = MANIFEST.files.slice();
  const worker = async () => {
    while (queue.length > 0) {
      const [url, hash] = queue.shift();
      if (await cache.match(url)) continue; // an interrupted install resumes
      const response = (await fromPreviousBuild(previous, url, hash)) || (await download(url, hash));
      await cache.put(url, response);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
}

async function fromPreviousBuild(previous, url, hash) {
  for (const name of previous) {
    const response = await (await caches.open(name)).match(url);
    if (response && (await hasHash(response.clone(), hash))) return response;
  }
  return null;
}

async function download(url, hash) {
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (!(await hasHash(response.clone(), hash))) {
    throw new Error(`${url} is from another build; waiting for the next version`);
  }
  return response;
}

// Whether the body's SHA-256, in hex, starts with `hash`: postbuild writes
// a prefix of it (its length is declic_core::content::SHORT_HASH_BYTES), so
// the worker needs no length of its own.
async function hasHash(response, hash) {
  const digest = await crypto.subtle.digest("SHA-256", await response.arrayBuffer());
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return hash.length > 0 && hex.startsWith(hash);
}
