//! Built-in rules, one file per rule, grouped by category.

use crate::rule::Rule;
use std::sync::Arc;

pub mod encoding {
    mod charsets;
    pub mod entity_leak;
    mod html5_entities;
}

pub mod typography {
    pub mod unbalanced_quotation;
}

/// The one list of built-in rules. Adding a rule: one line here.
pub fn builtin() -> Vec<Arc<dyn Rule>> {
    vec![
        // encoding
        Arc::new(encoding::entity_leak::EntityLeak),
        // typography
        Arc::new(typography::unbalanced_quotation::UnbalancedQuotation),
    ]
}
