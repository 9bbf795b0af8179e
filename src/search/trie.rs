//! Read every token's postings out of an elasticlunr-rs `InvertedIndex` in one walk of its
//! trie.
//!
//! The index has no iterator; what it offers is `get_docs`, one token at a time, which walks
//! the trie from its root and copies each document reference into a new map, and its serde
//! form (the elasticlunr.js index layout: per trie node `docs` → `{ref: {tf}}`, `df`, and a
//! child per next character). [`postings`] serializes the index into a [`Walk`] that keeps
//! the token spelled by the path so far and collects each node's documents as it passes:
//! every node is visited once and nothing but the postings is built.

use std::fmt;

use elasticlunr::inverted_index::InvertedIndex;
use serde::ser::{self, Impossible, Serialize};

use super::lunr::Posting;

/// Every token of `index` that has documents, with its postings (documents, numbered from
/// `first` plus the reference, ascending; the count back from elasticlunr's tf = √count).
pub fn postings(index: &InvertedIndex, first: u32) -> Vec<(String, Vec<Posting>)> {
    let mut w = Walk {
        first,
        ..Walk::default()
    };
    index
        .serialize(Ser {
            w: &mut w,
            at: At::Root,
        })
        .expect("an elasticlunr index has the elasticlunr.js layout");
    w.out
}

#[derive(Default)]
struct Walk {
    first: u32,
    /// The token spelled by the path from the root to the node being read.
    token: String,
    /// The last map key read.
    key: String,
    /// The last number read.
    num: f64,
    /// The postings of the node being read.
    docs: Vec<Posting>,
    out: Vec<(String, Vec<Posting>)>,
}

/// What the value being serialized is, in the elasticlunr.js layout.
#[derive(Clone, Copy)]
enum At {
    /// The index: `{root: node}`.
    Root,
    /// A trie node: `{docs, df, <char>: node …}`.
    Node,
    /// A node's documents: `{ref: {tf}}`.
    Docs,
    /// One document's `{tf}`.
    Tf,
    /// A map key or a number (`tf`, and `df`, which nothing reads), kept in the walk.
    Scalar,
}

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn unexpected(what: &str) -> Error {
    Error(format!("unexpected {what} in an elasticlunr index"))
}

struct Ser<'a> {
    w: &'a mut Walk,
    at: At,
}

macro_rules! refuse {
    ($($name:ident($($arg:ty),*) -> $ret:ty;)*) => {
        $(fn $name(self, $(_: $arg),*) -> Result<$ret, Error> {
            Err(unexpected(stringify!($name)))
        })*
    };
}

impl<'a> ser::Serializer for Ser<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.w.key.clear();
        self.w.key.push_str(v);
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.w.num = v;
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.w.num = v as f64;
        Ok(())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        match self.at {
            At::Node | At::Docs => Ok(Compound {
                w: self.w,
                at: self.at,
            }),
            _ => Err(unexpected("map")),
        }
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        match self.at {
            At::Root | At::Tf => Ok(Compound {
                w: self.w,
                at: self.at,
            }),
            _ => Err(unexpected("struct")),
        }
    }
    refuse! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_u64(u64) -> ();
        serialize_f32(f32) -> ();
        serialize_char(char) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Error> {
        Err(unexpected("option"))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(unexpected("newtype"))
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(unexpected("variant"))
    }
}

/// A map or struct being read: a node, a node's documents, the index or a document's tf.
struct Compound<'a> {
    w: &'a mut Walk,
    at: At,
}

impl Compound<'_> {
    fn value<T: ?Sized + Serialize>(&mut self, at: At, value: &T) -> Result<(), Error> {
        value.serialize(Ser { w: self.w, at })
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.value(At::Scalar, key)
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        match self.at {
            At::Node => match self.w.key.as_str() {
                "docs" => self.value(At::Docs, value),
                "df" => self.value(At::Scalar, value),
                _ => {
                    // A child: the key is its one character.
                    let len = self.w.token.len();
                    let key = std::mem::take(&mut self.w.key);
                    self.w.token.push_str(&key);
                    self.value(At::Node, value)?;
                    self.w.token.truncate(len);
                    Ok(())
                }
            },
            At::Docs => {
                let doc: u32 = self.w.key.parse().map_err(|_| unexpected("reference"))?;
                self.value(At::Tf, value)?;
                let count = (self.w.num * self.w.num).round() as u32;
                self.w.docs.push((self.w.first + doc, count));
                Ok(())
            }
            _ => Err(unexpected("map")),
        }
    }

    fn end(self) -> Result<(), Error> {
        if let At::Docs = self.at {
            if !self.w.docs.is_empty() {
                let mut docs = std::mem::take(&mut self.w.docs);
                // References sort as text ("10" before "2").
                docs.sort_unstable();
                self.w.out.push((self.w.token.clone(), docs));
            }
        }
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        match self.at {
            At::Root => self.value(At::Node, value),
            _ => self.value(At::Scalar, value),
        }
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk reads what `get_docs` reads, for every token, and only tokens with documents.
    #[test]
    fn every_token_with_its_documents() {
        let mut index = InvertedIndex::new();
        let adds = [
            ("0", "保证金", 1.0),
            ("3", "保证", 2.0),
            ("12", "保证", 1.0),
            ("2", "a", 3.0_f64.sqrt()),
            ("12", "ab", 1.0),
            // Tokens spelled like the layout's own keys are tokens like any other.
            ("4", "docs", 1.0),
            ("5", "df", 2.0),
            ("5", "d", 1.0),
        ];
        for (doc, token, tf) in adds {
            index.add_token(doc, token, tf);
        }
        let mut walked = postings(&index, 100);
        walked.sort();
        assert_eq!(
            walked,
            vec![
                ("a".to_string(), vec![(102, 3)]),
                ("ab".to_string(), vec![(112, 1)]),
                ("d".to_string(), vec![(105, 1)]),
                ("df".to_string(), vec![(105, 4)]),
                ("docs".to_string(), vec![(104, 1)]),
                ("保证".to_string(), vec![(103, 4), (112, 1)]),
                ("保证金".to_string(), vec![(100, 1)]),
            ]
        );
    }
}
