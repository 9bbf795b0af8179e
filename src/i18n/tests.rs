//! The catalogue is whole: both files parse, define the same ids with the same arguments,
//! and define exactly the ids the code names.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::{ids, Catalog, Lang, EN, ZH};
use crate::diag::{Diagnostic, Span};

type Vars = BTreeSet<String>;

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut Vars) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expr_vars(expression, out);
        }
    }
}

fn inline_vars(e: &ast::InlineExpression<&str>, out: &mut Vars) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expr_vars(expression, out),
        _ => {}
    }
}

fn expr_vars(e: &ast::Expression<&str>, out: &mut Vars) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

/// Every message of a catalogue with the arguments it uses.
fn messages(name: &str, source: &str) -> BTreeMap<String, Vars> {
    let res = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{name} does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in res.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = Vars::new();
                let value = m
                    .value
                    .as_ref()
                    .unwrap_or_else(|| panic!("{name}: {} has no text", m.id.name));
                pattern_vars(value, &mut vars);
                assert!(
                    out.insert(m.id.name.to_string(), vars).is_none(),
                    "{name}: {} twice",
                    m.id.name
                );
            }
            ast::Entry::Junk { content } => panic!("{name}: cannot read {content:?}"),
            _ => {}
        }
    }
    out
}

#[test]
fn both_catalogues_have_the_same_ids_and_arguments() {
    let zh = messages("zh-CN.ftl", ZH);
    let en = messages("en.ftl", EN);
    let zh_ids: BTreeSet<_> = zh.keys().collect();
    let en_ids: BTreeSet<_> = en.keys().collect();
    assert_eq!(zh_ids, en_ids, "ids differ between zh-CN.ftl and en.ftl");
    for (id, vars) in &zh {
        assert_eq!(
            vars, &en[id],
            "arguments of {id} differ between zh-CN.ftl and en.ftl"
        );
    }
}

#[test]
fn the_code_names_exactly_the_catalogue_ids() {
    let zh: BTreeSet<String> = messages("zh-CN.ftl", ZH).into_keys().collect();
    let code: BTreeSet<String> = ids::ALL.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        code.len(),
        ids::ALL.len(),
        "an id is listed twice in ids.rs"
    );
    let missing: Vec<_> = code.difference(&zh).collect();
    let unused: Vec<_> = zh.difference(&code).collect();
    assert!(
        missing.is_empty(),
        "ids.rs names ids the catalogue lacks: {missing:?}"
    );
    assert!(
        unused.is_empty(),
        "the catalogue has ids ids.rs does not list: {unused:?}"
    );
}

#[test]
fn renders_a_diagnostic_in_each_language() {
    let file = std::sync::Arc::from("guides/demo/faq.yaml");
    let d = Diagnostic::error(
        Span::new(&file, 7, 5),
        crate::msg!(YAML_DUPLICATE_KEY, key = "question"),
    )
    .related(Span::new(&file, 3, 5), crate::msg!(YAML_DUPLICATE_KEY_NOTE))
    .hint(crate::msg!(YAML_DUPLICATE_KEY_HINT));
    assert_eq!(
        Catalog::new(Lang::Zh).render(&d),
        "错误: guides/demo/faq.yaml:7:5: 键 `question` 重复了\n  \
         参见: guides/demo/faq.yaml:3:5: 第一次写在这里\n  \
         提示: 同一个条目里每个键只能出现一次：删掉或合并其中一个"
    );
    assert_eq!(
        d.to_string(),
        "error: guides/demo/faq.yaml:7:5: duplicate key `question`\n  \
         note: guides/demo/faq.yaml:3:5: first given here\n  \
         hint: a key may appear once per item: remove or merge one of them"
    );
}

#[test]
fn a_literal_is_shown_as_it_is_and_arguments_nest() {
    let zh = Catalog::new(Lang::Zh);
    assert_eq!(zh.message(&"english text".into()), "english text");
    let kinds = crate::msg!(
        KINDS_TWO,
        a = crate::msg!(KIND_NAME, kind = "step"),
        b = crate::msg!(KIND_NAME, kind = "flow")
    );
    assert_eq!(
        zh.message(&crate::msg!(UNKNOWN_ID_HINT, kinds = kinds.clone())),
        "没有哪个步骤或流程用这个 id：检查拼写，或者先定义它"
    );
    assert_eq!(
        Catalog::new(Lang::En).message(&crate::msg!(PATH_ITEM, list = "faqs", n = 3usize)),
        "FAQ #3"
    );
    assert_eq!(
        zh.message(&crate::msg!(PATH_ITEM, list = "faqs", n = 3usize)),
        "第 3 条 FAQ"
    );
}
