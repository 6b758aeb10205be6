//! Share codes (`docs/ipc.md`, "Share codes"): a child's dates as a short code a second phone can
//! scan as a QR code or type, so a partner or a grandparent reads along without any server.
//! Everything the app shows follows from the dates and the town's build, so the dates are enough.
//!
//! A code is a few bytes of bits written in Crockford's base32 (no I, L, O or U; read
//! case-insensitively, `I`/`L` as 1 and `O` as 0, spaces and hyphens ignored), grouped in fours,
//! with one check character that catches every single changed character and every swap of two
//! neighbours. Its first character is the format version and its last the check, in every version,
//! so a damaged code is told apart from one made by a newer app.
//!
//! ```
//! use chrono::NaiveDate;
//! use tsunagu::share::{Share, ShareId, ShareState};
//!
//! let share = Share {
//!     id: ShareId::new(123_456).unwrap(),
//!     stopped: false,
//!     due_date: NaiveDate::from_ymd_opt(2027, 5, 1),
//!     birth_date: None,
//!     nickname: Some("まる".into()),
//! };
//! assert_eq!(share.state(), ShareState::Expecting);
//! let code = share.to_code("demo").unwrap();
//! assert_eq!(code.replace('-', "").len(), 21);
//! assert_eq!(Share::from_code(&code.to_lowercase(), "demo").unwrap(), share);
//! assert_eq!(Share::from_code(&code, "hidamari").unwrap_err().code(), "share-code-other-town");
//! ```

use chrono::NaiveDate;

use crate::cadence::{LATEST_BIRTH_DAYS, TERM_DAYS, VIABLE_FROM_DAYS, gestational_days};
use crate::error::{Error, Result, check_date, check_length};

/// The format version this build writes and reads.
pub const SHARE_VERSION: u8 = 1;
/// The longest nickname a code carries, in characters: the code stays short enough to read aloud.
/// A longer nickname is refused (`text-too-long`); the family may leave it out instead.
pub const MAX_SHARE_NICKNAME_CHARS: usize = 10;

/// Crockford's base32 alphabet: digits and capitals without I, L, O and U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Day 0 of the dates in a code; 16 bits reach 2179, past any child in the programme.
const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
const TOWN_BITS: u32 = 20;
const ID_BITS: u32 = 30;
const NICKNAME_LEN_BITS: u32 = 5;
/// Nicknames of hiragana and katakana only take one byte a character: the code point's offset
/// in this block (U+3040..U+30FF).
const KANA_BASE: u32 = 0x3040;

/// A child's identity across phones: random, made by the first phone that shares the child and
/// carried unchanged by every code after it (even one re-shared from a second phone), so a second
/// add updates the same child whatever its dates have become since.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ShareId(u32);

impl ShareId {
    /// The largest identity: 30 bits.
    pub const MAX: u32 = (1 << ID_BITS) - 1;

    pub fn new(value: u32) -> Option<ShareId> {
        (value <= ShareId::MAX).then_some(ShareId(value))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

/// Where the child is, as the sharing phone knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShareState {
    Expecting,
    Born,
    /// The family stopped the messages. A code never says why.
    Stopped,
}

/// What a share code holds: nothing else. Expecting or born follows from the birth date, so the
/// state cannot contradict the dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    pub id: ShareId,
    /// The family stopped the messages on the sharing phone.
    pub stopped: bool,
    pub due_date: Option<NaiveDate>,
    pub birth_date: Option<NaiveDate>,
    /// Left out when the family chooses; the receiving phone then keeps its own name for the child.
    pub nickname: Option<String>,
}

/// The tag of a town in a code: 20 bits of the FNV-1a hash of its id. A code from another town's
/// build is refused; two towns share a tag about once in a million pairs.
pub fn town_tag(town: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in town.as_bytes() {
        hash = (hash ^ *b as u32).wrapping_mul(0x0100_0193);
    }
    hash & ((1 << TOWN_BITS) - 1)
}

impl Share {
    pub fn state(&self) -> ShareState {
        match (self.stopped, self.birth_date) {
            (true, _) => ShareState::Stopped,
            (false, Some(_)) => ShareState::Born,
            (false, None) => ShareState::Expecting,
        }
    }

    /// The code for `town`'s build, grouped in fours: `1ABC-DEFG-…`. Refuses what a code cannot
    /// carry: no dates, a state that contradicts them, a date before 2000, a birth outside 22w0d
    /// to 44w0d of the due date, a nickname over [`MAX_SHARE_NICKNAME_CHARS`].
    pub fn to_code(&self, town: &str) -> Result<String> {
        let mut w = Bits::default();
        w.push(SHARE_VERSION as u64, 5);
        w.push(town_tag(town) as u64, TOWN_BITS);
        w.push(self.id.0 as u64, ID_BITS);
        if self.due_date.is_none() && self.birth_date.is_none() {
            return Err(Error::NoDates);
        }
        w.push(self.stopped as u64, 1);
        w.push(self.due_date.is_some() as u64, 1);
        w.push(self.birth_date.is_some() as u64, 1);
        if let Some(due) = self.due_date {
            w.push(day_number(due)?, 16);
        }
        if let Some(birth) = self.birth_date {
            match self.due_date {
                Some(due) => {
                    let ga = gestational_days(due, birth);
                    if ga < VIABLE_FROM_DAYS {
                        return Err(Error::BirthBeforeViable {
                            birth_date: birth,
                            due_date: due,
                        });
                    }
                    if ga > LATEST_BIRTH_DAYS {
                        return Err(Error::BirthAfterDueDate {
                            birth_date: birth,
                            due_date: due,
                        });
                    }
                    w.push((ga - VIABLE_FROM_DAYS) as u64, 8);
                }
                None => w.push(day_number(birth)?, 16),
            }
        }
        let nickname = self.nickname.as_deref().map(str::trim).unwrap_or("");
        check_length("nickname", nickname, MAX_SHARE_NICKNAME_CHARS)?;
        let kana = kana_bytes(nickname);
        let bytes = kana.clone().unwrap_or_else(|| nickname.as_bytes().to_vec());
        if bytes.len() >= 1 << NICKNAME_LEN_BITS {
            // Ten characters of UTF-8 fit unless they are rare ones of four bytes.
            return Err(Error::TextTooLong {
                field: "nickname",
                max: MAX_SHARE_NICKNAME_CHARS,
            });
        }
        w.push(kana.is_some() as u64, 1);
        w.push(bytes.len() as u64, NICKNAME_LEN_BITS);
        for b in bytes {
            w.push(b as u64, 8);
        }
        let mut symbols = w.into_symbols();
        symbols.push(check_symbol(&symbols));
        Ok(group(&symbols))
    }

    /// Reads a code typed, pasted or scanned, for `town`'s build. A code that fails its check or
    /// does not read as a whole is `share-code-damaged`; one of another town,
    /// `share-code-other-town`; one made by a newer app, `share-code-too-new`.
    pub fn from_code(text: &str, town: &str) -> Result<Share> {
        let symbols = symbols_of(text).ok_or(Error::ShareCodeDamaged)?;
        if symbols.len() < 2 || check_total(&symbols) != 0 {
            return Err(Error::ShareCodeDamaged);
        }
        let data = &symbols[..symbols.len() - 1];
        let version = data[0];
        if version == 0 {
            return Err(Error::ShareCodeDamaged);
        }
        if version > SHARE_VERSION {
            return Err(Error::ShareCodeTooNew {
                found: version,
                supported: SHARE_VERSION,
            });
        }
        let mut r = Reader::new(data);
        let damaged = |_| Error::ShareCodeDamaged;
        r.take(5).map_err(damaged)?;
        let tag = r.take(TOWN_BITS).map_err(damaged)? as u32;
        let id = ShareId(r.take(ID_BITS).map_err(damaged)? as u32);
        let stopped = r.take(1).map_err(damaged)? == 1;
        let has_due = r.take(1).map_err(damaged)? == 1;
        let has_birth = r.take(1).map_err(damaged)? == 1;
        let due_date = if has_due {
            Some(from_day_number(r.take(16).map_err(damaged)?)?)
        } else {
            None
        };
        let birth_date = match (has_birth, due_date) {
            (false, _) => None,
            (true, Some(due)) => {
                let ga = r.take(8).map_err(damaged)? as i64 + VIABLE_FROM_DAYS;
                if ga > LATEST_BIRTH_DAYS {
                    return Err(Error::ShareCodeDamaged);
                }
                let birth = due.checked_add_signed(chrono::TimeDelta::days(ga - TERM_DAYS));
                Some(
                    check_date(birth.ok_or(Error::ShareCodeDamaged)?)
                        .map_err(|_| Error::ShareCodeDamaged)?,
                )
            }
            (true, None) => Some(from_day_number(r.take(16).map_err(damaged)?)?),
        };
        if !has_due && !has_birth {
            return Err(Error::ShareCodeDamaged);
        }
        let kana = r.take(1).map_err(damaged)? == 1;
        let len = r.take(NICKNAME_LEN_BITS).map_err(damaged)? as usize;
        let mut bytes = Vec::with_capacity(len);
        for _ in 0..len {
            bytes.push(r.take(8).map_err(damaged)? as u8);
        }
        let nickname = if kana {
            bytes
                .iter()
                .map(|b| char::from_u32(KANA_BASE + *b as u32).filter(|c| is_kana(*c)))
                .collect::<Option<String>>()
        } else {
            String::from_utf8(bytes).ok()
        }
        .ok_or(Error::ShareCodeDamaged)?;
        let nickname_ok = nickname.chars().count() <= MAX_SHARE_NICKNAME_CHARS
            && nickname.trim() == nickname
            && !nickname.chars().any(char::is_control);
        // Whatever is left is padding to a whole character: fewer than five bits, all zero.
        if !nickname_ok || !r.rest_is_padding() {
            return Err(Error::ShareCodeDamaged);
        }
        // The town last: a damaged code is reported as damaged, not as another town's.
        if tag != town_tag(town) {
            return Err(Error::ShareCodeOtherTown);
        }
        Ok(Share {
            id,
            stopped,
            due_date,
            birth_date,
            nickname: (!nickname.is_empty()).then_some(nickname),
        })
    }
}

/// The QR code of a share code, as an SVG image: the code's own text (uppercase, digits and
/// hyphens, which QR's compact alphanumeric mode holds), error correction level M, a quiet zone of
/// four modules, 240 px or more square (a phone screen's comfortable scanning size), dark modules
/// in near-black `#1a1a1a` on white: the UI shows it on a white card in either theme.
pub fn qr_svg(code: &str) -> Result<String> {
    use qrcode::render::svg;
    let qr = qrcode::QrCode::with_error_correction_level(code.as_bytes(), qrcode::EcLevel::M)
        .map_err(|_| Error::ShareCodeDamaged)?;
    Ok(qr
        .render::<svg::Color>()
        .quiet_zone(true)
        .min_dimensions(240, 240)
        .dark_color(svg::Color("#1a1a1a"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

fn day_number(date: NaiveDate) -> Result<u64> {
    let n = (check_date(date)? - EPOCH).num_days();
    if !(0..1 << 16).contains(&n) {
        return Err(Error::InvalidDate(date.format("%Y-%m-%d").to_string()));
    }
    Ok(n as u64)
}

fn from_day_number(n: u64) -> Result<NaiveDate> {
    check_date(EPOCH + chrono::Days::new(n)).map_err(|_| Error::ShareCodeDamaged)
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{3099}'..='\u{30FF}')
}

/// A nickname of kana only, one byte a character; `None` for any other.
fn kana_bytes(nickname: &str) -> Option<Vec<u8>> {
    (!nickname.is_empty() && nickname.chars().all(is_kana)).then(|| {
        nickname
            .chars()
            .map(|c| (c as u32 - KANA_BASE) as u8)
            .collect()
    })
}

/// A bit string, most significant bit first.
#[derive(Default)]
struct Bits {
    bits: Vec<bool>,
}

impl Bits {
    fn push(&mut self, value: u64, width: u32) {
        debug_assert!(width == 64 || value < 1 << width);
        for i in (0..width).rev() {
            self.bits.push(value >> i & 1 == 1);
        }
    }

    /// Five bits a symbol, the last padded with zeros.
    fn into_symbols(self) -> Vec<u8> {
        self.bits
            .chunks(5)
            .map(|c| {
                (0..5).fold(0u8, |acc, i| {
                    acc << 1 | c.get(i).copied().unwrap_or(false) as u8
                })
            })
            .collect()
    }
}

struct Reader<'a> {
    symbols: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(symbols: &'a [u8]) -> Reader<'a> {
        Reader { symbols, pos: 0 }
    }

    fn bit(&self, i: usize) -> bool {
        self.symbols[i / 5] >> (4 - i % 5) & 1 == 1
    }

    /// The next `width` bits, or `Err` when the code ends before them (a truncated code).
    fn take(&mut self, width: u32) -> Result<u64, ()> {
        if self.pos + width as usize > self.symbols.len() * 5 {
            return Err(());
        }
        let mut v = 0;
        for _ in 0..width {
            v = v << 1 | self.bit(self.pos) as u64;
            self.pos += 1;
        }
        Ok(v)
    }

    fn rest_is_padding(&self) -> bool {
        let total = self.symbols.len() * 5;
        total - self.pos < 5 && (self.pos..total).all(|i| !self.bit(i))
    }
}

/// Multiplication in GF(32), modulo x⁵ + x² + 1, whose root 2 (x) generates every non-zero element.
fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut p = 0;
    while b != 0 {
        if b & 1 == 1 {
            p ^= a;
        }
        b >>= 1;
        a <<= 1;
        if a & 0x20 != 0 {
            a ^= 0x25;
        }
    }
    p
}

/// α^i, with α = x: never zero, and α^i ≠ α^(i+1), the two facts the check rests on.
fn weight(i: usize) -> u8 {
    (0..i % 31).fold(1, |w, _| gf_mul(w, 2))
}

/// Σ vᵢ·αⁱ over GF(32). A code is sound when this is zero with the check symbol included. A
/// changed symbol adds (a−b)·αⁱ ≠ 0; swapped neighbours add (a−b)·αⁱ·(1−α) ≠ 0: both are caught.
fn check_total(symbols: &[u8]) -> u8 {
    symbols
        .iter()
        .enumerate()
        .fold(0, |acc, (i, v)| acc ^ gf_mul(*v, weight(i)))
}

/// The symbol that, at the position after `data`, makes the total zero.
fn check_symbol(data: &[u8]) -> u8 {
    let w = weight(data.len());
    let total = check_total(data);
    // c·w = total: c = total·w⁻¹, and w⁻¹ = w³⁰ in a group of order 31.
    let inverse = (0..30).fold(1, |acc, _| gf_mul(acc, w));
    gf_mul(total, inverse)
}

fn group(symbols: &[u8]) -> String {
    let mut out = String::with_capacity(symbols.len() * 5 / 4);
    for (i, s) in symbols.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(ALPHABET[*s as usize] as char);
    }
    out
}

/// The symbols of a code as typed: case-insensitive, I and L read as 1 and O as 0, spaces and
/// hyphens ignored. `None` for any other character.
fn symbols_of(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| {
            let c = match c.to_ascii_uppercase() {
                'I' | 'L' => '1',
                'O' => '0',
                c => c,
            };
            ALPHABET
                .iter()
                .position(|a| *a as char == c)
                .map(|p| p as u8)
        })
        .collect()
}
