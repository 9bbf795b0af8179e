//! What a diagnostic says, kept as a catalogue id with arguments until it is reported.
//!
//! Stages build [`Message`]s, never finished sentences: the command that reports them picks
//! the language (`crate::i18n::Catalog`). A plain string converts into a literal ([`Repr::Text`]), an
//! untranslated literal, so code that still writes `Diagnostic::error(span, "…")` compiles.

use std::fmt;
use std::sync::Arc;

/// A message: a catalogue id with named arguments, or a literal not yet in the catalogue.
/// One pointer wide, so a `Diagnostic` stays small enough to return by value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message(Box<Repr>);

/// What a [`Message`] holds.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Repr {
    /// Shown as it is, in every language.
    Text(String),
    Id {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
}

/// One argument of a catalogue message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    Text(String),
    Num(i64),
    /// Another message, rendered in the same language first (a kind's name, a path).
    Msg(Box<Message>),
}

impl Message {
    pub fn id(id: &'static str) -> Self {
        Message(Box::new(Repr::Id {
            id,
            args: Vec::new(),
        }))
    }

    /// A literal, shown as it is in every language.
    pub fn text(s: impl Into<String>) -> Self {
        Message(Box::new(Repr::Text(s.into())))
    }

    /// Add the argument `$name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        if let Repr::Id { args, .. } = &mut *self.0 {
            args.push((name, value.into()));
        }
        self
    }

    pub fn repr(&self) -> &Repr {
        &self.0
    }

    /// The catalogue id, if this is not a literal.
    pub fn key(&self) -> Option<&'static str> {
        match &*self.0 {
            Repr::Id { id, .. } => Some(id),
            Repr::Text(_) => None,
        }
    }
}

/// `msg!(ID, name = value, …)`: the message `crate::i18n::ids::ID` with its arguments.
#[macro_export]
macro_rules! msg {
    ($id:ident $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::diag::Message::id($crate::i18n::ids::$id)$(.arg(stringify!($k), $v))*
    };
}

impl From<String> for Message {
    fn from(s: String) -> Self {
        Message::text(s)
    }
}

impl From<&str> for Message {
    fn from(s: &str) -> Self {
        Message::text(s)
    }
}

impl From<&String> for Message {
    fn from(s: &String) -> Self {
        Message::text(s.clone())
    }
}

/// English, for code that formats a message without a catalogue (logs, other engineers' tests).
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::Catalog::new(crate::i18n::Lang::En).message(self))
    }
}

impl From<Message> for String {
    fn from(m: Message) -> Self {
        m.to_string()
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<&crate::model::Spanned<String>> for Arg {
    fn from(s: &crate::model::Spanned<String>) -> Self {
        Arg::Text(s.value.clone())
    }
}
impl From<&Arc<str>> for Arg {
    fn from(s: &Arc<str>) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<Arc<str>> for Arg {
    fn from(s: Arc<str>) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Text(c.to_string())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as i64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Num(i64::from(n))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Msg(Box::new(m))
    }
}
impl From<&&str> for Arg {
    fn from(s: &&str) -> Self {
        Arg::Text(s.to_string())
    }
}
