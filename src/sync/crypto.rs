//! The keys of sync and record encryption, in WebCrypto (no crypto code in
//! the wasm). The derivation and its labels are the core's
//! (`declic_core::sync::keys`): this module only runs them.

use crate::scope::{self, object};
use declic_core::sync::keys::{
    self, ACCESS_BYTES, ENCRYPTION_BYTES, INFO_ACCESS, INFO_ENCRYPTION, INFO_MASTER,
    INFO_RECORD_IDS, INFO_SPACE_ID, MASTER_BYTES, NONCE_BYTES, SALT, SPACE_ID_BYTES,
};
use declic_core::sync::phrase::Phrase;
use declic_core::sync::record::opaque_record_id;
use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// What a phrase opens: where the space is, how to prove it, how to read it.
#[derive(Clone)]
pub struct Keys {
    /// 32 lowercase hex digits (the path of every request).
    pub space_id: String,
    /// `Bearer <64 hex>`.
    pub bearer: String,
    enc: CryptoKey,
    ids: CryptoKey,
}

fn subtle() -> Result<SubtleCrypto, JsValue> {
    Ok(scope::crypto().ok_or("no crypto")?.subtle())
}

fn bytes(value: &JsValue) -> Vec<u8> {
    Uint8Array::new(value).to_vec()
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<Array>()
        .into()
}

async fn import(
    subtle: &SubtleCrypto,
    raw: &[u8],
    algorithm: &Object,
    usage: &[&str],
) -> Result<CryptoKey, JsValue> {
    let raw = Uint8Array::from(raw);
    let key = JsFuture::from(subtle.import_key_with_object(
        "raw",
        &raw,
        algorithm,
        false,
        &usages(usage),
    )?)
    .await?;
    Ok(key.unchecked_into())
}

/// HKDF-SHA-256 of `ikm` with the protocol's salt and `info`.
async fn hkdf(
    subtle: &SubtleCrypto,
    ikm: &[u8],
    info: &str,
    len: usize,
) -> Result<Vec<u8>, JsValue> {
    let base = import(
        subtle,
        ikm,
        &object(&[("name", &"HKDF".into())]),
        &["deriveBits"],
    )
    .await?;
    let params = object(&[
        ("name", &"HKDF".into()),
        ("hash", &"SHA-256".into()),
        ("salt", &Uint8Array::from(SALT.as_bytes()).into()),
        ("info", &Uint8Array::from(info.as_bytes()).into()),
    ]);
    let bits =
        JsFuture::from(subtle.derive_bits_with_object(&params, &base, (len * 8) as u32)?).await?;
    Ok(bytes(&bits))
}

impl Keys {
    /// Derives every key of the space from the phrase, on this device.
    pub async fn derive(phrase: &Phrase) -> Result<Keys, JsValue> {
        let subtle = subtle()?;
        let master = hkdf(&subtle, &phrase.secret(), INFO_MASTER, MASTER_BYTES).await?;
        let space = hkdf(&subtle, &master, INFO_SPACE_ID, SPACE_ID_BYTES).await?;
        let access = hkdf(&subtle, &master, INFO_ACCESS, ACCESS_BYTES).await?;
        let enc = hkdf(&subtle, &master, INFO_ENCRYPTION, ENCRYPTION_BYTES).await?;
        let ids = hkdf(&subtle, &master, INFO_RECORD_IDS, 32).await?;
        let enc = import(
            &subtle,
            &enc,
            &object(&[("name", &"AES-GCM".into())]),
            &["encrypt", "decrypt"],
        )
        .await?;
        let ids = import(
            &subtle,
            &ids,
            &object(&[("name", &"HMAC".into()), ("hash", &"SHA-256".into())]),
            &["sign"],
        )
        .await?;
        Ok(Keys {
            space_id: keys::hex(&space),
            bearer: keys::bearer(&access),
            enc,
            ids,
        })
    }

    /// The opaque id a record with this logical id is sent under
    /// (`declic_core::sync::record::opaque_record_id`).
    pub async fn record_id(&self, logical: &str) -> Result<String, JsValue> {
        let mac = JsFuture::from(subtle()?.sign_with_str_and_u8_array(
            "HMAC",
            &self.ids,
            logical.as_bytes(),
        )?)
        .await?;
        opaque_record_id(&bytes(&mac)).ok_or_else(|| "short HMAC".into())
    }

    /// AES-256-GCM with a fresh random nonce: the record's `data`
    /// (nonce ‖ ciphertext+tag, base64url).
    pub async fn seal(&self, plaintext: &str) -> Result<String, JsValue> {
        let mut nonce = [0u8; NONCE_BYTES];
        scope::crypto()
            .ok_or("no crypto")?
            .get_random_values_with_u8_array(&mut nonce)?;
        let params = object(&[
            ("name", &"AES-GCM".into()),
            ("iv", &Uint8Array::from(&nonce[..]).into()),
        ]);
        let sealed = JsFuture::from(subtle()?.encrypt_with_object_and_u8_array(
            &params,
            &self.enc,
            plaintext.as_bytes(),
        )?)
        .await?;
        let mut data = nonce.to_vec();
        data.extend(bytes(&sealed));
        Ok(keys::base64url(&data))
    }

    /// The plaintext of a record's `data`; `None` if it is not ours or was
    /// altered (the tag does not match).
    pub async fn open(&self, data: &str) -> Option<String> {
        let data = keys::from_base64url(data)?;
        if data.len() < NONCE_BYTES {
            return None;
        }
        let (nonce, sealed) = data.split_at(NONCE_BYTES);
        let params = object(&[
            ("name", &"AES-GCM".into()),
            ("iv", &Uint8Array::from(nonce).into()),
        ]);
        let promise = subtle()
            .ok()?
            .decrypt_with_object_and_u8_array(&params, &self.enc, sealed)
            .ok()?;
        let plain = JsFuture::from(promise).await.ok()?;
        String::from_utf8(bytes(&plain)).ok()
    }
}
