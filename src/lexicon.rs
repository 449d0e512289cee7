//! Words a newsroom teaches copylint through its configuration. Rules read them from
//! the document they check, so one rule instance serves every configuration.

use std::collections::HashSet;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Lexicon {
    /// Extra proper nouns, as they should be written ("Zelenskyy", "Dnipro").
    pub proper_nouns: HashSet<String>,
    /// Names that are right as written, never to be reported as a variant spelling.
    pub accepted_names: HashSet<String>,
}

impl Lexicon {
    pub fn is_empty(&self) -> bool {
        self.proper_nouns.is_empty() && self.accepted_names.is_empty()
    }

    /// The proper noun whose lower-case form is `word`, if the configuration names one.
    pub fn proper_noun_for(&self, word: &str) -> Option<&str> {
        self.proper_nouns
            .iter()
            .find(|p| p.to_lowercase() == word.to_lowercase())
            .map(String::as_str)
    }

    pub fn accepts_name(&self, word: &str) -> bool {
        self.accepted_names.contains(word)
    }
}

pub(crate) static EMPTY: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(Lexicon::default);
