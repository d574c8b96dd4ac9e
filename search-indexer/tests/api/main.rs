//! Integration tests of the indexer against a real Meilisearch (the shared test server of
//! `cargo xtask test`, indexes of each test's own prefix) and a real database per test, on
//! every backend (the outbox triggers differ between SQLite and PostgreSQL).

mod helpers;

mod indexing;
mod keys;
mod recovery;
mod sync;
