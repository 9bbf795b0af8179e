//! Which affected outputs to render before a build is published, when there are too many to
//! render them all first: the pages open in a browser, and one output of each kind and data
//! shape. A template that fails for a kind of page, or only for pages that have (or lack)
//! some part, fails then, and the last good build stays served with the error shown.
//!
//! The shape of a content page or section is which optional parts it has — a description, a
//! date, a source, a slug, front matter, a body, code, headings (none, one, two, more), tags
//! (none, one, more), a section above it; and a section's pages and subsections (none or some).
//! What the probe cannot see: a guide item (FAQ, flow, tree node, checklist …) is probed once
//! per kind, whatever its fields; and a template that fails on a value rather than on a part's
//! presence (one title, a count above three). Such an error shows in the overlay once the page
//! is requested or rendered in the background, over the build already published.

use std::collections::HashSet;
use std::mem::{discriminant, Discriminant};

use super::site::Build;
use crate::model::outputs::Source;
use crate::model::{Model, Page};

/// The open pages, and the stale outputs made from one content page (after an edit of page
/// bodies: only the edited pages can fail).
pub fn edited(build: &Build, open: &[String]) -> Vec<String> {
    let mut paths: Vec<String> = open.to_vec();
    for (path, source) in build.stale_sources() {
        if matches!(source, Source::Page(_) | Source::Section(_)) {
            paths.push(path);
        }
    }
    paths
}

/// The open pages, and the first stale output (by path) of each kind and shape.
pub fn first(build: &Build, open: &[String]) -> Vec<String> {
    let mut paths: Vec<String> = open.to_vec();
    let Some(snap) = build.snapshot() else {
        return paths;
    };
    let model = &snap.sources().model;
    let mut in_section = vec![false; model.pages.len()];
    for s in &model.sections {
        for &i in &s.pages {
            in_section[i] = true;
        }
    }
    let mut seen = HashSet::new();
    for (path, source) in build.stale_sources() {
        if seen.insert(shape(model, &in_section, source)) {
            paths.push(path);
        }
    }
    paths
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct Shape(Discriminant<Source>, u32);

fn shape(model: &Model, in_section: &[bool], source: Source) -> Shape {
    let bits = match source {
        Source::Page(i) => page_bits(&model.pages[i]) | u32::from(in_section[i]) << 12,
        Source::Section(i) => {
            let s = &model.sections[i];
            page_bits(&s.page)
                | u32::from(!s.pages.is_empty()) << 13
                | u32::from(!s.subsections.is_empty()) << 14
                | u32::from(s.page.url.matches('/').count() == 1) << 15
        }
        _ => 0,
    };
    Shape(discriminant(&source), bits)
}

/// The parts a content page has, one bit (or two) each.
fn page_bits(p: &Page) -> u32 {
    let f = &p.front;
    let flags = [
        !f.description.is_empty(),
        f.updated.is_some(),
        f.source.is_some(),
        f.slug.is_some(),
        p.front_matter,
        !p.body.trim().is_empty(),
        p.has_code,
    ];
    let mut bits = 0;
    for (i, on) in flags.into_iter().enumerate() {
        bits |= u32::from(on) << i;
    }
    bits | (p.headings.len().min(3) as u32) << 7 | (f.tags.len().min(2) as u32) << 9
}
