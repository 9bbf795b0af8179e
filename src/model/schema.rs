//! JSON Schemas of the YAML source files, generated from the very types the loader reads
//! (schemars follows their serde attributes: unknown keys refused, defaults optional), so
//! editors' tools complete and check keys as they type. `schemas/*.json` in the repository
//! are these, written out; a test keeps them equal.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use super::guide::{
    ChecklistsFile, FaqFile, Flow, GlossaryFile, MaterialsFile, PlatformMeta, RulesFile, Tree,
};
use super::source::{DocDate, SourceKind};
use super::{Config, Date};

/// Every source file kind: the schema's file name, where such files live, and the schema.
pub fn all() -> Vec<(&'static str, &'static str, serde_json::Value)> {
    fn one<T: JsonSchema>(
        name: &'static str,
        place: &'static str,
    ) -> (&'static str, &'static str, serde_json::Value) {
        let mut schema = schemars::schema_for!(T);
        schema.insert(
            "$id".into(),
            format!("https://guidepost.example/schemas/{name}").into(),
        );
        (name, place, schema.to_value())
    }
    vec![
        one::<Config>("site.json", "site.yaml"),
        one::<PlatformMeta>("platform.json", "guides/*/platform.yaml"),
        one::<MaterialsFile>("materials.json", "guides/*/materials.yaml"),
        one::<Flow>("flow.json", "guides/*/flows/*.yaml"),
        one::<FaqFile>("faq.json", "guides/*/faq.yaml"),
        one::<RulesFile>("rules.json", "guides/*/rules.yaml"),
        one::<GlossaryFile>("glossary.json", "guides/*/glossary.yaml"),
        one::<Tree>("tree.json", "guides/*/trees/*.yaml"),
        one::<ChecklistsFile>("checklists.json", "guides/*/checklists.yaml"),
    ]
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A day, written YYYY-MM-DD (2025-06-26).",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

impl JsonSchema for DocDate {
    fn schema_name() -> Cow<'static, str> {
        "DocDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The date the document carries, as precise as it gives it: 2025-06-26, 2025-06 or 2025.",
            "anyOf": [
                {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
                {"type": "integer", "minimum": 1000, "maximum": 9999}
            ]
        })
    }
}

impl JsonSchema for SourceKind {
    fn schema_name() -> Cow<'static, str> {
        "SourceKind".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "official (官方指南) or third-party (第三方文章).",
            "enum": ["official", "third-party", "官方指南", "第三方文章"]
        })
    }
}
