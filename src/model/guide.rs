//! The structured guide sources of one platform, as read from `guides/<platform>/`.
//!
//! These structs are both the YAML source format (`deny_unknown_fields`: a misspelled key is
//! an error) and the typed model later stages read. Each item keeps its [`Origin`] and every
//! value a later stage may report on is [`Spanned`]: positions travel with the values.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::source::{DocDate, Source, SourceKind};
use super::spans::{items, Spanned};
use super::Origin;

/// `guides/<platform>/platform.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlatformMeta {
    pub id: String,
    pub name: String,
    pub owner: String,
    #[serde(default)]
    pub entry_url: Option<Spanned<String>>,
    #[serde(default)]
    pub contact: Option<Spanned<String>>,
    #[serde(default)]
    pub summary: Spanned<String>,
    #[serde(default)]
    pub weight: i64,
    /// The default source of every flow and tree of the platform.
    pub source: Source,
    #[serde(rename = "$__origin", default)]
    #[schemars(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub title: String,
    #[serde(default)]
    pub url: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Material {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Spanned<String>,
    #[serde(default)]
    pub requirements: Vec<String>,
    #[serde(default)]
    pub formats: Vec<String>,
    #[serde(default)]
    pub max_size: Option<String>,
    #[serde(default)]
    pub template: Option<Template>,
    #[serde(rename = "$__origin", default)]
    #[schemars(skip)]
    pub origin: Origin,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MaterialsFile {
    #[serde(deserialize_with = "items")]
    pub materials: Vec<Material>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub role: String,
    pub system: String,
    #[serde(default)]
    pub body: Spanned<String>,
    #[serde(default)]
    pub materials: Vec<Spanned<String>>,
    #[serde(default)]
    pub wait: Option<String>,
    #[serde(default)]
    pub notify: Option<String>,
    #[serde(default)]
    pub next: Option<Spanned<String>>,
    #[serde(rename = "$__origin", default)]
    #[schemars(skip)]
    pub origin: Origin,
}

/// `guides/<platform>/flows/<name>.yaml`: one onboarding flow.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: Spanned<String>,
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub source: Option<Source>,
    #[serde(deserialize_with = "items")]
    pub steps: Vec<Step>,
    #[serde(rename = "$__origin", default)]
    #[schemars(skip)]
    pub origin: Origin,
}

impl Flow {
    /// Does any step name a material? Such a flow gets a checklist.
    pub fn has_materials(&self) -> bool {
        self.steps.iter().any(|s| !s.materials.is_empty())
    }

    /// The roles of the flow in order of first appearance: the swimlanes.
    pub fn roles(&self) -> Vec<&str> {
        let mut roles: Vec<&str> = Vec::new();
        for s in &self.steps {
            if !roles.contains(&s.role.as_str()) {
                roles.push(&s.role);
            }
        }
        roles
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub id: String,
    pub question: String,
    pub answer: Spanned<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    #[serde(default)]
    pub former_ids: Vec<Spanned<String>>,
    #[serde(rename = "$__origin", default)]
    #[schemars(skip)]
    pub origin: Origin,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FaqFile {
    #[serde(deserialize_with = "items")]
    pub faqs: Vec<Faq>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub category: Spanned<String>,
    #[serde(default)]
    pub group: Option<String>,
    /// Ids of the requirements (`shared:` of this file) that this category has in common with
    /// others: stated once on the page, named in this category's row.
    #[serde(default)]
    pub shared: Vec<Spanned<String>>,
    /// What this category requires beyond its shared requirements (Markdown).
    #[serde(default)]
    pub requires: Spanned<String>,
    #[serde(default)]
    pub notes: Spanned<String>,
    #[serde(rename = "$__origin", default)]
    #[schemars(skip)]
    pub origin: Origin,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// Requirements several categories share, each written once; a rule names them in its
    /// `shared` list.
    #[serde(default, deserialize_with = "items")]
    pub shared: Vec<SharedRequirement>,
    #[serde(deserialize_with = "items")]
    pub rules: Vec<Rule>,
}

/// A requirement several categories share, stated once at the top of the rules page.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SharedRequirement {
    /// Unique within the file; the anchor of the requirement on the rules page.
    pub id: String,
    /// Its heading on the rules page, e.g. 定向准入类目的共同要求.
    pub title: String,
    /// The requirement (Markdown).
    pub text: Spanned<String>,
    #[serde(rename = "$__origin", default)]
    #[schemars(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub term: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub definition: Spanned<String>,
    #[serde(rename = "$__origin", default)]
    #[schemars(skip)]
    pub origin: Origin,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    #[serde(deserialize_with = "items")]
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub label: String,
    pub next: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub help: Spanned<String>,
    pub answers: Spanned<Vec<Answer>>,
    #[serde(rename = "$__origin", default)]
    #[schemars(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub materials: Vec<Spanned<String>>,
    #[serde(default)]
    pub submit: Option<Spanned<String>>,
    #[serde(default)]
    pub steps: Vec<Spanned<String>>,
    #[serde(default)]
    pub body: Spanned<String>,
    #[serde(rename = "$__origin", default)]
    #[schemars(skip)]
    pub origin: Origin,
}

/// `guides/<platform>/trees/<name>.yaml`: a decision tree.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tree {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: Spanned<String>,
    pub start: Spanned<String>,
    #[serde(default)]
    pub source: Option<Source>,
    #[serde(deserialize_with = "items")]
    pub questions: Vec<Question>,
    #[serde(deserialize_with = "items")]
    pub outcomes: Vec<Outcome>,
    #[serde(rename = "$__origin", default)]
    #[schemars(skip)]
    pub origin: Origin,
}

/// An item of a hand-written checklist that is not a material.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckItem {
    pub id: Spanned<String>,
    pub text: String,
    #[serde(default)]
    pub note: Spanned<String>,
}

/// `guides/<platform>/checklists.yaml`: checklists written by hand, from material ids and
/// extra items. (Every flow and decision-tree outcome with materials gets one generated.)
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: Spanned<String>,
    #[serde(default)]
    pub materials: Vec<Spanned<String>>,
    #[serde(default, deserialize_with = "items")]
    pub items: Vec<CheckItem>,
    #[serde(rename = "$__origin", default)]
    #[schemars(skip)]
    pub origin: Origin,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistsFile {
    #[serde(deserialize_with = "items")]
    pub checklists: Vec<Checklist>,
}

/// Everything of one platform folder.
#[derive(Debug, Clone)]
pub struct Platform {
    pub meta: PlatformMeta,
    /// The folder name under `guides/`.
    pub dir: String,
    pub materials: Vec<Material>,
    pub flows: Vec<Flow>,
    pub faqs: Vec<Faq>,
    pub rules: Vec<Rule>,
    /// The requirements the rules share (`shared:` of rules.yaml).
    pub shared: Vec<SharedRequirement>,
    pub terms: Vec<Term>,
    pub trees: Vec<Tree>,
    pub checklists: Vec<Checklist>,
}

impl Platform {
    pub fn id(&self) -> &str {
        &self.meta.id
    }

    /// The source a flow's facts come from: its own, or the platform's.
    pub fn source_of<'a>(&'a self, own: &'a Option<Source>) -> &'a Source {
        own.as_ref().unwrap_or(&self.meta.source)
    }

    pub fn material(&self, id: &str) -> Option<&Material> {
        self.materials.iter().find(|m| m.id == id)
    }
}

/// One way through a decision tree: the answers given (question id, answer index) and the
/// outcome reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreePath {
    pub answers: Vec<(String, usize)>,
    pub outcome: String,
}

impl Tree {
    /// Every path from `start` to an outcome, in answer order. Call on a checked tree (no
    /// cycles); a revisited question on the current path is skipped, so this always ends.
    pub fn paths(&self) -> Vec<TreePath> {
        let mut out = Vec::new();
        let mut answers = Vec::new();
        self.walk(&self.start, &mut answers, &mut out);
        out
    }

    fn walk(&self, id: &str, answers: &mut Vec<(String, usize)>, out: &mut Vec<TreePath>) {
        let Some(q) = self.questions.iter().find(|q| q.id == id) else {
            out.push(TreePath {
                answers: answers.clone(),
                outcome: id.to_string(),
            });
            return;
        };
        if answers.iter().any(|(seen, _)| seen == id) {
            return;
        }
        for (i, a) in q.answers.iter().enumerate() {
            answers.push((q.id.clone(), i));
            self.walk(&a.next, answers, out);
            answers.pop();
        }
    }
}
