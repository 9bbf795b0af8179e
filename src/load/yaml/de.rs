//! The typed pass: a located tree (`tree.rs`) read into the `deny_unknown_fields` source
//! structs through serde, keeping every mistake with its place.
//!
//! Each error is recorded once, at the node where it arises: an unknown key at the key, a
//! wrong kind of value at the value, a missing key at its mapping. Lists of items read with
//! [`crate::model::spans::items`] leave a failed item out and go on, so one run reports the
//! mistakes of every item. Positions are handed to [`Spanned`](crate::model::spans::Spanned)
//! values and items' `origin` fields through the reserved names of `model::spans`.
//!
//! Plain scalars are resolved as serde_yaml does (YAML 1.2 core schema): `~`, `null` and
//! nothing are null, `true`/`false` booleans, decimal, `0x` and `0o` numbers; any scalar can
//! be read as text.

use std::cell::RefCell;
use std::fmt;

use serde::de::value::{MapDeserializer, StrDeserializer};
use serde::de::{self, IntoDeserializer, Unexpected, Visitor};

use super::access::{Map, Seq, SpannedMap};
use super::scalar::{as_bool, as_number, is_null, Number};
use super::tree::{Node, Value};
use crate::model::spans::{COL, FILE, LINE, ORIGIN, ORIGIN_FIELD, SPANNED};
use crate::model::FileId;

/// A mistake found by the typed pass: serde's words, the item path in serde_yaml's form
/// (`faqs[2].related[0]`, empty for the document) and the node's place.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: String,
    pub message: String,
    pub line: u32,
    pub col: u32,
}

/// What a whole read found.
pub struct Reader {
    pub(super) file: FileId,
    found: RefCell<Vec<Found>>,
}

impl Reader {
    pub fn new(file: FileId) -> Self {
        Reader {
            file,
            found: RefCell::default(),
        }
    }

    /// Read `node` as a `T`: the value when nothing was wrong, else every mistake, in order.
    pub fn read<'de, T: de::Deserialize<'de>>(&self, node: &'de Node) -> Result<T, Vec<Found>> {
        let result = T::deserialize(De {
            node,
            path: Path::Root,
            reader: self,
        });
        let found = std::mem::take(&mut *self.found.borrow_mut());
        match result {
            Ok(v) if found.is_empty() => Ok(v),
            // Every error was recorded where it arose, the returned one included.
            _ => Err(found),
        }
    }
}

/// An error travelling up through serde; `recorded` once its place is known and kept.
#[derive(Debug)]
pub struct Error {
    message: String,
    recorded: bool,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error {
            message: msg.to_string(),
            recorded: false,
        }
    }
}

/// Where a node is, in serde_yaml's words: `faqs[2].related`.
#[derive(Clone, Copy)]
pub(super) enum Path<'a> {
    Root,
    Seq(&'a Path<'a>, usize),
    Map(&'a Path<'a>, &'a str),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Seq(parent, i) => write!(f, "{parent}[{i}]"),
            Path::Map(Path::Root, key) => f.write_str(key),
            Path::Map(parent, key) => write!(f, "{parent}.{key}"),
        }
    }
}

/// One node being read: `'a` is the document's, `'p` the path's and reader's.
#[derive(Clone, Copy)]
pub(super) struct De<'a, 'p> {
    pub(super) node: &'a Node,
    pub(super) path: Path<'p>,
    pub(super) reader: &'p Reader,
}

impl<'a, 'p> De<'a, 'p> {
    /// Keep an error that has no place yet: this node is where it arose.
    pub(super) fn record<T>(&self, result: Result<T, Error>) -> Result<T, Error> {
        result.map_err(|mut e| {
            if !e.recorded {
                self.reader.found.borrow_mut().push(Found {
                    path: self.path.to_string(),
                    message: e.message.clone(),
                    line: self.node.line,
                    col: self.node.col,
                });
                e.recorded = true;
            }
            e
        })
    }

    fn unexpected(&self) -> Unexpected<'a> {
        match &self.node.value {
            Value::Scalar { text, plain: true } if is_null(text) => Unexpected::Unit,
            Value::Scalar { text, plain: true } => match (as_bool(text), as_number(text)) {
                (Some(b), _) => Unexpected::Bool(b),
                (_, Some(Number::U(u))) => Unexpected::Unsigned(u),
                (_, Some(Number::I(i))) => Unexpected::Signed(i),
                (_, Some(Number::F(f))) => Unexpected::Float(f),
                _ => Unexpected::Str(text),
            },
            Value::Scalar { text, .. } => Unexpected::Str(text),
            Value::Seq(_) => Unexpected::Seq,
            Value::Map(_) => Unexpected::Map,
        }
    }

    fn wrong<V: Visitor<'a>>(&self, visitor: &V) -> Error {
        de::Error::invalid_type(self.unexpected(), visitor)
    }

    pub(super) fn text(&self) -> Option<&'a str> {
        match &self.node.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    fn null(&self) -> bool {
        matches!(&self.node.value, Value::Scalar { text, plain: true } if is_null(text))
    }

    /// The node's file, line and column, as the map a position is read from.
    pub(super) fn position(
        &self,
    ) -> MapDeserializer<'a, std::vec::IntoIter<(&'static str, u64)>, Error> {
        let fields = vec![
            (FILE, self.reader.file as u64),
            (LINE, u64::from(self.node.line)),
            (COL, u64::from(self.node.col)),
        ];
        MapDeserializer::new(fields.into_iter())
    }
}

macro_rules! any {
    ($($name:ident)*) => {
        $(fn $name<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
            self.deserialize_any(visitor)
        })*
    };
}

impl<'a, 'p> de::Deserializer<'a> for De<'a, 'p> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match &self.node.value {
            Value::Scalar { text, plain: true } => {
                if is_null(text) {
                    visitor.visit_unit()
                } else if let Some(b) = as_bool(text) {
                    visitor.visit_bool(b)
                } else {
                    match as_number(text) {
                        Some(Number::U(u)) => visitor.visit_u64(u),
                        Some(Number::I(i)) => visitor.visit_i64(i),
                        Some(Number::F(f)) => visitor.visit_f64(f),
                        None => visitor.visit_borrowed_str(text),
                    }
                }
            }
            Value::Scalar { text, .. } => visitor.visit_borrowed_str(text),
            Value::Seq(items) => visitor.visit_seq(Seq {
                items: items.iter(),
                at: 0,
                path: &self.path,
                reader: self.reader,
            }),
            Value::Map(entries) => visitor.visit_map(Map::new(entries, &self.path, self.reader)),
        };
        self.record(result)
    }

    any! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_bytes deserialize_byte_buf
    }

    fn deserialize_bool<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match &self.node.value {
            Value::Scalar { text, plain: true } if as_bool(text).is_some() => {
                visitor.visit_bool(as_bool(text).unwrap_or_default())
            }
            _ => Err(self.wrong(&visitor)),
        };
        self.record(result)
    }

    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.text() {
            Some(text) => visitor.visit_borrowed_str(text),
            None => Err(self.wrong(&visitor)),
        };
        self.record(result)
    }

    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.null() {
            let result = visitor.visit_none();
            return self.record(result);
        }
        let path = self.path;
        let (node, reader) = (self.node, self.reader);
        let result = visitor.visit_some(De { node, path, reader });
        self.record(result)
    }

    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = if self.null() {
            visitor.visit_unit()
        } else {
            Err(self.wrong(&visitor))
        };
        self.record(result)
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (node, path, reader) = (self.node, self.path, self.reader);
        let result = visitor.visit_newtype_struct(De { node, path, reader });
        self.record(result)
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match &self.node.value {
            Value::Seq(_) => return self.deserialize_any(visitor),
            _ => Err(self.wrong(&visitor)),
        };
        self.record(result)
    }

    fn deserialize_tuple<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match &self.node.value {
            Value::Map(_) => return self.deserialize_any(visitor),
            _ => Err(self.wrong(&visitor)),
        };
        self.record(result)
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let result = match (&self.node.value, name) {
            (_, ORIGIN) => visitor.visit_map(self.position()),
            (_, SPANNED) => {
                let (node, path, reader) = (self.node, self.path, self.reader);
                visitor.visit_map(SpannedMap {
                    next: 0,
                    de: De { node, path, reader },
                })
            }
            (Value::Map(entries), _) => {
                let mut map = Map::new(entries, &self.path, self.reader);
                if fields.contains(&ORIGIN_FIELD) {
                    // An item is known by its id: that is where its problems are shown.
                    let id = entries.iter().find(
                        |(k, _)| matches!(&k.value, Value::Scalar { text, .. } if text == "id"),
                    );
                    map.origin = Some(id.map_or(self.node, |(_, v)| v));
                }
                map.fields = fields;
                visitor.visit_map(map)
            }
            _ => Err(self.wrong(&visitor)),
        };
        self.record(result)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let result = match self.text() {
            Some(text) => {
                let variant: StrDeserializer<'_, Error> = text.into_deserializer();
                visitor.visit_enum(variant)
            }
            None => Err(self.wrong(&visitor)),
        };
        self.record(result)
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}
