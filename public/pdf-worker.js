// The PDF worker (see src/pdf_engine.rs): loads the PDF engine's wasm on
// the first message, then answers each message {id, request} with
// {id, pdf} or {id, error: "unavailable" | "failed"}. JavaScript because it
// must hold the requests that arrive while the wasm is still loading (a
// handler set from Rust would miss them). A failed load is tried again on
// the next request.
let engine = null;

function load() {
  engine ??= (async () => {
    if (typeof wasm_bindgen === "undefined") importScripts("/declic-pdf-worker.js");
    await wasm_bindgen({ module_or_path: "/declic-pdf-worker_bg.wasm" });
  })().catch((error) => {
    engine = null;
    throw error;
  });
  return engine;
}

self.onmessage = async (event) => {
  const { id, request } = event.data;
  try {
    await load();
  } catch {
    self.postMessage({ id, error: "unavailable" });
    return;
  }
  try {
    const pdf = wasm_bindgen.render(request);
    self.postMessage({ id, pdf }, [pdf.buffer]);
  } catch {
    self.postMessage({ id, error: "failed" });
  }
};
