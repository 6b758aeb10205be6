//! Slots: the 534 places in the programme that each hold one catalogue message, with their keys
//! (`p-12d3`, `b-0045`, `y1-07`, `y2-00`, `y3`).

use std::fmt;
use std::str::FromStr;

use super::{FIRST_PREGNANCY_DAY, LAST_PREGNANCY_DAY};
use crate::error::Error;

/// Slots on the longest path: 266 + 101 + 88 + 52 + 26 + 1.
pub const SLOT_COUNT: usize = 534;

/// One place in the programme. Ordered as a reader meets them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    /// A day of pregnancy, by gestational age in days (28 = 4w0d ..= 293 = 41w6d).
    Pregnancy { ga: u16 },
    /// A day since birth: every day to 100, then every 3rd day, 101 ..= 362.
    Baby { day: u16 },
    /// The 1st birthday plus `week` weeks, 0 ..= 51.
    Year1 { week: u8 },
    /// The 2nd birthday plus `fortnight` fortnights, 0 ..= 25.
    Year2 { fortnight: u8 },
    /// The 3rd birthday: the last message.
    Close,
}

/// The parts of the catalogue that are written, checked and declared complete together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Range {
    Pregnancy,
    Infant,
    Year1,
    Year2,
}

impl Range {
    pub const ALL: [Range; 4] = [Range::Pregnancy, Range::Infant, Range::Year1, Range::Year2];

    /// The name used in `content/catalogue.toml` and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Range::Pregnancy => "pregnancy",
            Range::Infant => "infant",
            Range::Year1 => "year1",
            Range::Year2 => "year2",
        }
    }

    pub fn from_name(name: &str) -> Option<Range> {
        Range::ALL.into_iter().find(|r| r.name() == name)
    }

    /// Every slot of this range, in order.
    pub fn slots(self) -> impl Iterator<Item = Slot> {
        Slot::all().filter(move |s| s.range() == self)
    }
}

impl Slot {
    /// All 534 slots in reading order.
    pub fn all() -> impl Iterator<Item = Slot> {
        let pregnancy = (FIRST_PREGNANCY_DAY as u16..=LAST_PREGNANCY_DAY as u16)
            .map(|ga| Slot::Pregnancy { ga });
        let daily = (0..=100).map(|day| Slot::Baby { day });
        let every_third = (101..=362).step_by(3).map(|day| Slot::Baby { day });
        let year1 = (0..=51).map(|week| Slot::Year1 { week });
        let year2 = (0..=25).map(|fortnight| Slot::Year2 { fortnight });
        pregnancy
            .chain(daily)
            .chain(every_third)
            .chain(year1)
            .chain(year2)
            .chain(std::iter::once(Slot::Close))
    }

    /// The slot that falls `day` days after birth in the first year, if any.
    pub fn baby(day: i64) -> Option<Slot> {
        match day {
            0..=100 => Some(Slot::Baby { day: day as u16 }),
            101..=362 if (day - 101) % 3 == 0 => Some(Slot::Baby { day: day as u16 }),
            _ => None,
        }
    }

    pub fn range(self) -> Range {
        match self {
            Slot::Pregnancy { .. } => Range::Pregnancy,
            Slot::Baby { .. } => Range::Infant,
            Slot::Year1 { .. } => Range::Year1,
            Slot::Year2 { .. } | Slot::Close => Range::Year2,
        }
    }

    /// Position in [`Slot::all`], 0 ..= 533.
    pub fn index(self) -> usize {
        match self {
            Slot::Pregnancy { ga } => (ga as i64 - FIRST_PREGNANCY_DAY) as usize,
            Slot::Baby { day } if day <= 100 => 266 + day as usize,
            Slot::Baby { day } => 367 + (day as usize - 101) / 3,
            Slot::Year1 { week } => 455 + week as usize,
            Slot::Year2 { fortnight } => 507 + fortnight as usize,
            Slot::Close => 533,
        }
    }

    fn is_valid(self) -> bool {
        match self {
            Slot::Pregnancy { ga } => {
                (FIRST_PREGNANCY_DAY..=LAST_PREGNANCY_DAY).contains(&(ga as i64))
            }
            Slot::Baby { day } => Slot::baby(day as i64) == Some(self),
            Slot::Year1 { week } => week <= 51,
            Slot::Year2 { fortnight } => fortnight <= 25,
            Slot::Close => true,
        }
    }
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Slot::Pregnancy { ga } => write!(f, "p-{:02}d{}", ga / 7, ga % 7),
            Slot::Baby { day } => write!(f, "b-{day:04}"),
            Slot::Year1 { week } => write!(f, "y1-{week:02}"),
            Slot::Year2 { fortnight } => write!(f, "y2-{fortnight:02}"),
            Slot::Close => f.write_str("y3"),
        }
    }
}

impl FromStr for Slot {
    type Err = Error;

    /// Parses a slot key exactly as CADENCE.md writes it; anything else is [`Error::UnknownSlot`].
    fn from_str(key: &str) -> Result<Slot, Error> {
        let unknown = || Error::UnknownSlot(key.to_owned());
        let digits = |s: &str, len: usize| -> Option<u16> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let slot = if key == "y3" {
            Slot::Close
        } else if let Some(rest) = key.strip_prefix("p-") {
            let (w, d) = rest.split_once('d').ok_or_else(unknown)?;
            let (w, d) = (
                digits(w, 2).ok_or_else(unknown)?,
                digits(d, 1).ok_or_else(unknown)?,
            );
            if d > 6 {
                return Err(unknown());
            }
            Slot::Pregnancy { ga: w * 7 + d }
        } else if let Some(n) = key.strip_prefix("b-") {
            Slot::Baby {
                day: digits(n, 4).ok_or_else(unknown)?,
            }
        } else if let Some(k) = key.strip_prefix("y1-") {
            Slot::Year1 {
                week: digits(k, 2).ok_or_else(unknown)? as u8,
            }
        } else if let Some(k) = key.strip_prefix("y2-") {
            Slot::Year2 {
                fortnight: digits(k, 2).ok_or_else(unknown)? as u8,
            }
        } else {
            return Err(unknown());
        };
        if slot.is_valid() {
            Ok(slot)
        } else {
            Err(unknown())
        }
    }
}
