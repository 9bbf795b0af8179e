//! How serde walks the nodes of `de.rs`: a sequence, a mapping (which hands an item its own
//! position, and reports the misspelt keys left after a mistake), and the reserved maps that
//! give a position to an item's `origin` or a `Spanned` value.

use serde::de::value::{StrDeserializer, U64Deserializer};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use super::de::{De, Error, Path, Reader};
use super::tree::{Node, Value};
use crate::model::spans::{COL, FILE, LINE, ORIGIN_FIELD, VALUE};

pub(super) struct Seq<'a, 'p> {
    pub(super) items: std::slice::Iter<'a, Node>,
    pub(super) at: usize,
    pub(super) path: &'p Path<'p>,
    pub(super) reader: &'p Reader,
}

impl<'a, 'p> SeqAccess<'a> for Seq<'a, 'p> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(node) = self.items.next() else {
            return Ok(None);
        };
        self.at += 1;
        let path = Path::Seq(self.path, self.at - 1);
        seed.deserialize(De {
            node,
            path,
            reader: self.reader,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

pub(super) struct Map<'a, 'p> {
    pub(super) entries: std::slice::Iter<'a, (Node, Node)>,
    pub(super) value: Option<&'a (Node, Node)>,
    pub(super) path: &'p Path<'p>,
    pub(super) reader: &'p Reader,
    /// A struct that takes its own position: the mapping node, until handed out.
    pub(super) origin: Option<&'a Node>,
    pub(super) fields: &'static [&'static str],
}

impl<'a, 'p> Map<'a, 'p> {
    pub(super) fn new(entries: &'a [(Node, Node)], path: &'p Path<'p>, reader: &'p Reader) -> Self {
        Map {
            entries: entries.iter(),
            value: None,
            path,
            reader,
            origin: None,
            fields: &[],
        }
    }
}

impl<'a, 'p> MapAccess<'a> for Map<'a, 'p> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.origin.is_some() && self.value.is_none() {
            let key: StrDeserializer<'_, Error> = ORIGIN_FIELD.into_deserializer();
            return seed.deserialize(key).map(Some);
        }
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(entry);
        let key = De {
            node: &entry.0,
            path: *self.path,
            reader: self.reader,
        };
        // The reserved names are not for sources to write.
        if key.text().is_some_and(|t| t.starts_with("$__")) {
            let e = key.record(Err(self.unknown(key.text().unwrap_or_default())));
            self.unknown_rest();
            return e;
        }
        let key = seed.deserialize(key).map(Some);
        if key.is_err() {
            self.unknown_rest();
        }
        key
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Error> {
        if let Some(node) = self.origin.take() {
            let de = De {
                node,
                path: *self.path,
                reader: self.reader,
            };
            return de.record(seed.deserialize(OriginDe(de)));
        }
        let (key, node) = self.value.take().expect("a value follows its key");
        let key = match &key.value {
            Value::Scalar { text, .. } => text.as_str(),
            _ => "",
        };
        let path = Path::Map(self.path, key);
        let value = seed.deserialize(De {
            node,
            path,
            reader: self.reader,
        });
        if value.is_err() {
            self.unknown_rest();
        }
        value
    }
}

impl Map<'_, '_> {
    /// serde's error for a key a struct does not have.
    fn unknown(&self, key: &str) -> Error {
        let known: Vec<&str> = self
            .fields
            .iter()
            .copied()
            .filter(|f| !f.starts_with("$__"))
            .collect();
        de::Error::custom(format_args!(
            "unknown field `{key}`, expected {}",
            one_of(&known)
        ))
    }

    /// A struct's reading stops at its first mistake: the unknown keys after it are reported
    /// too, so a misspelt key is not left for the next run.
    fn unknown_rest(&mut self) {
        if self.fields.is_empty() {
            return;
        }
        let rest = std::mem::take(&mut self.entries);
        for (key, _) in rest {
            let Value::Scalar { text, .. } = &key.value else {
                continue;
            };
            if text.starts_with("$__") || !self.fields.contains(&text.as_str()) {
                let de = De {
                    node: key,
                    path: *self.path,
                    reader: self.reader,
                };
                let _ = de.record::<()>(Err(self.unknown(text)));
            }
        }
    }
}

/// serde's list of expected names: "`a`, `b` or `c`".
fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".into(),
        [one] => format!("`{one}`"),
        [first @ .., last] => {
            let first: Vec<String> = first.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}, `{last}`", first.join(", "))
        }
    }
}

/// The value of the reserved origin field: only a position can be read from it.
pub(super) struct OriginDe<'a, 'p>(pub(super) De<'a, 'p>);

impl<'de, 'p> de::Deserializer<'de> for OriginDe<'de, 'p> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(self.0.position())
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

/// A [`Spanned`](crate::model::spans::Spanned) value: its position, then the value itself.
pub(super) struct SpannedMap<'a, 'p> {
    pub(super) next: usize,
    pub(super) de: De<'a, 'p>,
}

impl<'a, 'p> MapAccess<'a> for SpannedMap<'a, 'p> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(&key) = [FILE, LINE, COL, VALUE].get(self.next) else {
            return Ok(None);
        };
        let key: StrDeserializer<'_, Error> = key.into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.next += 1;
        let number = |n: u64| -> U64Deserializer<Error> { n.into_deserializer() };
        match self.next {
            1 => seed.deserialize(number(self.de.reader.file as u64)),
            2 => seed.deserialize(number(u64::from(self.de.node.line))),
            3 => seed.deserialize(number(u64::from(self.de.node.col))),
            _ => seed.deserialize(self.de),
        }
    }
}
