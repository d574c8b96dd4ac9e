//! Command-line and environment configuration: one clap struct, every option documented.

use clap::{Parser, Subcommand};

/// RIAL/GENDER search indexer: programs and documents into Meilisearch.
#[derive(Debug, Parser)]
#[command(name = "search-indexer", version, about)]
// The indexer's spelling of the shared `--meili-index-prefix` (its flag since the start).
#[command(mut_arg("meili_index_prefix", |arg| arg.long("index-prefix").value_name("INDEX_PREFIX").global(true)))]
pub struct Cli {
    /// The database (the gateway's).
    #[command(flatten)]
    pub database: rial_server::cli::DatabaseArgs,

    /// The locale files.
    #[command(flatten)]
    pub locales: rial_server::cli::LocalesArgs,

    /// Meilisearch URL.
    #[arg(
        long,
        env = "MEILI_URL",
        default_value = "http://127.0.0.1:7700",
        global = true
    )]
    pub meili_url: String,

    /// An admin API key of Meilisearch (never the master key; never given to the gateway).
    #[arg(long, env = "MEILI_ADMIN_KEY", global = true, hide_env_values = true)]
    pub meili_admin_key: Option<String>,

    /// Prefix of the index names (`--index-prefix` here, taken before the subcommand too).
    #[command(flatten)]
    pub index_prefix: rial_server::cli::IndexPrefixArgs,

    /// Longest wait for one Meilisearch task, in seconds (bulk indexing takes minutes).
    #[arg(
        long,
        env = "MEILI_TASK_TIMEOUT_SECS",
        default_value_t = 900,
        global = true
    )]
    pub task_timeout_secs: u64,

    /// Logs and traces.
    #[command(flatten)]
    pub telemetry: rial_server::telemetry::TelemetryArgs,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands of the indexer.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rebuild every index from the database into new indexes, then swap them in atomically.
    Reindex {
        /// Entities sent per request.
        #[arg(long, default_value_t = 2000)]
        batch: u64,
    },
    /// Keep the indexes in sync with the database (and the locale files) until stopped.
    Sync {
        /// Outbox rows applied per round.
        #[arg(long, default_value_t = 500)]
        batch: u64,
        /// Milliseconds between looks at an empty outbox.
        #[arg(long, env = "SYNC_POLL_MS", default_value_t = 200)]
        poll_ms: u64,
        /// Milliseconds between looks at the locale files (0: do not watch).
        #[arg(long, env = "LOCALES_POLL_MS", default_value_t = 1000)]
        locales_poll_ms: u64,
        /// Serve Prometheus metrics at `http://<addr>/metrics` (e.g. `127.0.0.1:9091`; port 0
        /// picks one, printed on stdout). Unset: no listener — the worker opens no port unless
        /// asked, and two workers on one host never fight over one.
        #[arg(long, env = "INDEXER_METRICS_ADDR")]
        metrics_addr: Option<std::net::SocketAddr>,
    },
    /// Create (once) and print the least-privilege keys: the indexer's (documents, settings,
    /// indexes of the prefix only) and the gateway's (search only), as `MEILI_ADMIN_KEY=…`
    /// and `MEILI_SEARCH_KEY=…` lines.
    Keys {
        /// The master key (or an admin key); used for this command only, never stored.
        #[arg(long, env = "MEILI_MASTER_KEY", hide_env_values = true)]
        master_key: String,
    },
    /// Per index: documents in the database and in Meilisearch, outbox backlog and lag.
    Status {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

#[cfg(test)]
mod tests {
    use rial_server::cli::documented::{quoted_between, subcommands, synopsis_commands};

    #[test]
    fn the_subcommands_documented_are_those_of_the_binary() {
        let cli = <super::Cli as clap::CommandFactory>::command();
        let declared = subcommands(&cli);
        assert!(declared.len() >= 4, "{declared:?}");
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let architecture = std::fs::read_to_string(format!("{root}/ARCHITECTURE.md")).unwrap();
        assert_eq!(
            quoted_between(&architecture, "dispatches the subcommands (", "declared in"),
            declared,
            "ARCHITECTURE.md's search-indexer `lib.rs` entry"
        );
        let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
        let listed = synopsis_commands(&readme, "search-indexer [--database-url");
        assert_eq!(listed, declared, "README.md's synopsis of search-indexer");
    }
}
