//! Command-line and environment configuration: one clap struct, every option documented.

use std::net::SocketAddr;

use clap::{Parser, Subcommand};

/// RIAL/GENDER GraphQL gateway.
#[derive(Debug, Parser)]
#[command(name = "gateway", version, about)]
pub struct Cli {
    /// Database URL: `sqlite://path/to/file.db` (created on first use) or `postgres://…`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/rial.db",
        global = true
    )]
    pub database_url: String,

    /// Folder of the seed TOML files (defaults to `schema/seeds` of the source tree).
    #[arg(long, env = "SEED_DIR", global = true)]
    pub seed_dir: Option<std::path::PathBuf>,

    /// Folder of the locale files, `<lang>/*.ftl` (defaults to `locales` of the source tree).
    #[arg(long, env = "LOCALES_DIR", global = true)]
    pub locales_dir: Option<std::path::PathBuf>,

    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands of the gateway binary.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the GraphQL API (applies pending migrations first).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the real network's seed data (idempotent), or a synthetic dataset with --scale.
    Seed {
        /// Generate a deterministic synthetic dataset of this many programs (with proportional
        /// members, documents, participations…) on top of the real seed, for benchmarks.
        #[arg(long)]
        scale: Option<usize>,
    },
    /// Print the GraphQL schema (SDL) to stdout.
    Sdl,
    /// The Secretariat's translation tools, run against the locale files and the database.
    #[command(subcommand)]
    I18n(I18nCommand),
}

/// `gateway i18n …`
#[derive(Debug, Subcommand)]
pub enum I18nCommand {
    /// Check every locale file: syntax (file:line:col), duplicate ids, messages for entities
    /// that do not exist, attributes present in one language only, variables used differently.
    /// Exits non-zero when anything is wrong.
    Check,
    /// How much is translated, per language and kind of entity.
    Coverage {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Write a stub `.ftl` of the untranslated entries, with the source text as comments.
    Missing {
        /// Language to translate into (`en` or `es`).
        #[arg(long)]
        locale: String,
        /// Write to this file instead of stdout.
        #[arg(long)]
        output: Option<std::path::PathBuf>,
    },
}

/// Options of `gateway serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on. Port 0 picks a free port (printed in the log).
    #[arg(long, env = "GATEWAY_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Load the seed data before serving (idempotent: existing rows are kept).
    #[arg(long, env = "GATEWAY_SEED")]
    pub seed: bool,

    /// How often to look for changed locale files, in milliseconds (0: never reload).
    #[arg(long, env = "GATEWAY_LOCALES_POLL_MS", default_value_t = 1000)]
    pub locales_poll_ms: u64,

    /// Largest page a client may ask for with `first`.
    #[arg(long, env = "GATEWAY_MAX_PAGE_SIZE", default_value_t = 100)]
    pub max_page_size: u32,

    /// Meilisearch URL; without it `search` answers `SEARCH_UNAVAILABLE`.
    #[arg(long, env = "MEILI_URL")]
    pub meili_url: Option<String>,

    /// A search-only API key of Meilisearch (never an admin or the master key: the gateway
    /// only searches).
    #[arg(long, env = "MEILI_SEARCH_KEY", hide_env_values = true)]
    pub meili_search_key: Option<String>,

    /// Prefix of the index names, as the indexer was given it.
    #[arg(long, env = "MEILI_INDEX_PREFIX", default_value = "rial-")]
    pub meili_index_prefix: String,

    /// Longest wait for Meilisearch, in milliseconds, before `SEARCH_UNAVAILABLE`.
    #[arg(long, env = "GATEWAY_SEARCH_TIMEOUT_MS", default_value_t = 2000)]
    pub search_timeout_ms: u64,
}
