//! The one folding rule of text matching: what the `text` filter of `programs` compares,
//! stored text and the client's input alike.
//!
//! [`fold`] lower-cases (Unicode, not ASCII only: `Í` → `í`), decomposes (canonically, as NFD) and drops
//! the combining marks (`í` → `i`, `ñ` → `n`, `ç` → `c`), writes `œ`/`æ` as `oe`/`ae`, and
//! turns every run of whitespace (newlines, no-break spaces) into one space. So "indice"
//! matches "Índice", "ÑANDÚ" matches "ñandú" and "trabajo doméstico" matches
//! "Trabajo\nDomestico", on every database: the comparison is done on folded text with a
//! plain `LIKE`, never with a database's own `lower()` (ASCII-only in SQLite).
//!
//! Both sides must go through the same function: the folded copy stored by
//! [`crate::entity::program_text`] and the pattern built by the gateway. Changing the rule
//! needs a migration that refolds the stored copies
//! ([`crate::migration::refold_programs`]).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// `text` lower-cased, without diacritics, with whitespace runs as one space and no
/// leading or trailing space. Never contains `\n`.
pub fn fold(text: &str) -> String {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        space: false,
    };
    for c in text.chars() {
        // Most text is ASCII: nothing to decompose (the generator folds 100 000 programs).
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
            continue;
        }
        // Lower-casing first, then decomposing: a lower-cased letter can decompose
        // (`İ` → `i̇` → `i`). Decomposing character by character gives NFD but for the
        // order of combining marks, which are all dropped anyway.
        for lower in c.to_lowercase() {
            decompose_canonical(lower, |part| {
                if !is_combining_mark(part) {
                    folded.push(part);
                }
            });
        }
    }
    folded.text
}

/// Folded text being written: whitespace is held back until a non-space follows.
struct Folded {
    text: String,
    space: bool,
}

impl Folded {
    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.space = !self.text.is_empty();
            return;
        }
        if self.space {
            self.text.push(' ');
            self.space = false;
        }
        // Ligatures that French writers type out as two letters; NFD keeps them whole.
        match c {
            'œ' => self.text.push_str("oe"),
            'æ' => self.text.push_str("ae"),
            c => self.text.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_with_accents_fold_to_plain_lower_case() {
        assert_eq!(fold("Índice"), "indice");
        assert_eq!(fold("ÉXITO"), "exito");
        assert_eq!(fold("Ñandú"), "nandu");
        assert_eq!(fold("ÑANDÚ"), fold("ñandu"));
        assert_eq!(fold("Ação Conciliação"), "acao conciliacao");
        assert_eq!(fold("Égalité Ÿ Ç Ü Ø"), "egalite y c u ø");
    }

    #[test]
    fn decomposed_input_folds_like_precomposed() {
        // "Índice" as macOS and some keyboards send it: `I` + U+0301.
        assert_eq!(fold("I\u{301}ndice"), fold("Índice"));
        assert_eq!(fold("n\u{303}andu\u{301}"), "nandu");
        assert_eq!(fold("İstanbul"), "istanbul");
    }

    #[test]
    fn whitespace_runs_become_one_space_and_ends_are_trimmed() {
        assert_eq!(fold("  Trabajo \n\t Doméstico "), "trabajo domestico");
        assert_eq!(fold("«\u{a0}trabajo\u{a0}»"), "« trabajo »");
        assert_eq!(fold(" \n "), "");
        assert!(!fold("a\nb\r\nc").contains('\n'));
    }

    #[test]
    fn ligatures_are_written_out() {
        assert_eq!(fold("Œuvre, cœur, Æsop"), "oeuvre, coeur, aesop");
    }

    #[test]
    fn everything_else_is_kept() {
        // LIKE wildcards are the gateway's to escape, not folding's to drop.
        assert_eq!(fold("100% _a\\b"), "100% _a\\b");
        assert_eq!(fold("equal pay, 2023!"), "equal pay, 2023!");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn decomposing_letter_by_letter_agrees_with_nfd() {
        use unicode_normalization::UnicodeNormalization;
        // Latin-1, Latin Extended-A/B, Latin Extended Additional (Vietnamese), Greek, and a
        // few Hangul syllables: what a whole-string NFD without marks would give.
        let ranges = [0xC0..0x250, 0x1E00..0x1F00, 0x370..0x400, 0xAC00..0xAC40];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let reference: String = c
                .to_lowercase()
                .nfd()
                .filter(|part| !is_combining_mark(*part))
                .flat_map(|part| match part {
                    'œ' => vec!['o', 'e'],
                    'æ' => vec!['a', 'e'],
                    part => vec![part],
                })
                .filter(|part| !part.is_whitespace())
                .collect();
            assert_eq!(fold(&c.to_string()), reference, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn folding_is_idempotent() {
        for text in ["Índice", "Trabajo  Doméstico", "Œuvre", "İ", "n\u{303}"] {
            assert_eq!(fold(&fold(text)), fold(text), "{text:?}");
        }
    }
}
