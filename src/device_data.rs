//! Everything the device holds for the learner, as a whole: read it
//! ([`contents`], for "Mes données"), export it as one JSON file
//! ([`export_everything`], the format is `declic_core::export`), and erase
//! it ("Tout effacer" on "Mes données", and "J'ai terminé" on a shared
//! computer). An edge module: screens call it from event handlers and get
//! signals.
//!
//! What "every local trace" means here, and where each one lives:
//! - IndexedDB: every database of the origin (`indexedDB.databases()`, and
//!   `declic` by name where the browser cannot list them). This page's
//!   connections are closed first; the app's other tabs close theirs on the
//!   `versionchange` the deletion sends them (`storage::open`). A tab that
//!   keeps its connection open (an older build) blocks the deletion: the
//!   learner is told to close it ([`EraseError::Blocked`]).
//! - localStorage and sessionStorage: the whole origin is the app's.
//! - Cache Storage: the service worker's build caches (`declic-<version>`)
//!   hold the files of one build, the same for every learner, and are kept
//!   so the app still works offline; every other cache is deleted. The
//!   service worker is also asked (message `erase-personal`, `public/sw.js`)
//!   to drop from its cache anything that is not a file of its build.
//!
//! After an erase the page still holds the learner's progress in memory:
//! call [`restart`] to load the app again, as on a first visit.

use declic_core::export::DeviceContents;
use leptos::prelude::*;

use crate::storage::StorageError;

/// Why the export file could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// What the device holds could not be read.
    Storage(StorageError),
    /// The browser could not make the file (no room left for it).
    Full,
}

impl ExportError {
    /// What the learner reads. Nothing is changed by a failed export.
    pub fn message(&self) -> &'static str {
        match self {
            ExportError::Storage(StorageError::Unavailable) => {
                "Ce navigateur ne permet pas de lire les données de Déclic (navigation privée\u{a0}?). \
                 Le fichier n'a pas pu être créé."
            }
            ExportError::Full | ExportError::Storage(StorageError::Full) => {
                "La mémoire du téléphone est pleine\u{a0}: le fichier n'a pas pu être créé. \
                 Libérez de la place, puis appuyez de nouveau sur «\u{a0}Télécharger mes données\u{a0}». \
                 Vos données sont toujours sur cet appareil."
            }
            ExportError::Storage(StorageError::Failed(_)) => {
                "Le fichier n'a pas pu être créé. Appuyez de nouveau sur «\u{a0}Télécharger mes données\u{a0}». \
                 Vos données sont toujours sur cet appareil."
            }
        }
    }
}

/// What the device holds, read once the learner's database is open
/// (`None` until then).
pub fn contents() -> ReadSignal<Option<Result<DeviceContents, StorageError>>> {
    let value = RwSignal::new(None);
    crate::documents::when_loaded(async move {
        value.set(Some(read_contents().await));
    });
    value.read_only()
}

/// Reads every store of the database and the web storage settings.
pub async fn read_contents() -> Result<DeviceContents, StorageError> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::read_contents().await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Ok(DeviceContents::default())
    }
}

/// Makes the export file of everything the device holds
/// (`declic_core::export`) and hands it to the browser as a download.
pub async fn export_everything() -> Result<(), ExportError> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::export_everything().await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Ok(())
    }
}

/// "Tout effacer": the server copy when sync is on, then the device.
pub async fn erase_everything() -> Result<(), EraseError> {
    // The online copy first: if it cannot be erased now, the device keeps
    // everything (the learner can try again).
    crate::sync::erase_everywhere()
        .await
        .map_err(|e| EraseError::OnlineCopy(e.message()))?;
    erase_device().await
}

/// Why the device could not be erased completely, in terms a screen can
/// explain. Whatever could be erased was erased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EraseError {
    /// Another tab or window of the app keeps the database open. The
    /// browser erases it as soon as that tab is closed.
    Blocked,
    /// The browser refuses access to its storage (policy, private mode).
    Unavailable,
    /// Anything else; the browser's error, for the console.
    Failed(String),
    /// Sync is on and the online copy could not be erased: nothing was
    /// erased here. The French message says why.
    OnlineCopy(&'static str),
}

impl EraseError {
    /// What the learner reads.
    pub fn message(&self) -> &'static str {
        match self {
            EraseError::Blocked => {
                "Déclic est encore ouvert dans un autre onglet ou une autre fenêtre. \
                 Fermez cet onglet, puis appuyez sur «\u{a0}Réessayer\u{a0}»."
            }
            EraseError::Unavailable => {
                "Le navigateur refuse l'accès à sa mémoire. L'effacement n'est pas terminé. \
                 Vous pouvez effacer les données du site dans les réglages du navigateur."
            }
            EraseError::Failed(_) => {
                "L'effacement n'est pas terminé. Appuyez sur «\u{a0}Réessayer\u{a0}»."
            }
            EraseError::OnlineCopy(message) => message,
        }
    }
}

/// Erases every local trace of the learner (see the module's note). Safe
/// to call again after an error: it starts over and erases what is left.
pub async fn erase_device() -> Result<(), EraseError> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::erase().await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Ok(())
    }
}

/// Loads the app again from its home, so nothing of the erased learner
/// stays in memory.
pub fn restart() {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace("/");
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{EraseError, ExportError};
    use crate::storage::{self, StorageError, DB_NAME, DOCUMENTS, EVENTS, META};
    use declic_core::export::{self, DeviceContents, Json, KeyedRecord, StoreRecords};
    use js_sys::{Array, Function, Promise, Reflect};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// The prefix of the service worker's build caches (`public/sw.js`).
    const BUILD_CACHE_PREFIX: &str = "declic-";

    /// How long to wait for the service worker's answer before going on
    /// (it answers at once when it runs; a stopped worker is started first).
    const WORKER_WAIT_MS: i32 = 3000;

    pub async fn read_contents() -> Result<DeviceContents, StorageError> {
        let db = storage::page_db().ok_or(StorageError::Unavailable)?;
        let mut contents = DeviceContents::default();
        for dump in db.dump().await? {
            let keyed = dump
                .records
                .into_iter()
                .map(|(key, value)| (key, json(value)));
            // `meta` and `documents` have string keys (the app writes no
            // other); events carry their id in the record.
            let by_name =
                |(key, value): (JsValue, Json)| (key.as_string().unwrap_or_default(), value);
            match dump.store.as_str() {
                EVENTS => contents.events = keyed.map(|(_, value)| value).collect(),
                META => contents.device = keyed.map(by_name).collect(),
                DOCUMENTS => contents.documents = keyed.map(by_name).collect(),
                _ => contents.other_stores.push(StoreRecords {
                    store: dump.store,
                    records: keyed
                        .map(|(key, value)| KeyedRecord {
                            key: json(key),
                            value,
                        })
                        .collect(),
                }),
            }
        }
        contents.settings = settings();
        Ok(contents)
    }

    /// A stored value as a JSON tree (a value JSON cannot hold, which the
    /// app never stores, becomes `null`).
    fn json(value: JsValue) -> Json {
        serde_wasm_bindgen::from_value(value).unwrap_or(Json::Null)
    }

    /// Every localStorage entry: the whole origin is the app's.
    fn settings() -> Vec<(String, String)> {
        let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
            return Vec::new();
        };
        let len = storage.length().unwrap_or(0);
        (0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter_map(|key| Some((key.clone(), storage.get_item(&key).ok().flatten()?)))
            .collect()
    }

    pub async fn export_everything() -> Result<(), ExportError> {
        let contents = read_contents().await.map_err(ExportError::Storage)?;
        let now = js_sys::Date::now() as i64;
        let export = export::export(contents, now);
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let value = serde::Serialize::serialize(&export, &serializer)
            .map_err(|e| ExportError::Storage(StorageError::Failed(e.to_string())))?;
        // Indented, so the learner (or whoever helps them) can read it.
        let text = js_sys::JSON::stringify_with_replacer_and_space(
            &value,
            &JsValue::NULL,
            &JsValue::from(2),
        )
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(ExportError::Full)?;
        crate::files::try_save_file(text.as_bytes(), &export::file_name(now), "application/json")
            .map_err(|_| ExportError::Full)
    }

    pub async fn erase() -> Result<(), EraseError> {
        let window = web_sys::window().ok_or(EraseError::Unavailable)?;
        // Every step runs even if one fails, so an error leaves as little
        // as possible behind; the first error is the one reported.
        let databases = erase_databases(&window).await;
        let web_storage = erase_web_storage(&window);
        let caches = erase_caches(&window).await;
        ask_worker_to_erase(&window).await;
        databases.and(web_storage).and(caches)
    }

    async fn erase_databases(window: &web_sys::Window) -> Result<(), EraseError> {
        if let Some(db) = storage::forget_page_db() {
            db.close();
        }
        let factory = match window.indexed_db() {
            Ok(Some(factory)) => factory,
            // No IndexedDB at all: nothing can have been stored there.
            Ok(None) => return Ok(()),
            Err(_) => return Err(EraseError::Unavailable),
        };
        let mut names = database_names(&factory).await;
        if !names.iter().any(|n| n == DB_NAME) {
            names.push(DB_NAME.to_string());
        }
        let mut result = Ok(());
        for name in names {
            let outcome = delete_database(&factory, &name).await;
            if let Err(e) = &outcome {
                web_sys::console::warn_1(&format!("erase {name}: {e:?}").into());
            }
            result = result.and(outcome);
        }
        result
    }

    /// `indexedDB.databases()` (not in web-sys); empty where the browser
    /// does not have it.
    async fn database_names(factory: &web_sys::IdbFactory) -> Vec<String> {
        let Ok(databases) = Reflect::get(factory, &"databases".into()) else {
            return Vec::new();
        };
        let Ok(databases) = databases.dyn_into::<Function>() else {
            return Vec::new();
        };
        let Ok(promise) = databases.call0(factory) else {
            return Vec::new();
        };
        let Ok(list) = JsFuture::from(Promise::from(promise)).await else {
            return Vec::new();
        };
        Array::from(&list)
            .iter()
            .filter_map(|info| Reflect::get(&info, &"name".into()).ok()?.as_string())
            .collect()
    }

    /// Deletes one database. `blocked` means a connection stayed open after
    /// the `versionchange` event: the deletion then waits, in the browser,
    /// until that tab closes it, and we report [`EraseError::Blocked`].
    async fn delete_database(factory: &web_sys::IdbFactory, name: &str) -> Result<(), EraseError> {
        let request = factory
            .delete_database(name)
            .map_err(|_| EraseError::Unavailable)?;
        let done = Promise::new(&mut |resolve: Function, reject: Function| {
            let on_success = resolve.clone();
            let ok = Closure::once_into_js(move || {
                let _ = on_success.call1(&JsValue::NULL, &JsValue::TRUE);
            });
            let blocked = Closure::once_into_js(move || {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::FALSE);
            });
            request.set_onsuccess(Some(ok.unchecked_ref()));
            request.set_onblocked(Some(blocked.unchecked_ref()));
            request.set_onerror(Some(&reject));
        });
        match JsFuture::from(done).await {
            Ok(deleted) if deleted.is_truthy() => Ok(()),
            Ok(_) => Err(EraseError::Blocked),
            Err(_) => Err(EraseError::Failed(
                request
                    .error()
                    .ok()
                    .flatten()
                    .map(|e| e.name())
                    .unwrap_or_else(|| "deleteDatabase failed".into()),
            )),
        }
    }

    fn erase_web_storage(window: &web_sys::Window) -> Result<(), EraseError> {
        let mut result = Ok(());
        for storage in [window.local_storage(), window.session_storage()] {
            match storage {
                Ok(Some(storage)) => {
                    if storage.clear().is_err() {
                        result = Err(EraseError::Unavailable);
                    }
                }
                // No such storage: nothing kept there.
                Ok(None) => {}
                // Access refused (storage blocked): nothing could be kept
                // there either.
                Err(_) => {}
            }
        }
        result
    }

    async fn erase_caches(window: &web_sys::Window) -> Result<(), EraseError> {
        // No Cache Storage (an insecure origin): nothing cached.
        let Ok(caches) = window.caches() else {
            return Ok(());
        };
        let keys = JsFuture::from(caches.keys())
            .await
            .map_err(|_| EraseError::Unavailable)?;
        for name in Array::from(&keys).iter().filter_map(|k| k.as_string()) {
            if name.starts_with(BUILD_CACHE_PREFIX) {
                continue;
            }
            JsFuture::from(caches.delete(&name))
                .await
                .map_err(|_| EraseError::Failed(format!("caches.delete({name})")))?;
        }
        Ok(())
    }

    /// Posts `erase-personal` to the service worker that controls the page
    /// and waits for its answer (or [`WORKER_WAIT_MS`]): it drops from its
    /// cache anything that is not a file of its build.
    async fn ask_worker_to_erase(window: &web_sys::Window) {
        let Some(worker) = window.navigator().service_worker().controller() else {
            return;
        };
        let Ok(channel) = web_sys::MessageChannel::new() else {
            return;
        };
        let port = channel.port1();
        let answered = Promise::new(&mut |resolve: Function, _| {
            port.set_onmessage(Some(&resolve));
            let resolve = resolve.clone();
            crate::clock::after(WORKER_WAIT_MS, move || {
                let _ = resolve.call0(&JsValue::NULL);
            });
        });
        let transfer = Array::of1(&channel.port2());
        if worker
            .post_message_with_transferable(&"erase-personal".into(), &transfer)
            .is_ok()
        {
            let _ = JsFuture::from(answered).await;
        }
        port.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use declic_core::plain_french::assert_message;

    #[test]
    fn every_message_is_plain_french_and_says_what_to_do() {
        let erase = [
            EraseError::Blocked,
            EraseError::Unavailable,
            EraseError::Failed("UnknownError".into()),
        ];
        for e in &erase {
            assert_message(&format!("{e:?}"), e.message());
        }
        assert!(EraseError::Blocked.message().contains("autre onglet"));
        let export = [
            ExportError::Full,
            ExportError::Storage(StorageError::Unavailable),
            ExportError::Storage(StorageError::Full),
            ExportError::Storage(StorageError::Failed("x".into())),
        ];
        for e in &export {
            assert_message(&format!("{e:?}"), e.message());
        }
        // A failed export never touches what is saved, and says so.
        assert!(ExportError::Full
            .message()
            .contains("toujours sur cet appareil"));
    }
}
