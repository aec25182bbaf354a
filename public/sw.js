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
// - Activate: the previous builds' caches stay while a page that was open
//   before (and so runs that build's wasm) is still open: another tab may
//   have asked for the update, and this one must keep working. They go at
//   the first navigation or message after the last such page has closed.
// - Fetch: navigations get this build's page for their entry (ENTRY_PAGES
//   below, written by postbuild from declic_core::route::Entry, by path or
//   by prefix for screens with a parameter): home its prerendered page,
//   every other screen its entry's neutral page (header, empty screen) that
//   the wasm fills, so no screen paints another's content. The other
//   prerendered screens are not precached (they are for first visits, from
//   the server). Other files come from this build's cache, else a kept
//   previous build's, else the network. /api/ is never cached.
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
  event.waitUntil(keepForOpenPages().then(dropUnused));
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
  event.waitUntil(dropUnused());
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
  if (request.mode === "navigate") {
    event.respondWith(appShell(request));
    event.waitUntil(dropUnused());
  } else {
    event.respondWith(cached(request));
  }
});

async function appShell(request) {
  const cache = await caches.open(CACHE);
  const path = new URL(request.url).pathname.replace(/\/+$/, "") || "/";
  const prefix = (ENTRY_PAGES.prefixes ?? []).find(([start]) => path.startsWith(start));
  const page = PAGES.get(path) ?? prefix?.[1] ?? ENTRY_PAGES.default;
  return (await cache.match(page)) || fetch(request);
}

async function cached(request) {
  const options = { ignoreSearch: true, ignoreVary: true };
  for (const name of [CACHE, ...(await previousCaches())]) {
    const response = await (await caches.open(name)).match(request, options);
    if (response) return response;
  }
  return fetch(request);
}

async function previousCaches() {
  return (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
}

// Which previous build's cache each open page still needs, by client id:
// a small JSON record kept in its own cache (a worker's variables do not
// survive its restarts). Its name does not start with PREFIX.
const KEPT = "declic:kept";
const KEPT_URL = "/kept-caches.json";

async function readKept() {
  const response = await (await caches.open(KEPT)).match(KEPT_URL);
  return response ? await response.json() : {};
}

async function writeKept(kept) {
  await (await caches.open(KEPT)).put(KEPT_URL, new Response(JSON.stringify(kept)));
}

async function openPages() {
  return (await self.clients.matchAll({ type: "window", includeUncontrolled: true })).map((c) => c.id);
}

// On activation, every page open now was loaded by a previous build.
async function keepForOpenPages() {
  const pages = await openPages();
  const kept = await readKept();
  for (const name of await previousCaches()) kept[name] = [...new Set([...(kept[name] ?? []), ...pages])];
  await writeKept(kept);
}

// Deletes the previous builds' caches no open page needs any more. Only
// those recorded at an activation: a newer build installing its cache
// meanwhile is not one of them.
async function dropUnused() {
  const pages = new Set(await openPages());
  const kept = await readKept();
  const still = {};
  for (const [name, ids] of Object.entries(kept)) {
    const users = ids.filter((id) => pages.has(id));
    if (name === CACHE) continue;
    if (users.length > 0) still[name] = users;
    else await caches.delete(name);
  }
  await writeKept(still);
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
