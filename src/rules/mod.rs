//! Built-in rules, one file per rule, grouped by category.

use crate::rule::Rule;
use std::sync::Arc;

pub mod encoding {
    mod charsets;
    pub mod entity_leak;
    pub mod invisible_character;
    pub mod literal_escape;
    pub mod mixed_script_word;
    pub mod mojibake;
    pub mod non_nfc_text;
    #[cfg(test)]
    mod selftest;
    pub mod visible_markup;
}

pub mod typography {
    mod context;
    pub mod doubled_punctuation;
    pub mod glued_dateline;
    pub mod glued_initial;
    pub mod glued_name;
    pub mod irregular_whitespace;
    pub mod lost_apostrophe;
    pub mod missing_space;
    pub mod mixed_quote_styles;
    pub mod space_before_punctuation;
    pub mod unbalanced_quotation;
}

pub mod boilerplate {
    pub mod appended_article;
    pub mod chrome_shape;
    pub mod duplicate_content;
    pub mod foreign_script_line;
    pub mod glued_label;
    pub(crate) mod lexicon;
}

pub mod spam {
    pub mod generated_author_bio;
}

pub mod translation {
    pub mod context;
    pub mod coordinated_repeat;
    pub mod country_article;
    pub mod dangling_object_pronoun;
    pub mod lexicon;
    pub mod lowercase_proper_noun;
    pub mod lowercase_sentence_start;
    pub mod objectless_allow;
    pub mod orphan_fragment;
    pub mod parenthetical_echo;
    pub mod stray_capital;
    pub mod word_stutter;
}

pub mod consistency {
    pub mod name_variant;
}

pub mod pronoun {
    pub mod gender;
    pub mod gender_flip;
    pub mod institution_pronoun;
    pub mod mentions;
}

/// The one list of built-in rules. Adding a rule: one line here.
pub fn builtin() -> Vec<Arc<dyn Rule>> {
    vec![
        // encoding
        Arc::new(encoding::entity_leak::EntityLeak),
        Arc::new(encoding::invisible_character::InvisibleCharacter),
        Arc::new(encoding::literal_escape::LiteralEscape),
        Arc::new(encoding::mixed_script_word::MixedScriptWord),
        Arc::new(encoding::mojibake::Mojibake),
        Arc::new(encoding::non_nfc_text::NonNfcText),
        Arc::new(encoding::visible_markup::VisibleMarkup),
        // typography
        Arc::new(typography::doubled_punctuation::DoubledPunctuation),
        Arc::new(typography::glued_dateline::GluedDateline),
        Arc::new(typography::glued_initial::GluedInitial),
        Arc::new(typography::glued_name::GluedName),
        Arc::new(boilerplate::foreign_script_line::ForeignScriptLine),
        Arc::new(typography::irregular_whitespace::IrregularWhitespace),
        Arc::new(typography::lost_apostrophe::LostApostrophe),
        Arc::new(typography::missing_space::MissingSpace),
        Arc::new(typography::mixed_quote_styles::MixedQuoteStyles),
        Arc::new(typography::space_before_punctuation::SpaceBeforePunctuation),
        Arc::new(typography::unbalanced_quotation::UnbalancedQuotation),
        // boilerplate
        Arc::new(boilerplate::appended_article::AppendedArticle),
        Arc::new(boilerplate::chrome_shape::ChromeShape),
        Arc::new(boilerplate::duplicate_content::DuplicateContent),
        Arc::new(boilerplate::glued_label::GluedLabel),
        // spam
        Arc::new(spam::generated_author_bio::GeneratedAuthorBio),
        // translation
        Arc::new(translation::word_stutter::WordStutter),
        Arc::new(translation::coordinated_repeat::CoordinatedRepeat),
        Arc::new(translation::objectless_allow::ObjectlessAllow),
        Arc::new(translation::country_article::CountryArticle),
        Arc::new(translation::dangling_object_pronoun::DanglingObjectPronoun),
        Arc::new(translation::lowercase_proper_noun::LowercaseProperNoun),
        Arc::new(translation::lowercase_sentence_start::LowercaseSentenceStart),
        Arc::new(translation::orphan_fragment::OrphanFragment),
        Arc::new(translation::parenthetical_echo::ParentheticalEcho),
        Arc::new(translation::stray_capital::StrayCapital),
        // consistency
        Arc::new(consistency::name_variant::NameVariant),
        // pronoun
        Arc::new(pronoun::gender_flip::GenderFlip),
        Arc::new(pronoun::institution_pronoun::InstitutionPronoun),
        // engine
        Arc::new(crate::suppress::UnusedSuppression),
    ]
}
