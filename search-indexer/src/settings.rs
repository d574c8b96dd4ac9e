//! How the indexer configures each language's index in Meilisearch: searchable attributes
//! in ranking order, filterable and sortable attributes, typo tolerance, pagination and
//! faceting limits, the language, stop words and synonyms.
//!
//! The indexer's own business: the gateway reads the field names and limits from the
//! search contract (`rial_search_contract`) and never configures an index.

use std::collections::HashMap;

use meilisearch_sdk::settings::{
    FacetingSettings, LocalizedAttributes, PaginationSetting, Settings, TypoToleranceSettings,
};
use rial_schema::enums::Language;

use crate::contract::{field, FACETS, MAX_TOTAL_HITS};

/// The settings of a language's index.
pub fn settings(language: Language) -> Settings {
    let (stop_words, synonyms, locale) = match language {
        Language::En => (EN_STOP_WORDS, EN_SYNONYMS, "eng"),
        Language::Es => (ES_STOP_WORDS, ES_SYNONYMS, "spa"),
    };
    let mut synonym_map: HashMap<String, Vec<String>> = HashMap::new();
    for group in synonyms {
        for word in *group {
            let others = group
                .iter()
                .filter(|other| *other != word)
                .map(|other| (*other).to_owned());
            synonym_map
                .entry((*word).to_owned())
                .or_default()
                .extend(others);
        }
    }
    Settings::new()
        // Ranking order: a match in the title beats one in the summary, then the text.
        .with_searchable_attributes([
            field::TITLE,
            field::SUMMARY,
            field::INSTITUTION,
            field::TEXT,
        ])
        .with_filterable_attributes(FACETS)
        .with_sortable_attributes([field::YEAR, field::TITLE])
        .with_stop_words(stop_words.iter().copied())
        .with_synonyms(synonym_map)
        .with_typo_tolerance(TypoToleranceSettings {
            enabled: Some(true),
            // Codes and slugs are exact by nature.
            disable_on_attributes: Some(vec![field::COUNTRIES.into(), field::THEMES.into()]),
            disable_on_words: None,
            min_word_size_for_typos: None,
            disable_on_numbers: Some(true),
        })
        .with_pagination(PaginationSetting {
            max_total_hits: MAX_TOTAL_HITS,
        })
        .with_faceting(FacetingSettings {
            max_values_per_facet: 200,
            sort_facet_values_by: None,
        })
        // The language is known: no detection, which misreads short Spanish titles.
        .with_localized_attributes([LocalizedAttributes {
            locales: vec![locale.into()],
            attribute_patterns: vec!["*".into()],
        }])
}

/// Words too common to rank on. Short lists on purpose: a long list hides words people do
/// search for. No stop word may occur in a synonym: Meilisearch drops stop words from the
/// documents, so a synonym phrase containing one ("violencia de género") never matches
/// (seen on 1.21; a unit test below keeps the lists apart).
const EN_STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "on",
    "or", "that", "the", "their", "this", "to", "was", "were", "with",
];
const ES_STOP_WORDS: &[&str] = &[
    "a", "al", "con", "el", "es", "la", "las", "lo", "para", "por", "que", "se", "su", "sus", "un",
    "una", "y", "o",
];

/// Groups of interchangeable terms, as the network writes them.
const EN_SYNONYMS: &[&[&str]] = &[
    &["gbv", "gender-based violence", "gender based violence"],
    &["domestic work", "household work", "domestic workers"],
    &["care work", "care economy", "unpaid care"],
    &["telework", "teleworking", "remote work"],
    &["ilo", "international labour organization"],
    &["oas", "organization of american states"],
    &["c190", "convention 190"],
    &["c189", "convention 189"],
];
const ES_SYNONYMS: &[&[&str]] = &[
    &["violencia de género", "violencia basada en género", "vbg"],
    &[
        "trabajo doméstico",
        "trabajo del hogar",
        "trabajadoras del hogar",
    ],
    &["cuidados", "trabajo de cuidados", "economía del cuidado"],
    &["teletrabajo", "trabajo remoto"],
    &["oit", "organización internacional del trabajo"],
    &["oea", "organización de los estados americanos"],
    &["c190", "convenio 190"],
    &["c189", "convenio 189"],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_are_symmetric() {
        let settings = settings(Language::Es);
        let synonyms = settings.synonyms.expect("synonyms are set");
        assert!(synonyms["vbg"].contains(&"violencia de género".to_owned()));
        assert!(synonyms["violencia de género"].contains(&"vbg".to_owned()));
    }

    #[test]
    fn no_synonym_contains_a_stop_word() {
        for (stop_words, synonyms) in [(EN_STOP_WORDS, EN_SYNONYMS), (ES_STOP_WORDS, ES_SYNONYMS)] {
            for phrase in synonyms.iter().flat_map(|group| group.iter()) {
                for word in phrase.split([' ', '-']) {
                    assert!(
                        !stop_words.contains(&word),
                        "stop word `{word}` in synonym `{phrase}`"
                    );
                }
            }
        }
    }
}
