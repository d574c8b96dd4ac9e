//! A form's fields as the templates show them (`templates/_field.html`): label, what the
//! person typed, and their error beside them — the gateway's `BAD_USER_INPUT` fields, or
//! the portal's own checks — tied to the control for assistive technology
//! (`aria-invalid`, `aria-describedby`).

use crate::api::FieldError;
use crate::l10n::L10n;

/// One control of a form.
pub struct Field {
    /// The form field's name, the API's name for it (`startYear`); the control's id is
    /// `f-<name>`.
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    /// `text`, `textarea`, `email`, `tel`, `year` (text, numeric keyboard), `checkbox` or
    /// `select` (of `options`).
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

    pub fn value(mut self, value: impl Into<String>) -> Field {
        self.value = value.into();
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
