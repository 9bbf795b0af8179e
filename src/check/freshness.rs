//! Freshness of the sources: a guide is only as current as the document it is written from.
//!
//! For every source written in the sources (platform, flow, tree, page or section — not the
//! ones inherited), warn when both its document date and its last verification (if a person
//! set one) are older than `stale_after_days`, at the field to update. A date after today is
//! an error: nobody can have verified, or published, on a day still to come.

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Model, Source};
use crate::msg;

pub fn check(model: &Model, today: NaiveDate, diags: &mut Diagnostics) {
    let mut sources: Vec<&Source> = Vec::new();
    for p in &model.platforms {
        sources.push(&p.meta.source);
        sources.extend(p.flows.iter().filter_map(|f| f.source.as_ref()));
        sources.extend(p.trees.iter().filter_map(|t| t.source.as_ref()));
    }
    for page in model
        .pages
        .iter()
        .chain(model.sections.iter().map(|s| &s.page))
    {
        sources.extend(page.front.source.as_ref());
    }
    let max = i64::from(model.config.stale_after_days);
    for s in sources {
        source(model, s, today, max, diags);
    }
}

fn source(model: &Model, s: &Source, today: NaiveDate, max: i64, diags: &mut Diagnostics) {
    let dated = s.date.map(|d| (d.last_day(), d.at));
    let verified = s.verified.map(|d| (d.0, d.at));
    for (field, day) in [("date", dated), ("verified", verified)] {
        if let Some((_, at)) = day.filter(|(d, _)| *d > today) {
            diags.push(
                Diagnostic::error(
                    model.span(at),
                    msg!(
                        DATE_IN_FUTURE,
                        field = field,
                        title = &s.title,
                        today = today.to_string()
                    ),
                )
                .hint(match field {
                    "date" => msg!(DATE_IN_FUTURE_DATE_HINT),
                    _ => msg!(DATE_IN_FUTURE_VERIFIED_HINT),
                }),
            );
            return;
        }
    }
    let newest = match (dated, verified) {
        (d, Some(v)) if d.is_none_or(|d| v.0 >= d.0) => Some(("verified", v)),
        (Some(d), _) => Some(("date", d)),
        _ => None,
    };
    let Some((field, (day, at))) = newest else {
        return;
    };
    let age = (today - day).num_days();
    if age <= max {
        return;
    }
    let (message, hint) = if field == "verified" {
        (
            msg!(
                STALE_VERIFIED,
                title = &s.title,
                age = age,
                day = day.format("%Y-%m-%d").to_string()
            ),
            msg!(STALE_VERIFIED_HINT, max = max),
        )
    } else {
        let date = s.date.map(|d| d.to_string()).unwrap_or_default();
        (
            msg!(STALE_DATED, title = &s.title, date = date, max = max),
            msg!(STALE_DATED_HINT),
        )
    };
    diags.push(Diagnostic::warning(model.span(at), message).hint(hint));
}
