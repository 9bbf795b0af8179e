//! The whole pipeline, for the commands: load → check → render → write.

use std::path::Path;

use crate::check;
use crate::diag::{Diagnostics, Failed};
use crate::load;
use crate::model::index::Index;
use crate::model::Model;

/// Load and check a site. Errors of every stage come back together.
pub fn load_checked(root: &Path) -> Result<(Model, Index, Diagnostics), Failed> {
    let (model, mut diags) = load::load(root)?;
    let today = chrono::Local::now().date_naive();
    let (index, found) = check::check(&model, today);
    diags.extend(found);
    if diags.has_errors() {
        return Err(Failed(diags));
    }
    Ok((model, index, diags))
}
