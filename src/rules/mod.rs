//! Built-in rules, one file per rule, grouped by category.

use crate::rule::Rule;
use std::sync::Arc;

pub mod encoding {
    pub mod entity_leak;
}

pub mod boilerplate {
    pub mod appended_article;
    pub mod chrome_shape;
    pub mod duplicate_content;
    pub(crate) mod lexicon;
}

pub mod spam {
    pub mod generated_author_bio;
}

/// The one list of built-in rules. Adding a rule: one line here.
pub fn builtin() -> Vec<Arc<dyn Rule>> {
    vec![
        // encoding
        Arc::new(encoding::entity_leak::EntityLeak),
        // boilerplate
        Arc::new(boilerplate::appended_article::AppendedArticle),
        Arc::new(boilerplate::chrome_shape::ChromeShape),
        Arc::new(boilerplate::duplicate_content::DuplicateContent),
        // spam
        Arc::new(spam::generated_author_bio::GeneratedAuthorBio),
    ]
}
