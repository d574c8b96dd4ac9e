//! House terms of the Spanish text: a tidy test over `locales/es/*.ftl` (no database), so a
//! wording once corrected (issue 14, section 3) does not come back with a new message.

use std::collections::BTreeMap;

/// Every Spanish locale file, by name, with its comment lines dropped: comments are for
/// translators and may quote ids such as `program-<slug>`.
fn spanish_messages() -> BTreeMap<String, Vec<(usize, String)>> {
    let dir = rial_server::cli::default_locales_dir().join("es");
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("locales/es").flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|ext| ext != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        let lines = text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim_start().starts_with('#'))
            .map(|(number, line)| (number + 1, line.to_owned()))
            .collect();
        files.insert(entry.file_name().to_string_lossy().into_owned(), lines);
    }
    assert!(files.contains_key("ui.ftl"), "found the Spanish files");
    files
}

/// The text of a line, without a message id (`error-invalid-slug = `) or a variant key
/// (`[slug]`): ids and keys are code, not Spanish.
fn text_of(line: &str) -> &str {
    let text = match line.split_once(" = ") {
        Some((id, text)) if !id.starts_with(' ') => text,
        _ => line,
    };
    let trimmed = text.trim_start().trim_start_matches('*');
    match trimmed
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
    {
        Some((_, after)) => after,
        None => text,
    }
}

/// The lines of every Spanish file whose text `bad` refuses, as `file:line`.
fn offending(bad: impl Fn(&str) -> bool) -> Vec<String> {
    spanish_messages()
        .iter()
        .flat_map(|(file, lines)| {
            lines
                .iter()
                .filter(|(_, line)| bad(text_of(line)))
                .map(move |(number, _)| format!("es/{file}:{number}"))
        })
        .collect()
}

#[test]
fn spanish_text_uses_the_house_terms() {
    // (what must not appear, why)
    let rules = [
        (
            "PADF",
            "the Pan American Development Foundation is FUPAD in Spanish",
        ),
        (
            "ministerios de trabajo",
            "Ministerios de Trabajo is capitalised, as the OAS writes it",
        ),
        (
            "ministerio de trabajo",
            "Ministerio de Trabajo is capitalised, as the OAS writes it",
        ),
        (
            "adelanto de la mujer",
            "mecanismos nacionales para el adelanto de las mujeres, one wording",
        ),
        (
            "Adelanto de las Mujeres",
            "mecanismos nacionales para el adelanto de las mujeres is a common noun",
        ),
        (
            "Real Decreto",
            "real decreto-ley is a common noun when the decree is not named",
        ),
        (
            "cerrando brechas",
            "the 7th dialogue's title: cierre de brechas, not an anglicised gerund",
        ),
        (
            "ormación y profesionalización",
            "the Repository's area is capacitación y profesionalización (its label in ui.ftl)",
        ),
        (
            "slug",
            "messages say identificador de texto; slug is the field's name only",
        ),
        (
            "del Género",
            "género is a common noun in the 1st dialogue's title",
        ),
    ];
    let mut problems = Vec::new();
    for (term, why) in rules {
        for place in offending(|line| line.contains(term)) {
            problems.push(format!("{place}: `{term}`: {why}"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn inspectors_are_named_in_both_genders() {
    // "inspectoras" alone is right where the source speaks of women ("hire more female
    // inspectors"); "inspectores" alone would be the generic masculine the text avoids.
    let problems = offending(|line| {
        line.match_indices("inspectores")
            .any(|(at, _)| !line[at..].starts_with("inspectores e inspectoras"))
    });
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn english_pages_linked_from_spanish_text_say_so() {
    // The sources give the CIM's English page only; a Spanish reader is told before following it.
    let problems = offending(|line| line.contains("oas.org/en/") && !line.contains("en inglés"));
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_cim_study_is_cited_by_its_official_spanish_title() {
    let files = spanish_messages();
    let title = files["documents.ftl"]
        .iter()
        .find_map(|(_, line)| {
            line.strip_prefix("document-study-rights-remunerated-domestic-workers = ")
        })
        .expect("the study's message")
        .to_owned();
    let dialogue = &files["dialogues.ftl"];
    let cited = dialogue
        .iter()
        .filter(|(_, line)| line.contains("brechas persistentes"))
        .collect::<Vec<_>>();
    assert!(!cited.is_empty(), "the 6th dialogue cites the study");
    for (number, line) in cited {
        assert!(
            line.contains(&format!("“{title}”")),
            "es/dialogues.ftl:{number} cites the study by another title"
        );
    }
}

#[test]
fn a_delegate_is_la_delegada_only_where_the_source_says_she() {
    // Only Peru's delegate is "she" in the sources (report 2020-2023, 3rd dialogue).
    let places = offending(|line| line.contains("La delegada") || line.contains("la delegada"));
    assert_eq!(places.len(), 1, "{places:#?}");
    let programs = &spanish_messages()["programs.ftl"];
    assert!(programs
        .iter()
        .any(|(_, line)| line.contains("La delegada de Perú")));
}

#[test]
fn numbers_are_written_the_spanish_way() {
    // locales/README.md: the decimal comma (16,7%), thousands with a period from five digits
    // on (63.000), none in four-digit numbers (7500); the English sources write 16.7% and
    // 63,000.
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let problems = offending(|line| {
        let chars: Vec<char> = line.chars().collect();
        chars.iter().enumerate().any(|(at, &c)| {
            let before = at.checked_sub(1).map(|i| chars[i]);
            let after = |n: usize| chars.get(at + n).copied();
            // 63,000: a comma between digits, three digits after it.
            (c == ','
                && digit(before)
                && (1..=3).all(|n| digit(after(n)))
                && !digit(after(4)))
            // 16.7%: a decimal point before a percent sign.
                || (c == '.'
                    && digit(before)
                    && digit(after(1))
                    && chars[at + 1..]
                        .iter()
                        .find(|c| !c.is_ascii_digit())
                        .is_some_and(|&c| c == '%'))
        })
    });
    assert!(problems.is_empty(), "{problems:#?}");
}
