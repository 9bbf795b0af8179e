//! The message catalogue: every user-facing text in Simplified Chinese (the default) and in
//! English, as Project Fluent files compiled into the binary.
//!
//! Stages never produce finished sentences: a [`Diagnostic`] carries a [`Message`] (an id from
//! [`ids`] with arguments). The command picks a [`Lang`] once, creates one [`Catalog`] and
//! passes it down to whatever prints; nothing here is global.

pub mod ids;
mod lang;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::diag::{Arg, Diagnostic, Message, Repr, Severity};

pub use lang::Lang;

/// The Chinese catalogue.
pub const ZH: &str = include_str!("zh-CN.ftl");
/// The English catalogue.
pub const EN: &str = include_str!("en.ftl");

/// Every text of one language. Cheap to share (`Send + Sync`); create it once per command.
pub struct Catalog {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").field("lang", &self.lang).finish()
    }
}

impl Catalog {
    pub fn new(lang: Lang) -> Self {
        let (tag, source) = match lang {
            Lang::Zh => ("zh-CN", ZH),
            Lang::En => ("en", EN),
        };
        let id = tag.parse().expect("a valid language tag");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around arguments: they show as boxes in some terminals.
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(
            |(r, _)| r, /* the catalogue test fails on any parse error */
        );
        bundle
            .add_resource(resource)
            .unwrap_or_else(|_| unreachable!("each id is defined once (tested)"));
        Catalog { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of `id` with `args`.
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            let v = match value {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Msg(m) => FluentValue::from(self.message(m)),
            };
            fargs.set(*name, v);
        }
        let mut errors = Vec::new();
        let out = self
            .bundle
            .format_pattern(pattern, Some(&fargs), &mut errors);
        debug_assert!(errors.is_empty(), "{id}: {errors:?}");
        out.into_owned()
    }

    /// A message in this language; a literal as it is.
    pub fn message(&self, m: &Message) -> String {
        match m.repr() {
            Repr::Text(s) => s.clone(),
            Repr::Id { id, args } => self.text(id, args),
        }
    }

    /// `错误` / `error`, `警告` / `warning`.
    pub fn level(&self, s: Severity) -> String {
        self.text(
            match s {
                Severity::Error => ids::LEVEL_ERROR,
                Severity::Warning => ids::LEVEL_WARNING,
            },
            &[],
        )
    }

    /// `提示` / `hint`: the label before a hint.
    pub fn hint_label(&self) -> String {
        self.text(ids::LABEL_HINT, &[])
    }

    /// `参见` / `note`: the label before a related place.
    pub fn note_label(&self) -> String {
        self.text(ids::LABEL_NOTE, &[])
    }

    /// A problem with no place in the sources (a folder, a port):
    /// `level: message`, then `  hint: …` when there is one.
    pub fn problem(&self, s: Severity, m: &Message, hint: Option<&Message>) -> String {
        let mut out = format!("{}: {}", self.level(s), self.message(m));
        if let Some(h) = hint {
            out.push_str(&format!("\n  {}: {}", self.hint_label(), self.message(h)));
        }
        out
    }

    /// The whole diagnostic as the terminal shows it:
    /// `level: file:line:col: message`, then `  note: …` and `  hint: …` lines.
    pub fn render(&self, d: &Diagnostic) -> String {
        let mut out = format!(
            "{}: {}: {}",
            self.level(d.severity),
            d.span,
            self.message(&d.message)
        );
        let note = self.note_label();
        for (span, m) in &d.related {
            out.push_str(&format!("\n  {note}: {span}: {}", self.message(m)));
        }
        if let Some(h) = &d.hint {
            out.push_str(&format!("\n  {}: {}", self.hint_label(), self.message(h)));
        }
        out
    }
}

#[cfg(test)]
mod tests;
