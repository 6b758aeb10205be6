//! The authoring kit behind `tsunagu feed`: a commented starter document, minisign key pairs,
//! and signing with the trusted comment apps check. Keys and signatures are the stock minisign
//! formats, so a town may use Debian's `minisign` instead (see `docs/feed.md`).

use std::io::Cursor;

use chrono::{DateTime, Days, FixedOffset};
use minisign::{KeyPair, SecretKeyBox};

use super::format;
use super::verify::{TrustedComment, problems_error};
use crate::error::{Error, Result};

/// A new key pair, as the text of minisign's `.pub` and `.key` files.
#[derive(Clone, Debug)]
pub struct Keys {
    /// The `.pub` file: an untrusted comment line and the key line.
    pub public_key: String,
    /// The key line alone: what goes into `town.toml` as `public_key`.
    pub public_key_base64: String,
    /// The `.key` file; encrypted with the password when one was given.
    pub secret_key: String,
}

fn key_error(e: impl std::fmt::Display) -> Error {
    Error::FeedKey(e.to_string())
}

/// Makes a key pair; the secret key is encrypted (scrypt, as minisign does) when `password` is
/// given, and stored in the clear otherwise.
pub fn keygen(password: Option<String>) -> Result<Keys> {
    let KeyPair { pk, sk } = match password {
        Some(p) => KeyPair::generate_encrypted_keypair(Some(p)),
        None => KeyPair::generate_unencrypted_keypair(),
    }
    .map_err(key_error)?;
    let public_key_base64 = pk.to_base64();
    let public_key = pk.to_box().map_err(key_error)?.into_string();
    let secret_key = sk
        .to_box(Some("tsunagu feed secret key"))
        .map_err(key_error)?
        .into_string();
    let public_key = public_key.replacen("minisign public key", "tsunagu feed public key", 1);
    Ok(Keys {
        public_key,
        public_key_base64,
        secret_key,
    })
}

/// Whether a `.key` file's secret key is encrypted with a password.
pub fn is_encrypted(secret_key: &str) -> Result<bool> {
    match SecretKeyBox::from_string(secret_key).and_then(|b| b.into_unencrypted_secret_key()) {
        Ok(_) => Ok(false),
        Err(e) if e.to_string().contains("encrypted") => Ok(true),
        Err(e) => Err(key_error(e)),
    }
}

/// Signs a feed document with a secret key (the text of a minisign `.key` file) and returns the
/// text of its `.minisig`. The document must pass its structural checks; the trusted comment
/// names its town, version and generation time. An encrypted key needs its `password`.
pub fn sign(bytes: &[u8], secret_key: &str, password: Option<String>) -> Result<String> {
    let parsed = format::parse(bytes).map_err(problems_error)?;
    let comment = TrustedComment::of(&parsed.feed).to_string();
    let boxed = SecretKeyBox::from_string(secret_key).map_err(key_error)?;
    let sk = if is_encrypted(secret_key)? {
        let password = password.ok_or_else(|| {
            Error::FeedKey("the secret key is encrypted: a password is needed".into())
        })?;
        boxed.into_secret_key(Some(password))
    } else {
        boxed.into_unencrypted_secret_key()
    }
    .map_err(key_error)?;
    let untrusted = format!(
        "tsunagu feed {} version {}",
        parsed.feed.town, parsed.feed.version
    );
    let signature = minisign::sign(
        None,
        &sk,
        Cursor::new(bytes),
        Some(&comment),
        Some(&untrusted),
    )
    .map_err(key_error)?;
    Ok(signature.into_string())
}

/// A starter feed for a town: one overlay, one event notice and one survey, each in Japanese and English,
/// with `_comment` fields (ignored by apps and feed readers) saying what each part does.
pub fn starter(town: &str, town_name: &str, now: DateTime<FixedOffset>) -> String {
    let q = |s: &str| serde_json::to_string(s).expect("a string serialises");
    let now = now.with_nanosecond_zero();
    let expires = now + Days::new(90);
    let event_day = (now + Days::new(30)).date_naive();
    TEMPLATE
        .replace("{TOWN}", &q(town))
        .replace("{TITLE_JA}", &q(&format!("{town_name}からのお知らせ")))
        .replace("{GENERATED}", &q(&now.to_rfc3339()))
        .replace("{EXPIRES}", &q(&expires.to_rfc3339()))
        .replace(
            "{EVENT_START}",
            &q(&format!("{}T10:00", event_day.format("%Y-%m-%d"))),
        )
        .replace(
            "{EVENT_END}",
            &q(&format!("{}T11:30", event_day.format("%Y-%m-%d"))),
        )
        .replace(
            "{SURVEY_FROM}",
            &q(&(now + Days::new(7))
                .date_naive()
                .format("%Y-%m-%d")
                .to_string()),
        )
        .replace(
            "{SURVEY_UNTIL}",
            &q(&(now + Days::new(37))
                .date_naive()
                .format("%Y-%m-%d")
                .to_string()),
        )
        .replace(
            "{PUBLISH}",
            &q(&now.date_naive().format("%Y-%m-%d").to_string()),
        )
}

trait NanosecondZero {
    fn with_nanosecond_zero(self) -> Self;
}

impl NanosecondZero for DateTime<FixedOffset> {
    fn with_nanosecond_zero(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}

const TEMPLATE: &str = r#"{
  "_comment": "A tsunagu town feed (docs/feed.md): JSON Feed 1.1 with a _tsunagu extension. Fields named _comment are notes for you; apps ignore them. Raise _tsunagu.version every time you publish, then check with `tsunagu feed validate` and sign with `tsunagu feed sign`. Schema 2 has surveys; a feed without any survey may say schema 1, which apps from before surveys also read.",
  "version": "https://jsonfeed.org/version/1.1",
  "title": {TITLE_JA},
  "_tsunagu": {
    "schema": 2,
    "town": {TOWN},
    "version": 1,
    "generated_at": {GENERATED},
    "expires_at": {EXPIRES}
  },
  "items": [
    {
      "_comment": "An overlay: shown in Today on the family's day. at is one of {\"pregnancy\": \"8w0d\"}, {\"days\": 14} (days since birth), {\"months\": 4} (calendar months of age; 18 for 1 year 6 months) or {\"birthday\": 1}. Items in other languages share a key.",
      "id": "checkup-4m-ja",
      "title": "4か月児健診のご案内",
      "content_text": "今日で生後4か月です。**4か月児健診**の案内はがきが届いていたら、日程を確かめておきましょう。\n\n- 持ち物: 母子健康手帳、問診票\n- 問い合わせ: [こども家庭センター](tel:0000-00-0000)",
      "_tsunagu": { "kind": "overlay", "lang": "ja", "key": "checkup-4m", "at": { "months": 4 } }
    },
    {
      "id": "checkup-4m-en",
      "title": "Your 4-month check-up",
      "content_text": "Your baby is 4 months old today. If the invitation card for the **4-month check-up** has arrived, check the date.\n\n- Bring: the maternal and child health handbook, the questionnaire\n- Questions: [Family Support Centre](tel:0000-00-0000)",
      "_tsunagu": { "kind": "overlay", "lang": "en", "key": "checkup-4m", "at": { "months": 4 } }
    },
    {
      "_comment": "An event notice: listed while current (publish to expires, or to the end of the event), and mentioned once in the next day's notification to the families whose stage is in stages. starts and ends are the town's local time, YYYY-MM-DD or YYYY-MM-DDTHH:MM; url must be https.",
      "id": "parents-class-ja",
      "title": "両親学級",
      "content_text": "赤ちゃんを迎える準備を、助産師と一緒に。沐浴の練習もします。\n\n申し込みは電話で受け付けます。",
      "_tsunagu": {
        "kind": "event",
        "lang": "ja",
        "key": "parents-class",
        "starts": {EVENT_START},
        "ends": {EVENT_END},
        "place": "保健センター 2階",
        "url": "https://example.jp/parents-class",
        "stages": [{ "pregnancy": ["16w0d", "35w6d"] }],
        "publish": {PUBLISH}
      }
    },
    {
      "id": "parents-class-en",
      "title": "Class for parents-to-be",
      "content_text": "Get ready for your baby with our midwives, including bath-time practice.\n\nBook by phone.",
      "_tsunagu": {
        "kind": "event",
        "lang": "en",
        "key": "parents-class",
        "starts": {EVENT_START},
        "ends": {EVENT_END},
        "place": "Health Centre, 2nd floor",
        "url": "https://example.jp/parents-class",
        "stages": [{ "pregnancy": ["16w0d", "35w6d"] }],
        "publish": {PUBLISH}
      }
    },
    {
      "_comment": "A survey (広聴, schema 2): shown on Today as a card from from to until (the last day), and mentioned once in a notification, to the families whose stage is in stages (none: every family). url is the town's own form, https only: answers go there in the browser, never through the app, and the app records nothing about them.",
      "id": "family-survey-ja",
      "title": "子育てについてのアンケート",
      "content_text": "町の子育て支援をよりよくするため、ご意見をお聞かせください。5分ほどで答えられます。",
      "_tsunagu": {
        "kind": "survey",
        "lang": "ja",
        "key": "family-survey",
        "url": "https://example.jp/survey",
        "from": {SURVEY_FROM},
        "until": {SURVEY_UNTIL}
      }
    },
    {
      "id": "family-survey-en",
      "title": "Survey on raising children in our town",
      "content_text": "Tell us how we can support families better. It takes about five minutes.",
      "_tsunagu": {
        "kind": "survey",
        "lang": "en",
        "key": "family-survey",
        "url": "https://example.jp/survey",
        "from": {SURVEY_FROM},
        "until": {SURVEY_UNTIL}
      }
    }
  ]
}
"#;
