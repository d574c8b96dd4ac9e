//! Test support for integration tests of every crate (feature `testing`): the shared test
//! Meilisearch that `cargo xtask test` starts, and an engine with indexes of a test's own.

use std::time::Duration;

use crate::engine::Engine;

/// The shared test server, from `RIAL_TEST_MEILI_*`.
#[derive(Debug, Clone)]
pub struct TestMeili {
    /// Its URL.
    pub url: String,
    /// Its default admin key.
    pub admin_key: String,
    /// Its default search key.
    pub search_key: String,
    /// The Meilisearch binary, for tests that run a server of their own.
    pub bin: Option<std::path::PathBuf>,
}

/// The shared server, or `None` when the run has none (a plain `cargo test`). Panics when
/// `RIAL_TEST_REQUIRE_MEILI` is set without it, so CI can never silently skip search.
pub fn meili() -> Option<TestMeili> {
    let var = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
    match (
        var("RIAL_TEST_MEILI_URL"),
        var("RIAL_TEST_MEILI_ADMIN_KEY"),
        var("RIAL_TEST_MEILI_SEARCH_KEY"),
    ) {
        (Some(url), Some(admin_key), Some(search_key)) => Some(TestMeili {
            url,
            admin_key,
            search_key,
            bin: var("RIAL_TEST_MEILI_BIN").map(Into::into),
        }),
        _ if var("RIAL_TEST_REQUIRE_MEILI").is_some() => {
            panic!("RIAL_TEST_REQUIRE_MEILI is set but RIAL_TEST_MEILI_URL/_ADMIN_KEY/_SEARCH_KEY are not")
        }
        _ => {
            eprintln!("no test Meilisearch (RIAL_TEST_MEILI_URL): search tests skipped");
            None
        }
    }
}

impl TestMeili {
    /// An engine (admin key) whose indexes no other test uses.
    pub fn engine(&self) -> Engine {
        let prefix = format!("{}-", rial_schema::testing::unique_name("t"));
        Engine::new(
            &self.url,
            &self.admin_key,
            &prefix,
            Duration::from_secs(120),
        )
        .expect("a Meilisearch client")
    }
}
