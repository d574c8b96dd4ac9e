//! Integration tests of the gateway: the GraphQL schema executed directly over a real,
//! freshly seeded database, once per backend (SQLite always; PostgreSQL when
//! `RIAL_TEST_POSTGRES_URL` is set, which `cargo xtask test` does).

mod helpers;

mod accounts;
mod bad_input;
mod counts;
mod directory;
mod editorial;
mod filters;
mod http;
mod i18n;
mod l10n;
mod nested;
mod pagination;
mod protection;
mod search;
mod seeds;
mod stale;
mod wording;
