//! guidepost: a static-site generator for merchant knowledge bases and interactive guides.
//!
//! The pipeline is the module tree, each stage depending only on those before it:
//! [`load`] sources → [`model`] (typed, with source spans) → [`check`] → [`render`] →
//! [`write`] (atomically). [`build`] runs the stages in order; the commands in `cmd` call it.

pub mod build;
pub mod check;
pub mod diag;
pub mod i18n;
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod search;
pub mod serve;
pub mod write;
