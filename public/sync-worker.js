// The sync worker (see src/sync/mod.rs): loads the sync driver's wasm and
// hands it every message from the page, in order. JavaScript because it
// must hold the messages that arrive while the wasm is still loading (a
// handler set from Rust would miss them). If the wasm cannot load, it says
// {type: "unavailable"} and the page ends this worker.
let queue = [];

self.onmessage = (event) => {
  if (queue) queue.push(event.data);
  else wasm_bindgen.on_message(event.data);
};

(async () => {
  try {
    importScripts("/declic-sync-worker.js");
    await wasm_bindgen({ module_or_path: "/declic-sync-worker_bg.wasm" });
  } catch {
    self.postMessage({ type: "unavailable" });
    return;
  }
  const waiting = queue;
  queue = null;
  for (const message of waiting) wasm_bindgen.on_message(message);
})();
