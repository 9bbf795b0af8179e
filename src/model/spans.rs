//! Where each value of a source is: positions that travel with the values as types.
//!
//! The loader's YAML reader (`load::yaml`) fills them in while it deserialises: an item's
//! `origin` field and every [`Spanned`] value get the line and column they are written at.
//! Later stages never look a position up by name; they read it from the value they report on.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};

use super::FileId;

/// The struct name and field names through which the YAML reader hands out positions. Any
/// other deserializer refuses them, so a position can never be made up.
pub const SPANNED: &str = "$__guidepost_spanned";
pub const ORIGIN: &str = "$__guidepost_origin";
/// The field of an item struct that receives the item's own position.
pub const ORIGIN_FIELD: &str = "$__origin";
pub const FILE: &str = "$__file";
pub const LINE: &str = "$__line";
pub const COL: &str = "$__col";
pub const VALUE: &str = "$__value";
const POS_FIELDS: &[&str] = &[FILE, LINE, COL];
const SPANNED_FIELDS: &[&str] = &[FILE, LINE, COL, VALUE];

/// A place in a source file: the file's id in `Model::files` and a line and column, both
/// counted from 1 in the whole file. An item's `origin` is where its `id` value is written
/// (where the item starts when it has no id, as front matter).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pos {
    pub file: FileId,
    pub line: u32,
    pub col: u32,
}

/// Where an item (an FAQ, a step, a page's front matter …) is defined.
pub type Origin = Pos;

impl Pos {
    /// The start of a whole file (a page without front matter).
    pub fn file_start(file: FileId) -> Pos {
        Pos {
            file,
            line: 1,
            col: 1,
        }
    }

    /// A place `line:col` inside a value written here (a link in a Markdown field); block
    /// scalars keep their lines and indentation, so lines add up.
    pub fn inside(self, line: u32, col: u32) -> Pos {
        Pos {
            file: self.file,
            line: self.line + line - 1,
            col: self.col + col - 1,
        }
    }
}

/// A value and the place it is written at. Two are equal when their values are: where a
/// value is written does not change what it means.
#[derive(Debug, Clone, Copy, Default)]
pub struct Spanned<T> {
    pub value: T,
    pub at: Pos,
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Spanned<T> {}

impl<T: PartialOrd> PartialOrd for Spanned<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        self.value.partial_cmp(&other.value)
    }
}

impl<T: Ord> Ord for Spanned<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl<T: std::hash::Hash> std::hash::Hash for Spanned<T> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.value.hash(h)
    }
}

impl<T> Spanned<T> {
    pub fn new(value: T, at: Pos) -> Self {
        Spanned { value, at }
    }
}

impl<T> Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl PartialEq<str> for Spanned<String> {
    fn eq(&self, other: &str) -> bool {
        self.value == other
    }
}

impl PartialEq<&str> for Spanned<String> {
    fn eq(&self, other: &&str) -> bool {
        self.value == *other
    }
}

impl PartialEq<Spanned<String>> for String {
    fn eq(&self, other: &Spanned<String>) -> bool {
        *self == other.value
    }
}

impl<'a, T> IntoIterator for &'a Spanned<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.value.iter()
    }
}

impl std::borrow::Borrow<str> for Spanned<String> {
    fn borrow(&self) -> &str {
        &self.value
    }
}

impl AsRef<str> for Spanned<String> {
    fn as_ref(&self) -> &str {
        &self.value
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Spanned<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(g)
    }
    fn inline_schema() -> bool {
        T::inline_schema()
    }
}

/// One of the reserved keys.
enum Key {
    File,
    Line,
    Col,
    Value,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a reserved key")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key, E> {
                Ok(match s {
                    FILE => Key::File,
                    LINE => Key::Line,
                    COL => Key::Col,
                    VALUE => Key::Value,
                    other => return Err(E::unknown_field(other, SPANNED_FIELDS)),
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

/// Reads `$__file`, `$__line`, `$__col` (and `$__value`) from the YAML reader's map.
struct Fields<T> {
    pos: Pos,
    value: Option<T>,
}

fn read_fields<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    mut map: A,
) -> Result<Fields<T>, A::Error> {
    let mut f = Fields {
        pos: Pos::default(),
        value: None,
    };
    while let Some(key) = map.next_key::<Key>()? {
        match key {
            Key::File => f.pos.file = map.next_value()?,
            Key::Line => f.pos.line = map.next_value()?,
            Key::Col => f.pos.col = map.next_value()?,
            Key::Value => f.value = Some(map.next_value()?),
        }
    }
    Ok(f)
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Spanned<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value read by guidepost's YAML reader")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Spanned<T>, A::Error> {
                let f = read_fields::<A, T>(map)?;
                let value = f.value.ok_or_else(|| de::Error::missing_field(VALUE))?;
                Ok(Spanned { value, at: f.pos })
            }
        }
        d.deserialize_struct(SPANNED, SPANNED_FIELDS, V(PhantomData))
    }
}

impl<'de> Deserialize<'de> for Pos {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Pos;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a position given by guidepost's YAML reader")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Pos, A::Error> {
                Ok(read_fields::<A, ()>(map)?.pos)
            }
        }
        d.deserialize_struct(ORIGIN, POS_FIELDS, V)
    }
}

/// `deserialize_with` for a list of items (FAQs, steps, rules …): an item with a mistake is
/// left out and its error stays with the reader, so the items after it are still read and
/// every item's mistakes are reported in one run. The reader fails the file afterwards.
pub fn items<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    struct Item<T>(Option<T>);
    impl<'de, T: Deserialize<'de>> Deserialize<'de> for Item<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            // The YAML reader has already recorded the error with its place.
            Ok(Item(T::deserialize(d).ok()))
        }
    }
    struct V<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(Item(item)) = seq.next_element::<Item<T>>()? {
                out.extend(item);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(V(PhantomData))
}
