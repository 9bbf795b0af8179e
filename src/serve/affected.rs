//! From a change to the outputs it affects.
//!
//! Every output reads the shape of the site — the configuration, the theme, the title, URL,
//! front matter and headings of every page (what navigation, lists and links show of it), the
//! guides (ids, terms and titles any page may link to or show) — and its own source files
//! ([`outputs::reads`]). A change to the shape affects every output; a change to some files
//! only affects the outputs that read them (and the home page, the lists, the sitemap and the
//! search index, which read everything).

use std::collections::HashSet;

use crate::model::outputs::{self, Output, Reads, Source};
use crate::model::{Config, Model, Page};

/// Which outputs to render again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Affected {
    /// Every output (the shape changed, or the theme).
    All,
    /// Every output that shows the configuration (a title, description or language edit).
    Config,
    /// These outputs alone (the home page, for the `popular` list).
    Only(Vec<Source>),
    /// The outputs that read these source files (names from the site root, `content/a.md`),
    /// and those that read everything.
    Files(HashSet<String>),
    /// No output made from the sources (only copied files changed).
    Nothing,
}

impl Affected {
    /// Does this change affect `output` of `model`?
    pub fn touches(&self, model: &Model, output: &Output) -> bool {
        match self {
            Affected::All => true,
            Affected::Config => outputs::reads_config(output.source),
            Affected::Only(sources) => sources.contains(&output.source),
            Affected::Nothing => false,
            Affected::Files(names) => match outputs::reads(model, output.source) {
                Reads::All => true,
                Reads::Nothing => false,
                Reads::Files(ids) => ids.iter().any(|&id| names.contains(&**model.file_name(id))),
            },
        }
    }
}

/// What an edit of `site.yaml` alone does.
#[derive(Debug, PartialEq, Eq)]
pub enum ConfigEffect {
    /// Load the whole site again: the fields that change how every file is read
    /// (`trusted_html`, `allow_outside_symlinks`).
    Reload,
    /// Patch the model's configuration; `check`: a field the check reads for errors changed.
    Patch { affected: Affected, check: bool },
}

/// What changing the configuration from `old` to `new` (both as written) does: the title,
/// description, language or theme show on every page (a theme change also reloads the
/// theme); `popular` on the home page; `stale_after_days` only in warnings; `base_url` in no
/// served page (the server uses its own address) but it is checked.
pub fn config(old: &Config, new: &Config) -> ConfigEffect {
    // Every field named, so a new one cannot be forgotten here.
    let Config {
        title,
        description,
        base_url,
        language,
        theme,
        stale_after_days: _,
        popular,
        trusted_html,
        allow_outside_symlinks,
    } = new;
    if *trusted_html != old.trusted_html || *allow_outside_symlinks != old.allow_outside_symlinks {
        return ConfigEffect::Reload;
    }
    let affected = if *title != old.title
        || *description != old.description
        || *language != old.language
        || *theme != old.theme
    {
        Affected::Config
    } else if *popular != old.popular {
        Affected::Only(vec![Source::Home])
    } else {
        Affected::Nothing
    };
    let check = *popular != old.popular || *base_url != old.base_url;
    ConfigEffect::Patch { affected, check }
}

/// Is what other pages show or check of this page the same in `new`? Its front matter (title,
/// weight, dates, slug, source), URL, headings (link anchors), and whether it has code (the
/// highlighting stylesheet every page links to).
pub fn same_shape(old: &Page, new: &Page) -> bool {
    old.front == new.front
        && old.url == new.url
        && old.rel == new.rel
        && old.headings == new.headings
        && old.has_code == new.has_code
}

/// Where the page `rel` (under `content/`) is in `model`: a page, or a section's own page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Page(usize),
    Section(usize),
}

pub fn find(model: &Model, rel: &str) -> Option<Slot> {
    if let Ok(i) = model.pages.binary_search_by(|p| p.rel.as_str().cmp(rel)) {
        return Some(Slot::Page(i));
    }
    model
        .sections
        .iter()
        .position(|s| s.page.rel == rel)
        .map(Slot::Section)
}

pub fn page_at(model: &Model, slot: Slot) -> &Page {
    match slot {
        Slot::Page(i) => &model.pages[i],
        Slot::Section(i) => &model.sections[i].page,
    }
}

pub fn page_at_mut(model: &mut Model, slot: Slot) -> &mut Page {
    match slot {
        Slot::Page(i) => &mut model.pages[i],
        Slot::Section(i) => &mut model.sections[i].page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pos, Spanned};

    #[test]
    fn each_config_field_affects_what_shows_it() {
        let file = std::sync::Arc::from("site.yaml");
        let old: Config =
            crate::load::yaml::parse(&file, 0, "title: 站\nbase_url: https://a.cn/", 0).unwrap();
        let with = |f: &dyn Fn(&mut Config)| {
            let mut c = old.clone();
            f(&mut c);
            config(&old, &c)
        };
        let patch = |affected, check| ConfigEffect::Patch { affected, check };
        assert_eq!(with(&|_| {}), patch(Affected::Nothing, false));
        // What every page shows: each page, on demand.
        let every_page: [&dyn Fn(&mut Config); 4] = [
            &|c| c.title = "新".into(),
            &|c| c.description = "说明".into(),
            &|c| c.language = "en".into(),
            &|c| c.theme = "other".into(),
        ];
        for edit in every_page {
            assert_eq!(with(edit), patch(Affected::Config, false));
        }
        let home = Affected::Only(vec![Source::Home]);
        assert_eq!(
            with(&|c| c.popular = vec![Spanned::new("x".into(), Pos::default())]),
            patch(home, true)
        );
        assert_eq!(
            with(&|c| c.base_url.value = "https://b.cn/".into()),
            patch(Affected::Nothing, true)
        );
        assert_eq!(
            with(&|c| c.stale_after_days = 3),
            patch(Affected::Nothing, false)
        );
        assert_eq!(with(&|c| c.trusted_html = true), ConfigEffect::Reload);
        assert_eq!(
            with(&|c| c.allow_outside_symlinks = true),
            ConfigEffect::Reload
        );
    }
}
