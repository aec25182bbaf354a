//! Sync: the pure core of "Sauvegarder et retrouver ma progression".
//!
//! Progress, the CV and the letter follow the learner across devices,
//! without account or e-mail, end-to-end encrypted (protocol v1, see
//! `engine` for the server contract). What lives here, in the order the app
//! uses it:
//! - [`phrase`]: the recovery phrase (8 French words, 70 bits + a check),
//!   its forgiving parse, and the canonical secret bytes;
//! - [`keys`]: the key derivation labels (the app runs HKDF and AES-GCM in
//!   WebCrypto), hex and base64url;
//! - [`hlc`]: the hybrid logical clock that stamps document edits;
//! - [`doc`]: the CV and the letter as mergeable documents (a set of
//!   immutable ops; merge is a set union), their history and conversions;
//! - [`editing`]: which fields of an open editor the learner is typing in
//!   (kept as typed when another device's edit arrives);
//! - [`record`]: what goes inside an encrypted record, and record ids;
//! - [`engine`]: the sync state machine the app's shell runs (what request
//!   next, what to show in the header).
//!
//! Nothing here does I/O, reads a clock or draws random numbers: time and
//! randomness come in as parameters.

pub mod convert;
pub mod doc;
pub mod editing;
pub mod engine;
pub mod hlc;
pub mod keys;
pub mod link;
pub mod phrase;
pub mod record;

#[cfg(test)]
mod sim;
