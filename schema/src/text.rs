//! The one folding rule of text matching: what the `text` filter of `programs` compares,
//! stored text and the client's input alike.
//!
//! [`fold`] lower-cases (Unicode, not ASCII only: `Í` → `í`), decomposes (NFD) and drops
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

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// `text` lower-cased, without diacritics, with whitespace runs as one space and no
/// leading or trailing space. Never contains `\n`.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut space = false;
    // Lower-casing first, then NFD: a lower-cased letter can decompose (`İ` → `i̇` → `i`).
    for c in text.chars().flat_map(char::to_lowercase).nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !folded.is_empty();
            continue;
        }
        if space {
            folded.push(' ');
            space = false;
        }
        // Ligatures that French writers type out as two letters; NFD keeps them whole.
        match c {
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            c => folded.push(c),
        }
    }
    folded
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
    fn folding_is_idempotent() {
        for text in ["Índice", "Trabajo  Doméstico", "Œuvre", "İ", "n\u{303}"] {
            assert_eq!(fold(&fold(text)), fold(text), "{text:?}");
        }
    }
}
