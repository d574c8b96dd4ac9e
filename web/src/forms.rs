//! A form's fields as the templates show them (`templates/_field.html`): label, what the
//! person typed, and their error beside them — the gateway's `BAD_USER_INPUT` fields, or
//! the portal's own checks — tied to the control for assistive technology
//! (`aria-invalid`, `aria-describedby`). What every form shares lives here: fields and
//! groups of checkboxes (`templates/_group.html`), selects of the API's enums with the
//! gateway's labels, the 3-way yes/no, and [`Parse`], the portal's own checks of numbers
//! and dates before the gateway sees a form.

use crate::api::FieldError;
use crate::l10n::L10n;

/// One control of a form.
pub struct Field {
    /// The form field's name, the API's name for it (`startYear`); the control's id is
    /// `f-<name>`.
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    /// `text`, `textarea`, `email`, `tel`, `url`, `date`, `year` (text, numeric keyboard:
    /// any whole number), `checkbox` or `select` (of `options`).
    pub kind: &'static str,
    /// What the person typed (or what is stored).
    pub value: String,
    pub checked: bool,
    pub required: bool,
    pub error: Option<String>,
    /// A select's options (the one whose value is `value` is selected).
    pub options: Vec<Choice>,
}

impl Field {
    /// A control labelled with the message `label_id`.
    pub fn new(l: &L10n, name: &'static str, label_id: &str, kind: &'static str) -> Field {
        Field {
            name,
            label: l.t(label_id),
            hint: None,
            kind,
            value: String::new(),
            checked: false,
            required: false,
            error: None,
            options: Vec::new(),
        }
    }

    /// A select's options, as (value, label).
    pub fn options(mut self, options: impl IntoIterator<Item = (String, String)>) -> Field {
        self.options = options
            .into_iter()
            .map(|(value, label)| Choice {
                checked: value == self.value,
                value,
                label,
            })
            .collect();
        self
    }

    /// What was typed (or is stored). A date a date input cannot hold (`31/02/2025`) is
    /// shown in a text input instead, as typed, so the person sees what to fix.
    pub fn value(mut self, value: impl Into<String>) -> Field {
        self.value = value.into();
        if self.kind == "date" && !self.value.trim().is_empty() && !is_date(self.value.trim()) {
            self.kind = "text";
        }
        self
    }

    pub fn checked(mut self, checked: bool) -> Field {
        self.checked = checked;
        self
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn hint(mut self, hint: String) -> Field {
        self.hint = Some(hint);
        self
    }

    /// The ids of the hint and the error, for `aria-describedby` ("" when neither).
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("f-{}-hint", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("f-{}-error", self.name));
        }
        ids.join(" ")
    }
}

/// A yes/no fact the sources may not state (`Program.evaluated`, `Member.active`): a select
/// of "not stated", "yes" and "no", so a form never turns an unknown into a "no". Its value
/// is `""`, `"true"` or `"false"`; [`yes_no_input`] is what the API gets.
pub fn yes_no(l: &L10n, name: &'static str, label_id: &str, value: Option<bool>) -> Field {
    let value = match value {
        None => "",
        Some(true) => "true",
        Some(false) => "false",
    };
    Field::new(l, name, label_id, "select")
        .value(value)
        .options([
            (String::new(), l.t("portal-answer-not-stated")),
            ("true".to_owned(), l.t("portal-yes")),
            ("false".to_owned(), l.t("portal-no")),
        ])
}

/// A [`yes_no`] field's value for the API: "not stated" is `null` (left as it is).
pub fn yes_no_input(value: &str) -> Option<bool> {
    match value {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// A group of checkboxes sharing one name (areas of action, countries, languages), with its
/// error beside its legend (`templates/_group.html`).
pub struct Group {
    /// The form field's name, the API's name for the list (`themes`).
    pub name: &'static str,
    pub legend: String,
    pub hint: Option<String>,
    pub choices: Vec<Choice>,
    pub error: Option<String>,
}

impl Group {
    /// A group labelled with the message `legend_id`, of `choices` as (value, label), those
    /// in `checked` checked.
    pub fn new(
        l: &L10n,
        name: &'static str,
        legend_id: &str,
        choices: impl IntoIterator<Item = (String, String)>,
        checked: &[String],
    ) -> Group {
        Group {
            name,
            legend: l.t(legend_id),
            hint: None,
            choices: choices
                .into_iter()
                .map(|(value, label)| Choice {
                    checked: checked.contains(&value),
                    value,
                    label,
                })
                .collect(),
            error: None,
        }
    }

    pub fn hint(mut self, hint: String) -> Group {
        self.hint = Some(hint);
        self
    }

    /// The ids of the hint and the error, for the fieldset's `aria-describedby`.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("f-{}-hint", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("f-{}-error", self.name));
        }
        ids.join(" ")
    }
}

/// The options of a select of an API enum (`DocumentKind`): "Choose…" first (`none_id`),
/// then each value (as the API spells it, whichever case `values` has) with the gateway's own label for it (`ui.ftl`,
/// `<enum>-<value>`: `document-kind-foundational-document`), in the page's language.
pub fn enum_options(
    l: &L10n,
    none_id: &str,
    label_prefix: &str,
    values: &[&str],
) -> Vec<(String, String)> {
    std::iter::once((String::new(), l.t(none_id)))
        .chain(values.iter().map(|value| {
            let id = format!(
                "{label_prefix}-{}",
                value.to_ascii_lowercase().replace('_', "-")
            );
            (value.to_ascii_uppercase(), l.t(&id))
        }))
        .collect()
}

/// A text the API gets as given, or `null` when blank (a select left at "Choose…", an
/// optional reference cleared).
pub fn blank_none(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.trim().to_owned())
}

/// What the portal checks itself before the gateway sees a form: values that must parse
/// to be sent at all (a number, a date). Each bad one is a field error in the page's
/// language, shown beside its field as the gateway's are.
pub struct Parse<'l> {
    l: &'l L10n,
    pub errors: Vec<FieldError>,
}

impl<'l> Parse<'l> {
    pub fn new(l: &'l L10n) -> Self {
        Parse {
            l,
            errors: Vec::new(),
        }
    }

    fn fail(&mut self, name: &str, message_id: &str) {
        self.errors.push(FieldError {
            field: format!("input.{name}"),
            code: "INVALID_FORMAT".into(),
            message: self.l.t(message_id),
        });
    }

    /// A whole number (a year, a count), `None` when blank or not one.
    pub fn int(&mut self, name: &str, text: &str, message_id: &str) -> Option<i64> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let parsed = text.parse().ok();
        if parsed.is_none() {
            self.fail(name, message_id);
        }
        parsed
    }

    /// A calendar date `YYYY-MM-DD` (what a date input sends), `None` when blank or not one.
    pub fn date(&mut self, name: &str, text: &str) -> Option<String> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        if is_date(text) {
            Some(text.to_owned())
        } else {
            self.fail(name, "portal-field-date");
            None
        }
    }

    /// The errors found, or the API input built from the checked values.
    pub fn finish<T: serde::de::DeserializeOwned>(
        self,
        input: serde_json::Value,
    ) -> Result<T, Vec<FieldError>> {
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        serde_json::from_value(input).map_err(|error| {
            // The generated type and the schema disagree: a bug, said above the form.
            tracing::error!(%error, "form input");
            vec![FieldError {
                field: String::new(),
                code: String::new(),
                message: error.to_string(),
            }]
        })
    }
}

/// Whether `text` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts[..] else {
        return false;
    };
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
        return false;
    }
    let (year, month, day): (u32, u32, u32) = (
        year.parse().unwrap_or(0),
        month.parse().unwrap_or(0),
        day.parse().unwrap_or(0),
    );
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// A choice among several (a checkbox of a group, an option of a select).
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// The form field an API field path names: `input.endYear` → `endYear`,
/// `input.themes[1]` → `themes`, `comment` → `comment`.
pub fn field_name(path: &str) -> &str {
    let path = path.strip_prefix("input.").unwrap_or(path);
    let end = path.find(['.', '[']).unwrap_or(path.len());
    &path[..end]
}

/// Puts each error beside its field (the first one a field has); the messages of
/// errors no field shows are returned, to be shown above the form. `extra` are the
/// other names the form shows errors for itself (a group of checkboxes, a select).
pub fn place_errors(
    fields: &mut [Field],
    errors: &[FieldError],
    extra: &mut [(&str, &mut Option<String>)],
) -> Vec<String> {
    let mut unplaced = Vec::new();
    for error in errors {
        let name = field_name(&error.field);
        if let Some(field) = fields.iter_mut().find(|field| field.name == name) {
            field.error.get_or_insert_with(|| error.message.clone());
        } else if let Some((_, slot)) = extra.iter_mut().find(|(key, _)| *key == name) {
            slot.get_or_insert_with(|| error.message.clone());
        } else {
            unplaced.push(error.message.clone());
        }
    }
    unplaced
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l10n(language: rial_schema::enums::Language) -> L10n {
        let locales = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
        let catalog = rial_schema::l10n::Catalog::load(&locales).unwrap();
        L10n::new(std::sync::Arc::new(catalog), language)
    }

    #[test]
    fn enum_selects_take_the_api_spelling_and_the_gateway_labels() {
        let l = l10n(rial_schema::enums::Language::Es);
        let options = enum_options(
            &l,
            "portal-choose",
            "document-kind",
            &["foundational_document"],
        );
        assert_eq!(options[0].0, "");
        assert_eq!(options[1].0, "FOUNDATIONAL_DOCUMENT");
        assert!(
            !options[1].1.starts_with("document-kind"),
            "{}",
            options[1].1
        );
        let group = Group::new(
            &l,
            "themes",
            "portal-field-themes",
            [
                ("care-work".into(), "Cuidados".into()),
                ("other".into(), "Otro".into()),
            ],
            &["care-work".to_owned()],
        );
        assert!(group.choices[0].checked && !group.choices[1].checked);
    }

    #[test]
    fn numbers_and_dates_are_checked_before_the_gateway() {
        let l = l10n(rial_schema::enums::Language::En);
        let mut parse = Parse::new(&l);
        assert_eq!(parse.int("year", " 2021 ", "portal-field-year"), Some(2021));
        assert_eq!(parse.int("year", "", "portal-field-year"), None);
        assert_eq!(parse.int("termEnd", "twenty", "portal-field-year"), None);
        assert_eq!(
            parse.date("heldOn", "2022-03-15").as_deref(),
            Some("2022-03-15")
        );
        assert_eq!(parse.date("heldOn", "15/03/2022"), None);
        let fields: Vec<&str> = parse.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["input.termEnd", "input.heldOn"]);
        assert!(parse
            .finish::<serde_json::Value>(serde_json::json!({}))
            .is_err());
        // A date the date input cannot hold is kept as typed, in a text input.
        let field = Field::new(&l, "heldOn", "portal-dialogue-date", "date").value("31/02/2025");
        assert_eq!((field.kind, field.value.as_str()), ("text", "31/02/2025"));
        let field = Field::new(&l, "heldOn", "portal-dialogue-date", "date").value("2025-02-28");
        assert_eq!(field.kind, "date");
    }

    #[test]
    fn dates_are_real_calendar_days() {
        assert!(is_date("2024-02-29"));
        assert!(is_date("2023-12-31"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2023-13-01"));
        assert!(!is_date("2023-1-01"));
        assert!(!is_date("15/03/2022"));
        assert!(!is_date(""));
    }

    #[test]
    fn api_paths_name_form_fields() {
        assert_eq!(field_name("input.endYear"), "endYear");
        assert_eq!(field_name("input.themes[1]"), "themes");
        assert_eq!(field_name("comment"), "comment");
    }

    #[test]
    fn errors_go_beside_their_fields_or_above_the_form() {
        let field = |name| Field {
            name,
            label: name.into(),
            hint: None,
            kind: "text",
            value: "typed".into(),
            checked: false,
            required: false,
            error: None,
            options: Vec::new(),
        };
        let mut fields = [field("title"), field("endYear")];
        let error = |field: &str, message: &str| FieldError {
            field: field.into(),
            code: "X".into(),
            message: message.into(),
        };
        let mut themes = None;
        let unplaced = place_errors(
            &mut fields,
            &[
                error("input.endYear", "before the start"),
                error("input.themes[0]", "unknown theme"),
                error("input.other", "elsewhere"),
            ],
            &mut [("themes", &mut themes)],
        );
        assert_eq!(fields[1].error.as_deref(), Some("before the start"));
        assert_eq!(fields[1].value, "typed");
        assert_eq!(fields[1].described_by(), "f-endYear-error");
        assert!(fields[0].error.is_none());
        assert_eq!(themes.as_deref(), Some("unknown theme"));
        assert_eq!(unplaced, ["elsewhere"]);
    }
}
