//! Every code a client can read in an error, and each one's HTTP status: one enum per table
//! of ARCHITECTURE.md's "Error codes" ([`ErrorCode`] for `extensions.code`, [`FieldCode`] for
//! `extensions.fields[].code`), each generated from one list, so a code is written once.
//!
//! A leaf: it names nothing else of the gateway, so any module may use it (the GraphQL
//! errors, the protection step, the HTTP layer, the metrics) without an import cycle. A unit
//! test below holds ARCHITECTURE.md's tables to these lists, and another keeps the code
//! strings out of the rest of `src/`.

use poem::http::StatusCode;

/// Declares [`ErrorCode`] from one list of `Variant = "CODE", default status, "statuses as
/// the table states them"`, each with its doc comment (what it means).
macro_rules! error_codes {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident = $code:literal, $status:ident, $statuses:literal;
    )*) => {
        /// The stable code of an error (`extensions.code`), the same in every language, in
        /// the order of ARCHITECTURE.md's table. Where and why each is given is the table's
        /// "when"; each variant's comment says it briefly.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $($(#[doc = $doc])* $variant,)*
        }

        impl ErrorCode {
            /// Every code, in the table's order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code as the client reads it (`BAD_USER_INPUT`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }

            /// The HTTP status of an answer that is this error alone, given by the HTTP
            /// layer outside a GraphQL execution (its refusals, the bearer-token check).
            /// Inside a GraphQL response every code is sent with 200; see
            /// [`ErrorCode::statuses`] for every status a code can come with.
            pub const fn status(self) -> StatusCode {
                match self {
                    $(ErrorCode::$variant => StatusCode::$status,)*
                }
            }

            /// The statuses the code comes with, as ARCHITECTURE.md's table states them
            /// (several when the path decides: `401 (token) / 200 (no token)`).
            pub const fn statuses(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $statuses,)*
                }
            }

            /// The code a client read (`"NOT_FOUND"`), if it is one of these.
            pub fn from_code(code: &str) -> Option<ErrorCode> {
                match code {
                    $($code => Some(ErrorCode::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

error_codes! {
    /// An argument or a variable is invalid (one message), or a mutation's input fields
    /// are (each listed in `extensions.fields` with its [`FieldCode`]).
    BadUserInput = "BAD_USER_INPUT", OK, "200";
    /// A lookup by key matched nothing.
    NotFound = "NOT_FOUND", OK, "200";
    /// The engine refused the document (it does not parse or validate) or could not read
    /// an argument's value as its type; the message is the engine's own, in English.
    GraphqlValidationFailed = "GRAPHQL_VALIDATION_FAILED", OK,
        "200 / 400 (when nothing ran, to a client asking for `application/graphql-response+json`)";
    /// The HTTP body is not a GraphQL request at all (malformed JSON, a batch).
    BadRequest = "BAD_REQUEST", BAD_REQUEST, "400";
    /// A POST whose body is not declared as JSON.
    UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE", UNSUPPORTED_MEDIA_TYPE, "415";
    /// Fields, brackets, variables or fragment spreads nested deeper than the limit.
    QueryTooDeep = "QUERY_TOO_DEEP", OK, "200";
    /// More fields than the limit, fragments expanded.
    QueryTooComplex = "QUERY_TOO_COMPLEX", OK, "200";
    /// An answer that could hold more values than the limit.
    QueryTooCostly = "QUERY_TOO_COSTLY", OK, "200";
    /// More aliased fields than the limit, fragments expanded.
    TooManyAliases = "TOO_MANY_ALIASES", OK, "200";
    /// The serialized answer is larger than the limit (it is not sent).
    ResponseTooLarge = "RESPONSE_TOO_LARGE", OK, "200";
    /// The request body did not arrive in time; the connection is closed.
    BodyTimeout = "BODY_TIMEOUT", REQUEST_TIMEOUT, "408";
    /// The request ran longer than its time limit and was stopped.
    Timeout = "TIMEOUT", OK, "200";
    /// The POST body is larger than the limit (the rest is never read).
    RequestTooLarge = "REQUEST_TOO_LARGE", PAYLOAD_TOO_LARGE, "413";
    /// The bearer token is not valid (401), or something that needs an account was asked
    /// without one (200, in the GraphQL response).
    Unauthenticated = "UNAUTHENTICATED", UNAUTHORIZED, "401 (token) / 200 (no token)";
    /// `login` with an unknown username or a wrong password (one answer for both).
    InvalidCredentials = "INVALID_CREDENTIALS", OK, "200";
    /// A login guess over a limit of the throttle's window, refused unchecked.
    LoginThrottled = "LOGIN_THROTTLED", OK, "200";
    /// A query named only by a hash this gateway does not keep: send its text with it
    /// (automatic persisted queries, Apollo's protocol).
    PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND", OK, "200";
    /// A mutation sent over GET.
    MethodNotAllowed = "METHOD_NOT_ALLOWED", METHOD_NOT_ALLOWED, "405";
    /// An authenticated account whose role may not do this.
    Forbidden = "FORBIDDEN", OK, "200";
    /// The program's status does not allow the step.
    InvalidTransition = "INVALID_TRANSITION", OK, "200";
    /// `search` only: Meilisearch cannot answer; the other fields are answered.
    SearchUnavailable = "SEARCH_UNAVAILABLE", OK, "200";
    /// The database is away or too busy: try again later (503 where the HTTP layer
    /// answers on its own: checking a bearer token, `/ready`).
    DatabaseUnavailable = "DATABASE_UNAVAILABLE", SERVICE_UNAVAILABLE,
        "200 (in a GraphQL response) / 503 (checking a bearer token; `/ready`)";
    /// Anything else the client cannot fix (a bug), and any error that would reach the
    /// client without a code; the detail is logged, never sent.
    Internal = "INTERNAL", INTERNAL_SERVER_ERROR, "200 / 500 (checking a bearer token)";
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// Declares [`FieldCode`] from one list of `Variant = "CODE"`, each with its doc comment.
macro_rules! field_codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $code:literal;)*) => {
        /// What is wrong with one field of a mutation's input (`extensions.fields[].code`
        /// of a `BAD_USER_INPUT`), in the order of ARCHITECTURE.md's second table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum FieldCode {
            $($(#[doc = $doc])* $variant,)*
        }

        impl FieldCode {
            /// Every field code, in the table's order.
            pub const ALL: &'static [FieldCode] = &[$(FieldCode::$variant,)*];

            /// The code as the client reads it (`TOO_LONG`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(FieldCode::$variant => $code,)*
                }
            }
        }
    };
}

field_codes! {
    /// Missing when creating, or blank.
    Required = "REQUIRED";
    /// Longer than the field's length.
    TooLong = "TOO_LONG";
    /// A number outside its range, or an end before its start.
    OutOfRange = "OUT_OF_RANGE";
    /// Not of the expected shape (a slug, a URL, an e-mail address, a phone number, an id).
    InvalidFormat = "INVALID_FORMAT";
    /// Names nothing that exists.
    UnknownReference = "UNKNOWN_REFERENCE";
    /// Exists, but cannot be used here.
    InvalidReference = "INVALID_REFERENCE";
    /// A unique value another entity has.
    AlreadyTaken = "ALREADY_TAKEN";
    /// Given when created, and an edit sent another value (a slug, a dialogue's number).
    Immutable = "IMMUTABLE";
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;

    fn workspace() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("the workspace")
            .to_path_buf()
    }

    /// The rows of the first Markdown table after `heading` whose header row starts with
    /// `header`, as cells with their backquotes and padding removed.
    fn table(markdown: &str, heading: &str, header: &str) -> Vec<Vec<String>> {
        let section = markdown
            .split_once(heading)
            .map(|(_, rest)| rest)
            .expect("the section");
        let mut lines = section
            .lines()
            .skip_while(|line| !line.starts_with(header))
            .skip(2); // the header and its `| --- |` row
        let mut rows = Vec::new();
        for line in lines.by_ref() {
            let Some(inner) = line
                .trim()
                .strip_prefix('|')
                .and_then(|line| line.strip_suffix('|'))
            else {
                break;
            };
            rows.push(
                inner
                    .split('|')
                    .map(|cell| cell.trim().to_owned())
                    .collect(),
            );
        }
        rows
    }

    fn unquoted(cell: &str) -> &str {
        cell.trim_matches('`')
    }

    /// ARCHITECTURE.md's two tables of codes, as (code, HTTP status) and codes.
    fn documented(markdown: &str) -> (Vec<(String, String)>, Vec<String>) {
        let codes = table(markdown, "## Error codes", "| code | when | HTTP status |")
            .into_iter()
            .map(|row| {
                (
                    unquoted(&row[0]).to_owned(),
                    row.last().cloned().unwrap_or_default(),
                )
            })
            .collect();
        let fields = table(markdown, "## Error codes", "| field code | when |")
            .into_iter()
            .map(|row| unquoted(&row[0]).to_owned())
            .collect();
        (codes, fields)
    }

    /// What the enums say, in the tables' shape.
    fn declared() -> (Vec<(String, String)>, Vec<String>) {
        (
            ErrorCode::ALL
                .iter()
                .map(|code| (code.as_str().to_owned(), code.statuses().to_owned()))
                .collect(),
            FieldCode::ALL
                .iter()
                .map(|code| code.as_str().to_owned())
                .collect(),
        )
    }

    #[test]
    fn the_architecture_tables_list_exactly_these_codes_and_statuses() {
        let markdown =
            std::fs::read_to_string(workspace().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
        let (codes, fields) = documented(&markdown);
        let (declared_codes, declared_fields) = declared();
        assert_eq!(
            codes, declared_codes,
            "ARCHITECTURE.md's error codes (code, HTTP status) differ from `ErrorCode`"
        );
        assert_eq!(
            fields, declared_fields,
            "ARCHITECTURE.md's field codes differ from `FieldCode`"
        );
    }

    #[test]
    fn the_table_reader_takes_the_first_and_last_cells() {
        // The check above is only as good as its reading of the tables.
        let markdown = "## Error codes\n\n| code | when | HTTP status |\n| --- | --- | --- |\n\
                        | `NOT_FOUND` | a lookup, `a | b` | 404 |\n\nText.\n\n\
                        | field code | when |\n| --- | --- |\n| `REQUIRED` | missing |\n";
        assert_eq!(
            documented(markdown),
            (
                vec![("NOT_FOUND".to_owned(), "404".to_owned())],
                vec!["REQUIRED".to_owned()]
            )
        );
    }

    #[test]
    fn each_code_is_its_variant_name_and_its_status_is_one_the_table_states() {
        for code in ErrorCode::ALL {
            let name = format!("{code:?}");
            let mut screaming = String::new();
            for (i, letter) in name.chars().enumerate() {
                if letter.is_uppercase() && i > 0 {
                    screaming.push('_');
                }
                screaming.push(letter.to_ascii_uppercase());
            }
            assert_eq!(code.as_str(), screaming);
            assert_eq!(ErrorCode::from_code(code.as_str()), Some(*code));
            let status = code.status().as_u16().to_string();
            assert!(
                code.statuses().starts_with(&status)
                    || code.statuses().contains(&format!("/ {status}")),
                "{code}: {status} is not one of `{}`",
                code.statuses()
            );
        }
        assert_eq!(ErrorCode::from_code("OK"), None);
    }

    /// The string literals of `source`'s code (not its comments, not its tests).
    fn literals(source: &str) -> Vec<String> {
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        let mut found = Vec::new();
        for line in code.lines() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            let mut parts = line.split('"');
            parts.next();
            // Every other part is inside quotes (escaped quotes do not occur in codes).
            while let Some(inside) = parts.next() {
                found.push(inside.to_owned());
                parts.next();
            }
        }
        found
    }

    #[test]
    fn no_code_is_written_outside_this_file() {
        let codes: Vec<&str> = ErrorCode::ALL
            .iter()
            .map(|code| code.as_str())
            .chain(FieldCode::ALL.iter().map(|code| code.as_str()))
            .collect();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src.clone()];
        let mut offenders = Vec::new();
        let mut read = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(
                    std::fs::read_dir(&path)
                        .expect("a source folder")
                        .map(|entry| entry.expect("an entry").path()),
                );
                continue;
            }
            if path.extension().is_none_or(|ext| ext != "rs") || path.ends_with("error/code.rs") {
                continue;
            }
            read += 1;
            let source = std::fs::read_to_string(&path).expect("a source file");
            for literal in literals(&source) {
                if codes.contains(&literal.as_str()) {
                    offenders.push(format!("{}: \"{literal}\"", path.display()));
                }
            }
        }
        assert!(read > 20, "found the sources: {read}");
        assert!(
            offenders.is_empty(),
            "codes written outside `error/code.rs` (use `ErrorCode`/`FieldCode`): {offenders:#?}"
        );
    }

    #[test]
    fn the_literal_check_sees_a_code() {
        assert_eq!(
            literals("let a = \"x\"; f(\"INTERNAL\", 'y');\n// \"NOT_FOUND\"\n#[cfg(test)]\n\"FORBIDDEN\""),
            ["x", "INTERNAL"]
        );
    }
}
