//! Every file the model publishes, in one list: the one place that says which item kinds
//! make which pages.
//!
//! Each [`Output`] is a [`Claim`] (path, owner with its source span, role) and the
//! [`Source`] the renderer makes it from. The sitemap, the navigation and the renderer read
//! this list; a new item kind is added here (and given a render function). URLs come from
//! [`super::index::url`], so links and files cannot disagree.

use crate::diag::{Diagnostic, Message, Span};
use crate::msg;
use crate::output::path;
use crate::output::{Claim, Role};

use super::index::url;
use super::{Date, Model, Origin, Page};

/// What an output is made from. Indices are into the model's vectors: platform, then the
/// item within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Home,
    NotFound,
    SearchPage,
    /// The search index (`search/…`), written by the search stage.
    SearchIndex,
    /// The file that marks a folder as guidepost's output, written by the writer.
    Marker,
    /// `sitemap.xml`: the list of pages, or the index of its parts ([`sitemap_parts`]).
    Sitemap,
    /// `sitemap-N.xml` (N from 1): the Nth part of the pages, when one file cannot list them.
    SitemapPart(usize),
    Robots,
    Glossary,
    Platform(usize),
    Flow(usize, usize),
    FlowChecklist(usize, usize),
    FaqList(usize),
    Faq(usize, usize),
    /// A former id of FAQ `.1`: `.2` indexes its `former_ids`.
    FaqRedirect(usize, usize, usize),
    Rules(usize),
    Materials(usize),
    Tree(usize, usize),
    TreeData(usize, usize),
    Question(usize, usize, usize),
    Outcome(usize, usize, usize),
    OutcomeChecklist(usize, usize, usize),
    Checklist(usize, usize),
    /// `Model::pages[.0]`.
    Page(usize),
    /// `Model::sections[.0]` (the top section's body is the home page's).
    Section(usize),
}

/// Where an output sits in the header navigation: group (platforms, sections, glossary),
/// then weight, then title.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NavSlot {
    pub group: u8,
    pub weight: i64,
    pub title: String,
}

/// The most URLs one sitemap file may list (sitemaps.org; search engines refuse larger files).
pub const SITEMAP_URLS: usize = 50_000;

/// The model's pages one sitemap file is planned for: below [`SITEMAP_URLS`], because the
/// sitemap also lists the HTML files copied from `static/` and `content/`, which are known
/// only when the build is planned; up to 5,000 of them per file fit beside the model's pages.
const SITEMAP_PLANNED: usize = 45_000;

/// How many `sitemap-N.xml` parts a model with `pages` pages gets: none while one
/// `sitemap.xml` holds them.
pub fn sitemap_parts(pages: usize) -> usize {
    if pages <= SITEMAP_PLANNED {
        0
    } else {
        pages.div_ceil(SITEMAP_PLANNED)
    }
}

pub const NAV_PLATFORM: u8 = 0;
pub const NAV_SECTION: u8 = 1;
pub const NAV_GLOSSARY: u8 = 2;

#[derive(Debug, Clone)]
pub struct Output {
    pub claim: Claim,
    pub source: Source,
    pub nav: Option<NavSlot>,
}

/// Every output of the model, in a fixed order (built-in pages, platforms with their items,
/// content), and the located errors of slugs that cannot be a folder name.
pub fn collect(model: &Model) -> (Vec<Output>, Vec<Diagnostic>) {
    let mut c = Collector {
        model,
        out: Vec::new(),
        diags: Vec::new(),
    };
    c.built_in();
    for (pi, _) in model.platforms.iter().enumerate() {
        c.platform(pi);
    }
    for (i, page) in model.pages.iter().enumerate() {
        c.content(page, Source::Page(i), None);
    }
    for (i, s) in model.sections.iter().enumerate() {
        if !s.page.url.is_empty() {
            let nav = (s.page.url.matches('/').count() == 1).then(|| NavSlot {
                group: NAV_SECTION,
                weight: s.page.front.weight,
                title: s.page.front.title.clone(),
            });
            c.content(&s.page, Source::Section(i), nav);
        }
    }
    c.sitemap_parts();
    (c.out, c.diags)
}

struct Collector<'a> {
    model: &'a Model,
    out: Vec<Output>,
    diags: Vec<Diagnostic>,
}

/// A page; its sitemap `lastmod` is a date from the sources (a document's own date or a page's
/// `updated`), never a verification nobody made.
fn page(lastmod: Option<impl ToString>) -> Role {
    Role::Page {
        lastmod: lastmod.map(|d| d.to_string()),
    }
}

impl Collector<'_> {
    fn push(&mut self, source: Source, claim: Claim) {
        self.out.push(Output {
            claim,
            source,
            nav: None,
        });
    }

    /// A page at `url` (ending in `/`), owned by the item at `origin`.
    fn item(&mut self, source: Source, url: String, origin: &Origin, what: Message, role: Role) {
        let owner = self.model.span(*origin);
        self.push(
            source,
            Claim::file(format!("{url}index.html"), owner, what, role),
        );
    }

    fn built_in(&mut self) {
        let owner = Span::file(self.model.file_name(Origin::default().file));
        let mut claim = |source, path: &str, role| {
            let what = msg!(OUT_WHAT_BUILT_IN, path = path);
            self.push(source, Claim::file(path, owner.clone(), what, role));
        };
        claim(Source::Home, "index.html", page(None::<Date>));
        claim(Source::NotFound, "404.html", Role::NotFound);
        claim(Source::SearchPage, "search/index.html", page(None::<Date>));
        claim(Source::SearchIndex, "search/meta.js", Role::File);
        claim(Source::SearchIndex, "search/fold.js", Role::File);
        claim(Source::Sitemap, "sitemap.xml", Role::File);
        claim(Source::Robots, "robots.txt", Role::File);
        claim(Source::Marker, crate::output::MARKER, Role::File);
        for dir in ["search/t", "search/d"] {
            let what = msg!(OUT_WHAT_SEARCH);
            let mut c = Claim::file(dir, owner.clone(), what, Role::File);
            c.folder = true;
            self.push(Source::SearchIndex, c);
        }
        let terms = self.model.platforms.iter().find(|p| !p.terms.is_empty());
        if let Some(p) = terms {
            let t = &p.terms[0];
            let what = msg!(OUT_WHAT_GLOSSARY);
            self.item(
                Source::Glossary,
                url::glossary(),
                &t.origin,
                what,
                page(None::<Date>),
            );
            self.out.last_mut().expect("just pushed").nav = Some(NavSlot {
                group: NAV_GLOSSARY,
                weight: 0,
                title: "术语表".into(),
            });
        }
    }

    fn platform(&mut self, pi: usize) {
        let p = &self.model.platforms[pi];
        let pid = p.id();
        let at = page(p.meta.source.date);
        let o = &p.meta.origin;
        let what = msg!(OUT_WHAT_PLATFORM, id = pid);
        self.item(
            Source::Platform(pi),
            url::platform(pid),
            o,
            what,
            at.clone(),
        );
        self.out.last_mut().expect("just pushed").nav = Some(NavSlot {
            group: NAV_PLATFORM,
            weight: p.meta.weight,
            title: p.meta.name.clone(),
        });
        for (fi, f) in p.flows.iter().enumerate() {
            let u = url::flow(pid, &f.id);
            let v = page(p.source_of(&f.source).date);
            let what = msg!(OUT_WHAT_FLOW, id = &f.id);
            self.item(Source::Flow(pi, fi), u.clone(), &f.origin, what, v.clone());
            if f.has_materials() {
                let what = msg!(OUT_WHAT_FLOW_CHECKLIST, id = &f.id);
                let s = Source::FlowChecklist(pi, fi);
                self.item(s, url::checklist_of(&u), &f.origin, what, v);
            }
        }
        if !p.faqs.is_empty() {
            let what = msg!(OUT_WHAT_FAQ_LIST, id = pid);
            let o = &p.faqs[0].origin;
            self.item(Source::FaqList(pi), url::faq_list(pid), o, what, at.clone());
        }
        for (qi, q) in p.faqs.iter().enumerate() {
            let what = msg!(OUT_WHAT_FAQ, id = &q.id);
            let u = url::faq(pid, &q.id);
            self.item(Source::Faq(pi, qi), u, &q.origin, what, at.clone());
            for (k, old) in q.former_ids.iter().enumerate() {
                let owner = self.model.span(old.at);
                let what = msg!(OUT_WHAT_FORMER_ID, old = old, id = &q.id);
                let path = format!("{}index.html", url::faq(pid, old));
                let claim = Claim::file(path, owner, what, Role::Redirect);
                self.push(Source::FaqRedirect(pi, qi, k), claim);
            }
        }
        if let Some(r) = p.rules.first() {
            let what = msg!(OUT_WHAT_RULES, id = pid);
            self.item(
                Source::Rules(pi),
                url::rules(pid),
                &r.origin,
                what,
                at.clone(),
            );
        }
        if let Some(m) = p.materials.first() {
            let what = msg!(OUT_WHAT_MATERIALS, id = pid);
            let u = url::materials(pid);
            self.item(Source::Materials(pi), u, &m.origin, what, at.clone());
        }
        for (ti, t) in p.trees.iter().enumerate() {
            let v = page(p.source_of(&t.source).date);
            let u = url::tree(pid, &t.id);
            let what = msg!(OUT_WHAT_TREE, id = &t.id);
            self.item(Source::Tree(pi, ti), u.clone(), &t.origin, what, v.clone());
            let owner = self.model.span(t.origin);
            let what = msg!(OUT_WHAT_TREE_DATA, id = &t.id);
            let data = Claim::file(format!("{u}tree-data.js"), owner, what, Role::File);
            self.push(Source::TreeData(pi, ti), data);
            for (qi, q) in t.questions.iter().enumerate() {
                let u = url::tree_node(pid, &t.id, &q.id);
                let what = msg!(OUT_WHAT_QUESTION, id = &q.id);
                self.item(Source::Question(pi, ti, qi), u, &q.origin, what, v.clone());
            }
            for (oi, o) in t.outcomes.iter().enumerate() {
                let u = url::tree_node(pid, &t.id, &o.id);
                let what = msg!(OUT_WHAT_OUTCOME, id = &o.id);
                let s = Source::Outcome(pi, ti, oi);
                self.item(s, u.clone(), &o.origin, what, v.clone());
                if !o.materials.is_empty() {
                    let what = msg!(OUT_WHAT_OUTCOME_CHECKLIST, id = &o.id);
                    let s = Source::OutcomeChecklist(pi, ti, oi);
                    self.item(s, url::checklist_of(&u), &o.origin, what, v.clone());
                }
            }
        }
        for (ci, c) in p.checklists.iter().enumerate() {
            let what = msg!(OUT_WHAT_CHECKLIST, id = &c.id);
            let u = url::checklist(pid, &c.id);
            self.item(Source::Checklist(pi, ci), u, &c.origin, what, at.clone());
        }
    }

    /// `sitemap-N.xml` for a site with more pages than one sitemap may list.
    fn sitemap_parts(&mut self) {
        let pages = self.out.iter();
        let pages = pages.filter(|o| matches!(o.claim.role, Role::Page { .. }));
        let owner = Span::file(self.model.file_name(Origin::default().file));
        for k in 1..=sitemap_parts(pages.count()) {
            let path = format!("sitemap-{k}.xml");
            let what = msg!(OUT_WHAT_BUILT_IN, path = &path);
            let claim = Claim::file(path, owner.clone(), what, Role::File);
            self.push(Source::SitemapPart(k), claim);
        }
    }

    /// A content page or section: owned by its `slug` when it has one, else by its file.
    fn content(&mut self, p: &Page, source: Source, nav: Option<NavSlot>) {
        let file = self.model.file_name(p.origin.file);
        let what = msg!(OUT_WHAT_PAGE, rel = &p.rel);
        let owner = match &p.front.slug {
            Some(slug) => {
                let at = self.model.span(slug.at);
                let why = slug
                    .contains('/')
                    .then(|| msg!(SLUG_HAS_SLASH))
                    .or_else(|| path::segment_problem(slug));
                if let Some(why) = why {
                    self.diags.push(
                        Diagnostic::error(
                            at,
                            msg!(SLUG_NOT_FOLDER, slug = slug, file = file, why = why),
                        )
                        .hint(msg!(SLUG_NOT_FOLDER_HINT)),
                    );
                    return;
                }
                at
            }
            None => Span::file(file),
        };
        let role = page(p.front.updated);
        let claim = Claim::file(format!("{}index.html", p.url), owner, what, role);
        self.out.push(Output { claim, source, nav });
    }
}

/// What an output is made from, beside what every page shows of the whole site (the
/// configuration, the navigation, the titles, URLs and headings that links and lists use,
/// the glossary): the source files whose text it renders, or everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reads {
    /// These files (ids into `Model::files`).
    Files(Vec<super::FileId>),
    /// Anything of the site: the home page, lists of every item, the sitemap, the search index.
    All,
    /// Nothing of the sources (the output marker).
    Nothing,
}

/// The source files `source` is made from. A guide item's page reads every file of its
/// platform: flows name materials, rules and FAQs of their platform, and checklists reuse
/// the materials flows and outcomes name.
pub fn reads(model: &Model, source: Source) -> Reads {
    match source {
        Source::Marker => Reads::Nothing,
        Source::Home
        | Source::NotFound
        | Source::SearchPage
        | Source::SearchIndex
        | Source::Sitemap
        | Source::SitemapPart(_)
        | Source::Robots
        | Source::Glossary => Reads::All,
        Source::Page(i) => Reads::Files(vec![model.pages[i].origin.file]),
        Source::Section(i) => Reads::Files(vec![model.sections[i].page.origin.file]),
        Source::Platform(p)
        | Source::Flow(p, _)
        | Source::FlowChecklist(p, _)
        | Source::FaqList(p)
        | Source::Faq(p, _)
        | Source::FaqRedirect(p, _, _)
        | Source::Rules(p)
        | Source::Materials(p)
        | Source::Tree(p, _)
        | Source::TreeData(p, _)
        | Source::Question(p, _, _)
        | Source::Outcome(p, _, _)
        | Source::OutcomeChecklist(p, _, _)
        | Source::Checklist(p, _) => Reads::Files(platform_files(&model.platforms[p])),
    }
}

/// Does `source` show anything of the configuration (title, description, language, theme)?
/// Every page does; the search index and the output marker do not.
pub fn reads_config(source: Source) -> bool {
    !matches!(source, Source::SearchIndex | Source::Marker)
}

/// Every file a platform's items come from.
fn platform_files(p: &super::Platform) -> Vec<super::FileId> {
    let mut files = vec![p.meta.origin.file];
    files.extend(p.flows.iter().map(|x| x.origin.file));
    files.extend(p.faqs.iter().map(|x| x.origin.file));
    files.extend(p.rules.iter().map(|x| x.origin.file));
    files.extend(p.materials.iter().map(|x| x.origin.file));
    files.extend(p.trees.iter().map(|x| x.origin.file));
    files.extend(p.checklists.iter().map(|x| x.origin.file));
    files.extend(p.terms.iter().map(|x| x.origin.file));
    files.sort_unstable();
    files.dedup();
    files
}
