//! Provenance: the document a piece of guidance is written from.
//!
//! A source says what kind of document it is (an official guide or a third-party article),
//! the date the document itself carries, at the precision it gives, and — only when a person
//! compared the guide with the platform on that day — the date it was last verified. Nothing
//! here may be filled in by the build: a date is either in the sources or absent.

use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Date;

/// The document a piece of guidance comes from.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub kind: SourceKind,
    /// Who published it, when the kind alone does not say (a third-party site).
    #[serde(default)]
    pub publisher: Option<String>,
    /// The document itself — never a login page or a console.
    #[serde(default)]
    pub url: Option<super::spans::Spanned<String>>,
    /// The date the document carries (its update time, or the month its examples show).
    #[serde(default)]
    pub date: Option<super::spans::Spanned<DocDate>>,
    /// The last day a person compared the guide with the platform. Set by that person only.
    #[serde(default)]
    pub verified: Option<super::spans::Spanned<Date>>,
}

/// What kind of document a source is; shown to readers with every source line.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum SourceKind {
    #[serde(rename = "official", alias = "官方指南")]
    Official,
    #[serde(rename = "third-party", alias = "第三方文章")]
    ThirdParty,
}

impl SourceKind {
    /// The label readers see.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Official => "官方指南",
            SourceKind::ThirdParty => "第三方文章",
        }
    }
}

/// A document's date as precise as the document gives it: `2022`, `2022-02` or `2022-02-21`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

impl DocDate {
    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<DocDate> {
        let s = s.trim();
        let mut parts = s.split('-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let mut next = || match parts.next() {
            None => Some(None),
            Some(p) => two_digits(p).map(Some),
        };
        let month = next()?;
        let day = next()?;
        if next() != Some(None) {
            return None;
        }
        let d = DocDate { year, month, day };
        NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1))?;
        Some(d)
    }

    /// The last day the date may stand for (`2022-02` → 2022-02-28): an age counted from
    /// here is never more than the document's real age.
    pub fn last_day(self) -> NaiveDate {
        let (y, m) = (self.year, self.month.unwrap_or(12));
        if let Some(d) = self.day {
            return NaiveDate::from_ymd_opt(y, m, d).expect("checked when parsed");
        }
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)
        };
        next.and_then(|d| d.pred_opt())
            .expect("a valid year and month")
    }
}

fn two_digits(s: &str) -> Option<u32> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl fmt::Display for DocDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for DocDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DocDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = DocDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<DocDate, E> {
                DocDate::parse(s).ok_or_else(|| {
                    E::custom(format!(
                        "invalid date `{s}`, expected YYYY, YYYY-MM or YYYY-MM-DD"
                    ))
                })
            }
            // `date: 2022` is a number to YAML.
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<DocDate, E> {
                self.visit_str(&n.to_string())
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<DocDate, E> {
                self.visit_str(&n.to_string())
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn dates_keep_the_precision_the_document_gives() {
        for s in ["2022", "2022-02", "2025-06-26"] {
            assert_eq!(DocDate::parse(s).unwrap().to_string(), s);
        }
        for bad in [
            "22",
            "2022-2",
            "2022-13",
            "2022-02-30",
            "2022-02-01-01",
            "2022/02",
            "",
        ] {
            assert_eq!(DocDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_last_day_a_date_stands_for() {
        let last = |s: &str| DocDate::parse(s).unwrap().last_day();
        assert_eq!(last("2022"), day("2022-12-31"));
        assert_eq!(last("2024-02"), day("2024-02-29"));
        assert_eq!(last("2022-12"), day("2022-12-31"));
        assert_eq!(last("2025-06-26"), day("2025-06-26"));
    }

    #[test]
    fn kinds_read_in_english_or_chinese() {
        #[derive(Deserialize)]
        struct K {
            kind: SourceKind,
            date: DocDate,
        }
        let k: K = serde_yaml::from_str("kind: 第三方文章\ndate: 2022").unwrap();
        assert_eq!(k.kind, SourceKind::ThirdParty);
        assert_eq!(k.date.to_string(), "2022");
        let k: K = serde_yaml::from_str("kind: official\ndate: 2022-02").unwrap();
        assert_eq!(k.kind.label(), "官方指南");
        assert_eq!(k.date.to_string(), "2022-02");
    }
}
