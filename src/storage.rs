//! IndexedDB: where everything a learner does is kept, on the device.
//!
//! - The schema and reads go through rexie (the project's IndexedDB crate).
//! - Writes go through a second, raw connection, because rexie cannot open a
//!   transaction with `durability: "strict"`, and since Chrome 121 the
//!   default ("relaxed") means "handed to the OS", not "on the disk"
//!   (`docs/platform-facts.md`). We show "Enregistré" only after a strict transaction has
//!   completed, so the raw connection is "the layer below, for that one thing".
//! - Writes only ever add (`add`, never `put`, for events): a write can fail,
//!   it can never overwrite what was saved before.
//!
//! # Schema (never change a shipped version; add one)
//! - v1: `events` (key path `id`): the progress event log, one record per
//!   event, stored as received (see `declic_core::progress`); `meta`
//!   (out-of-line string keys): the device id.
//! - v2: `documents` (out-of-line string keys): documents the learner writes
//!   (CV, letters), one record per document.
//! - v3: `sync` (out-of-line string keys): sync's settings (`config`: the
//!   phrase and the engine's state, absent while sync is off) and, under
//!   `r:<record id>`, one entry per record of the space: its ciphertext while
//!   it waits to be sent, `""` once the server has it (see `crate::sync`);
//!   `p:`, `o:` and `b:` entries hold documents' changes
//!   (`crate::sync::docs`, in the sync worker).
//!
//! rexie's builder is declarative: it creates the stores listed that do not
//! exist yet and **deletes the ones not listed**, so every version lists
//! every store. `tests/e2e/learning.test.mjs` ("upgrades a database of the
//! previous schema") opens a v1 database written by hand and checks nothing
//! is lost.

/// Why something could not be saved or read, in terms a screen can explain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No IndexedDB, or it refused to open (some private modes, a blocked
    /// upgrade, storage disabled by policy).
    Unavailable,
    /// The device (or the browser's share of it) is full.
    Full,
    /// Anything else; the browser's error name, for the console.
    Failed(String),
}

impl StorageError {
    /// What the learner reads. Always says that what was saved before is safe,
    /// because it is: we only ever add.
    pub fn message(&self) -> &'static str {
        match self {
            StorageError::Unavailable => {
                "Ce navigateur ne permet pas d'enregistrer vos progrès (navigation privée\u{a0}?). \
                 Vous pouvez continuer, mais vos réponses seront perdues à la fermeture."
            }
            StorageError::Full => {
                "La mémoire du téléphone est pleine\u{a0}: votre dernière réponse n'est pas enregistrée. \
                 Libérez de la place (photos, vidéos, applications), puis appuyez sur «\u{a0}Réessayer\u{a0}». \
                 Vos réponses déjà enregistrées sont conservées."
            }
            StorageError::Failed(_) => {
                "Votre dernière réponse n'a pas pu être enregistrée. Appuyez sur «\u{a0}Réessayer\u{a0}». \
                 Vos réponses déjà enregistrées sont conservées."
            }
        }
    }

    /// Maps a DOMException name. Near the quota Chromium may raise
    /// `AbortError` rather than `QuotaExceededError` (`docs/platform-facts.md`): both mean
    /// full here, since we never abort a write transaction ourselves.
    pub fn from_dom_name(name: &str) -> StorageError {
        match name {
            "QuotaExceededError" | "AbortError" => StorageError::Full,
            "SecurityError" | "NotAllowedError" => StorageError::Unavailable,
            other => StorageError::Failed(other.to_string()),
        }
    }
}

pub const DB_NAME: &str = "declic";
pub const DB_VERSION: u32 = 3;
pub const EVENTS: &str = "events";
pub const META: &str = "meta";
pub const DOCUMENTS: &str = "documents";
pub const SYNC: &str = "sync";

#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use js_sys::{Array, Function, Object, Promise, Reflect};
    use rexie::{ObjectStore, Rexie, TransactionMode};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{IdbDatabase, IdbTransaction};

    #[wasm_bindgen]
    extern "C" {
        /// An `IDBDatabase`, seen through the one method we bind ourselves.
        #[wasm_bindgen(js_name = IDBDatabase)]
        type DurableDb;

        /// `IDBDatabase.transaction(stores, mode, { durability })`: web-sys
        /// only has it behind `web_sys_unstable_apis`.
        #[wasm_bindgen(method, catch, js_name = transaction)]
        fn transaction_with_options(
            this: &DurableDb,
            stores: &JsValue,
            mode: &str,
            options: &JsValue,
        ) -> Result<IdbTransaction, JsValue>;
    }

    /// One write of a transaction.
    pub enum Write {
        /// Adds a record to a store with a key path; fails (never overwrites)
        /// if the key exists.
        Add { store: &'static str, value: JsValue },
        /// Sets the record at `key` in a store with out-of-line keys.
        Put {
            store: &'static str,
            key: String,
            value: JsValue,
        },
        /// Removes the record at `key` (nothing if there is none).
        Delete { store: &'static str, key: String },
    }

    thread_local! {
        static PAGE_DB: std::cell::RefCell<Option<std::rc::Rc<Db>>> = const { std::cell::RefCell::new(None) };
    }

    /// The database this page opened (one per page, opened by
    /// `Learner::start` or `Learner::start_for_documents`), once it is open.
    pub fn page_db() -> Option<std::rc::Rc<Db>> {
        PAGE_DB.with(|c| c.borrow().clone())
    }

    pub(crate) fn set_page_db(db: std::rc::Rc<Db>) {
        PAGE_DB.with(|c| *c.borrow_mut() = Some(db));
    }

    /// Forgets the page's database (after [`Db::close`], before it is
    /// deleted): nothing of this page writes to it again.
    pub(crate) fn forget_page_db() -> Option<std::rc::Rc<Db>> {
        PAGE_DB.with(|c| c.borrow_mut().take())
    }

    /// An open database: rexie for reads, a raw connection for durable writes.
    pub struct Db {
        /// Shared with the raw connection's `versionchange` handler, which
        /// closes both: rexie does not let us listen on its own connection,
        /// and one open connection would block another tab's upgrade or
        /// erase (`device_data::erase_device`).
        rexie: Rc<RefCell<Option<Rexie>>>,
        raw: IdbDatabase,
    }

    /// Every record of one store with its key, in key order.
    pub struct StoreDump {
        pub store: String,
        pub records: Vec<(JsValue, JsValue)>,
    }

    /// Opens the database, creating or upgrading it to [`DB_VERSION`].
    pub async fn open() -> Result<Db, StorageError> {
        let rexie = Rexie::builder(DB_NAME)
            .version(DB_VERSION)
            .add_object_store(ObjectStore::new(EVENTS).key_path("id"))
            .add_object_store(ObjectStore::new(META))
            .add_object_store(ObjectStore::new(DOCUMENTS))
            .add_object_store(ObjectStore::new(SYNC))
            .build()
            .await
            .map_err(|e| {
                web_sys::console::warn_1(&format!("IndexedDB open: {e}").into());
                StorageError::Unavailable
            })?;
        let rexie = Rc::new(RefCell::new(Some(rexie)));
        let raw = open_raw(rexie.clone()).await?;
        Ok(Db { rexie, raw })
    }

    /// The same database, already upgraded by rexie, opened without a
    /// version. Closes itself and rexie's connection when a newer app
    /// upgrades the schema or the database is deleted (another tab's erase).
    async fn open_raw(rexie: Rc<RefCell<Option<Rexie>>>) -> Result<IdbDatabase, StorageError> {
        // The global scope's, so that the sync worker opens it too.
        let factory: web_sys::IdbFactory =
            js_sys::Reflect::get(&js_sys::global(), &"indexedDB".into())
                .ok()
                .filter(|f| f.is_object())
                .ok_or(StorageError::Unavailable)?
                .unchecked_into();
        let request = factory
            .open(DB_NAME)
            .map_err(|_| StorageError::Unavailable)?;
        let done = Promise::new(&mut |resolve, reject| {
            request.set_onsuccess(Some(&resolve));
            request.set_onerror(Some(&reject));
        });
        JsFuture::from(done)
            .await
            .map_err(|_| StorageError::Unavailable)?;
        let db: IdbDatabase = request
            .result()
            .map_err(|_| StorageError::Unavailable)?
            .unchecked_into();
        let to_close = db.clone();
        let on_version_change = Closure::<dyn Fn()>::new(move || {
            to_close.close();
            if let Some(rexie) = rexie.borrow_mut().take() {
                rexie.close();
            }
        });
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        on_version_change.forget();
        Ok(db)
    }

    impl Db {
        /// Closes both connections (nothing can be read or written through
        /// this `Db` afterwards).
        pub fn close(&self) {
            self.raw.close();
            if let Some(rexie) = self.rexie.borrow_mut().take() {
                rexie.close();
            }
        }

        /// A read transaction on rexie's connection, unless it was closed.
        fn read(&self, stores: &[&str]) -> Result<rexie::Transaction, StorageError> {
            match self.rexie.borrow().as_ref() {
                Some(rexie) => rexie
                    .transaction(stores, TransactionMode::ReadOnly)
                    .map_err(rexie_error),
                None => Err(StorageError::Unavailable),
            }
        }

        /// Every store with its records and their keys, read in one
        /// transaction (a consistent picture), for "Mes données".
        pub async fn dump(&self) -> Result<Vec<StoreDump>, StorageError> {
            let names = match self.rexie.borrow().as_ref() {
                Some(rexie) => rexie.store_names(),
                None => return Err(StorageError::Unavailable),
            };
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let tx = self.read(&refs)?;
            let mut dump = Vec::with_capacity(names.len());
            for name in &names {
                dump.push(StoreDump {
                    store: name.clone(),
                    records: entries_in(&tx, name).await?,
                });
            }
            Ok(dump)
        }

        /// Every record of a store with its key, in key order.
        pub async fn entries(&self, store: &str) -> Result<Vec<(JsValue, JsValue)>, StorageError> {
            entries_in(&self.read(&[store])?, store).await
        }

        /// Every record of a store, as stored.
        pub async fn all(&self, store: &str) -> Result<Vec<JsValue>, StorageError> {
            let tx = self.read(&[store])?;
            let records = tx
                .store(store)
                .map_err(rexie_error)?
                .get_all(None, None)
                .await
                .map_err(rexie_error)?;
            Ok(records)
        }

        /// One record of a store with out-of-line keys.
        pub async fn get(&self, store: &str, key: &str) -> Result<Option<JsValue>, StorageError> {
            let tx = self.read(&[store])?;
            tx.store(store)
                .map_err(rexie_error)?
                .get(JsValue::from_str(key))
                .await
                .map_err(rexie_error)
        }

        /// Writes all of `writes` in one strict-durability transaction: all
        /// or nothing, and `Ok` only once the data is on the disk.
        pub async fn write(&self, writes: Vec<Write>) -> Result<(), StorageError> {
            let mut names: Vec<&str> = writes
                .iter()
                .map(|w| match w {
                    Write::Add { store, .. }
                    | Write::Put { store, .. }
                    | Write::Delete { store, .. } => *store,
                })
                .collect();
            declic_core::small_sort::sort_by_key(&mut names, |&name| name);
            names.dedup();
            let stores: Array = names.iter().map(|n| JsValue::from_str(n)).collect();
            let options = Object::new();
            let _ = Reflect::set(&options, &"durability".into(), &"strict".into());
            // Measured by tests/bench/interaction.mjs: from here to the end
            // of the durable commit.
            crate::perf::start("declic-save");
            let tx = self
                .raw
                .unchecked_ref::<DurableDb>()
                .transaction_with_options(&stores, "readwrite", &options)
                .map_err(dom_error)?;
            // Listen before the first request, so no event is missed.
            let done = Promise::new(&mut |resolve: Function, reject: Function| {
                tx.set_oncomplete(Some(&resolve));
                tx.set_onabort(Some(&reject));
            });
            for write in writes {
                let result = match write {
                    Write::Add { store, value } => {
                        tx.object_store(store).and_then(|s| s.add(&value))
                    }
                    Write::Put { store, key, value } => tx
                        .object_store(store)
                        .and_then(|s| s.put_with_key(&value, &JsValue::from_str(&key))),
                    Write::Delete { store, key } => tx
                        .object_store(store)
                        .and_then(|s| s.delete(&JsValue::from_str(&key))),
                };
                if let Err(e) = result {
                    let _ = tx.abort();
                    return Err(dom_error(e));
                }
            }
            match JsFuture::from(done).await {
                Ok(_) => {
                    crate::perf::end("declic-save");
                    Ok(())
                }
                Err(_) => Err(match tx.error() {
                    Some(e) => StorageError::from_dom_name(&e.name()),
                    None => StorageError::Failed("AbortError without error".into()),
                }),
            }
        }
    }

    async fn entries_in(
        tx: &rexie::Transaction,
        name: &str,
    ) -> Result<Vec<(JsValue, JsValue)>, StorageError> {
        let store = tx.store(name).map_err(rexie_error)?;
        // Both in key order, in one transaction: they pair up.
        let keys = store.get_all_keys(None, None).await.map_err(rexie_error)?;
        let values = store.get_all(None, None).await.map_err(rexie_error)?;
        Ok(keys.into_iter().zip(values).collect())
    }

    fn dom_error(e: JsValue) -> StorageError {
        match e.dyn_ref::<web_sys::DomException>() {
            Some(e) => StorageError::from_dom_name(&e.name()),
            // Not a DOMException (never seen): keep its text if it has one.
            // No `{:?}` on JsValue: it pulls float formatting into the wasm.
            None => StorageError::Failed(e.as_string().unwrap_or_else(|| "unknown error".into())),
        }
    }

    fn rexie_error(e: rexie::Error) -> StorageError {
        StorageError::Failed(e.to_string())
    }

    /// Asks the browser to keep our data when the device runs low on space
    /// (granted by heuristics, no prompt in Chromium). Best effort.
    pub fn request_persistence() {
        if let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) {
            if let Ok(promise) = storage.persist() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = JsFuture::from(promise).await;
                });
            }
        }
    }

    /// 16 random hex digits from the browser's CSPRNG: a device id that no
    /// other device will pick.
    pub fn random_id() -> String {
        let mut bytes = [0u8; 8];
        if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
            let _ = crypto.get_random_values_with_u8_array(&mut bytes);
        }
        if bytes == [0; 8] {
            // No crypto (never seen): time and Math.random still separate devices.
            let t = js_sys::Date::now() as u64 ^ (js_sys::Math::random() * 1e15) as u64;
            bytes = t.to_le_bytes();
        }
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_errors_mean_full_and_say_nothing_is_lost() {
        for name in ["QuotaExceededError", "AbortError"] {
            let e = StorageError::from_dom_name(name);
            assert_eq!(e, StorageError::Full);
            assert!(e.message().contains("déjà enregistrées sont conservées"));
        }
        assert_eq!(
            StorageError::from_dom_name("UnknownError"),
            StorageError::Failed("UnknownError".into())
        );
    }
}
