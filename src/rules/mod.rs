//! Built-in rules, one file per rule, grouped by category.

use crate::rule::Rule;
use std::sync::Arc;

pub mod encoding {
    pub mod entity_leak;
}

pub mod translation {
    pub mod context;
    pub mod country_article;
    pub mod dangling_object_pronoun;
    pub mod lexicon;
    pub mod lowercase_proper_noun;
    pub mod lowercase_sentence_start;
    pub mod orphan_fragment;
    pub mod stray_capital;
    pub mod word_stutter;
}

pub mod consistency {
    pub mod name_variant;
}

pub mod pronoun {
    pub mod gender_flip;
    pub mod institution_pronoun;
    pub mod mentions;
}

/// The one list of built-in rules. Adding a rule: one line here.
pub fn builtin() -> Vec<Arc<dyn Rule>> {
    vec![
        // encoding
        Arc::new(encoding::entity_leak::EntityLeak),
        // translation
        Arc::new(translation::word_stutter::WordStutter),
        Arc::new(translation::country_article::CountryArticle),
        Arc::new(translation::dangling_object_pronoun::DanglingObjectPronoun),
        Arc::new(translation::lowercase_proper_noun::LowercaseProperNoun),
        Arc::new(translation::lowercase_sentence_start::LowercaseSentenceStart),
        Arc::new(translation::orphan_fragment::OrphanFragment),
        Arc::new(translation::stray_capital::StrayCapital),
        // consistency
        Arc::new(consistency::name_variant::NameVariant),
        // pronoun
        Arc::new(pronoun::gender_flip::GenderFlip),
        Arc::new(pronoun::institution_pronoun::InstitutionPronoun),
    ]
}
