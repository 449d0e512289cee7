//! Built-in rules, one file per rule, grouped by category.

use crate::rule::Rule;
use std::sync::Arc;

pub mod encoding {
    pub mod entity_leak;
    pub mod visible_markup;
}

/// The one list of built-in rules. Adding a rule: one line here.
pub fn builtin() -> Vec<Arc<dyn Rule>> {
    vec![
        // encoding
        Arc::new(encoding::entity_leak::EntityLeak),
        Arc::new(encoding::visible_markup::VisibleMarkup),
    ]
}
