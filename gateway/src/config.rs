//! Command-line and environment configuration: one clap struct, every option documented.

use std::net::SocketAddr;

use clap::{Parser, Subcommand};

/// RIAL/GENDER GraphQL gateway.
#[derive(Debug, Parser)]
#[command(name = "gateway", version, about)]
pub struct Cli {
    /// The database.
    #[command(flatten)]
    pub database: rial_server::cli::DatabaseArgs,

    /// Folder of the seed TOML files (defaults to `schema/seeds` of the source tree).
    #[arg(long, env = "SEED_DIR", global = true)]
    pub seed_dir: Option<std::path::PathBuf>,

    /// The locale files.
    #[command(flatten)]
    pub locales: rial_server::cli::LocalesArgs,

    /// Logs and traces.
    #[command(flatten)]
    pub telemetry: rial_server::telemetry::TelemetryArgs,

    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands of the gateway binary.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the GraphQL API (applies pending migrations first).
    Serve(Box<ServeArgs>),
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
    /// Accounts: create one, or reset a password. Passwords are generated and printed once.
    #[command(subcommand)]
    User(UserCommand),
}

/// `gateway user …`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account with a generated password (printed once, stored only as a hash).
    Add {
        /// Login name (letters, digits, `.`, `_`, `-`, `@`; case-insensitive).
        #[arg(long)]
        username: String,
        /// `member` (a focal point: give --member-id) or `secretariat`.
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The member (focal point) the account belongs to.
        #[arg(long)]
        member_id: Option<i32>,
    },
    /// Give an account a new generated password; its open sessions end.
    ResetPassword {
        /// Login name.
        #[arg(long)]
        username: String,
    },
    /// Local development only: create `demo.secretariat` and `demo.focal.point` if absent,
    /// with generated passwords printed once. Refused under `GATEWAY_PROFILE=production`.
    Demo {
        /// The deployment profile (demo accounts exist in development only).
        #[arg(long, env = "GATEWAY_PROFILE", value_enum, default_value_t = Profile::Development)]
        profile: Profile,
    },
}

/// Roles of accounts, as the command line spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RoleArg {
    /// A focal point.
    Member,
    /// The Technical Secretariat.
    Secretariat,
}

impl From<RoleArg> for rial_schema::enums::AccountRole {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Member => Self::Member,
            RoleArg::Secretariat => Self::Secretariat,
        }
    }
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
    /// Write a stub `.ftl` of the untranslated entries, with the source text as comments and
    /// the fingerprint of each field's source text; then the stale translations, with the
    /// source text they were made from and the text now.
    Missing {
        /// Language to translate into (`en` or `es`).
        #[arg(long)]
        locale: String,
        /// Write to this file instead of stdout.
        #[arg(long)]
        output: Option<std::path::PathBuf>,
    },
    /// Write the fingerprint of the current source text beside every translated field that
    /// has none (existing fingerprints are never changed). For translations made before
    /// fingerprints existed: each is taken as a translation of the text in the database now.
    Stamp,
}

/// Options of `gateway serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on. Port 0 picks a free port (printed in the log).
    #[arg(long, env = "GATEWAY_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Also listen on this Unix socket (its file is replaced at start): for a portal on the
    /// same host, which then spares both sides the kernel's loopback TCP. Who may connect is
    /// decided by the file's permissions; a peer on the socket is a trusted proxy (its
    /// `X-Forwarded-For` names the client, as for `--trusted-proxies`).
    #[arg(long, env = "GATEWAY_UNIX_SOCKET")]
    pub unix_socket: Option<std::path::PathBuf>,

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

    /// Prefix of the index names.
    #[command(flatten)]
    pub index_prefix: rial_server::cli::IndexPrefixArgs,

    /// Longest wait for Meilisearch, in milliseconds, before `SEARCH_UNAVAILABLE`.
    #[arg(long, env = "GATEWAY_SEARCH_TIMEOUT_MS", default_value_t = 2000)]
    pub search_timeout_ms: u64,

    /// `production` turns introspection, GraphiQL and field suggestions off (each can be
    /// turned back on by its own flag); `development` leaves them on.
    #[arg(long, env = "GATEWAY_PROFILE", value_enum, default_value_t = Profile::Development)]
    pub profile: Profile,

    /// Answer introspection queries (`__schema`, `__type`); default from the profile.
    #[arg(long, env = "GATEWAY_INTROSPECTION")]
    pub introspection: Option<bool>,

    /// Serve GraphiQL to browsers on `GET /graphql`; default from the profile.
    #[arg(long, env = "GATEWAY_GRAPHIQL")]
    pub graphiql: Option<bool>,

    /// The `node_modules` folder holding GraphiQL's npm packages (`npm ci` in
    /// `gateway/graphiql/`); defaults to that folder of the source tree.
    #[arg(long, env = "GATEWAY_GRAPHIQL_DIR")]
    pub graphiql_dir: Option<std::path::PathBuf>,

    /// Suggest field names in validation errors; default from the profile.
    #[arg(long, env = "GATEWAY_SUGGESTIONS")]
    pub suggestions: Option<bool>,

    /// Deepest nesting of a query (`QUERY_TOO_DEEP` beyond).
    #[arg(long, env = "GATEWAY_MAX_DEPTH", default_value_t = 20)]
    pub max_depth: usize,

    /// Most fields in a query (`QUERY_TOO_COMPLEX` beyond).
    #[arg(long, env = "GATEWAY_MAX_COMPLEXITY", default_value_t = 2000)]
    pub max_complexity: usize,

    /// Most values an answer may hold, lists multiplying what they contain
    /// (`QUERY_TOO_COSTLY` beyond; see `graphql/protection.rs`).
    #[arg(long, env = "GATEWAY_MAX_COST", default_value_t = 50_000)]
    pub max_cost: u64,

    /// Largest answer, serialized, in bytes (`RESPONSE_TOO_LARGE` beyond).
    #[arg(long, env = "GATEWAY_MAX_RESPONSE_BYTES", default_value_t = 8 * 1024 * 1024)]
    pub max_response_bytes: usize,

    /// Most aliases in a query (`TOO_MANY_ALIASES` beyond).
    #[arg(long, env = "GATEWAY_MAX_ALIASES", default_value_t = 50)]
    pub max_aliases: usize,

    /// Longest a request may run, in milliseconds (`TIMEOUT` beyond).
    #[arg(long, env = "GATEWAY_REQUEST_TIMEOUT_MS", default_value_t = 15_000)]
    pub request_timeout_ms: u64,

    /// Largest request body, in bytes (`REQUEST_TOO_LARGE`, HTTP 413, beyond).
    #[arg(long, env = "GATEWAY_MAX_BODY_BYTES", default_value_t = 64 * 1024)]
    pub max_body_bytes: usize,

    /// Longest a client may take to send a request's headers, in milliseconds; also how
    /// long an idle keep-alive connection is kept. The connection is closed beyond.
    #[arg(long, env = "GATEWAY_HEADER_TIMEOUT_MS", default_value_t = 10_000)]
    pub header_timeout_ms: u64,

    /// Longest a client may take to send a request's body, in milliseconds
    /// (`BODY_TIMEOUT`, HTTP 408, beyond).
    #[arg(long, env = "GATEWAY_BODY_TIMEOUT_MS", default_value_t = 10_000)]
    pub body_timeout_ms: u64,

    /// Most connections open at once; a connection beyond is closed as soon as it is
    /// accepted (and logged), so the ones in progress keep their share of the machine.
    #[arg(long, env = "GATEWAY_MAX_CONNECTIONS", default_value_t = 1024)]
    pub max_connections: usize,

    /// Bearer token that `GET /metrics` requires. Without one, the metrics are served to
    /// anyone in the development profile and to no one in production.
    #[arg(long, env = "GATEWAY_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,

    /// Secret that signs access tokens (32 bytes or more). Required with the production
    /// profile; in development a random one is made per process (sessions end on restart).
    #[arg(long, env = "GATEWAY_TOKEN_SECRET", hide_env_values = true)]
    pub token_secret: Option<String>,

    /// How long an access token lives, in seconds.
    #[arg(long, env = "GATEWAY_TOKEN_TTL_SECS", default_value_t = 8 * 3600)]
    pub token_ttl_secs: u64,

    /// Longest wait for a PostgreSQL connection, in milliseconds (connecting included):
    /// with the server down or unreachable, requests answer `DATABASE_UNAVAILABLE` (HTTP 503
    /// for a bearer token) after this long, and `/ready` 503. Requests work again as soon as
    /// the server is back.
    #[arg(long, env = "GATEWAY_DB_TIMEOUT_MS", default_value_t = 1500)]
    pub db_timeout_ms: u64,

    /// Origins allowed to call the API from a browser (CORS), comma-separated, e.g.
    /// `https://rial.example.org`. Empty: no cross-origin access.
    #[arg(long, env = "GATEWAY_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// Reverse proxies in front of the gateway, as comma-separated IP addresses (e.g.
    /// `10.0.0.5,10.0.0.6`). A request whose connection comes from one of them is counted (by
    /// the login throttle) against the address its `X-Forwarded-For` names: the rightmost
    /// entry that is not itself one of them. Empty: the header is ignored (anyone can write
    /// it), and the connection's address is the client's.
    #[arg(long, env = "GATEWAY_TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: IpList,
}

/// A comma-separated list of IP addresses; blanks around entries, and empty entries (an
/// empty variable), are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IpList(pub Vec<std::net::IpAddr>);

impl std::str::FromStr for IpList {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        text.split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                entry
                    .parse()
                    .map_err(|_| format!("`{entry}` is not an IP address"))
            })
            .collect::<Result<_, _>>()
            .map(IpList)
    }
}

/// Deployment profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Profile {
    /// Everything that helps a developer explore the API is on.
    Development,
    /// Nothing that maps the API for an attacker: introspection, GraphiQL, suggestions off.
    Production,
}

impl ServeArgs {
    /// The protection limits these options describe.
    pub fn protection(&self) -> crate::graphql::Protection {
        let exploring = self.profile == Profile::Development;
        crate::graphql::Protection {
            max_depth: self.max_depth,
            max_complexity: self.max_complexity,
            max_cost: self.max_cost,
            max_aliases: self.max_aliases,
            max_response_bytes: self.max_response_bytes,
            timeout: std::time::Duration::from_millis(self.request_timeout_ms),
            introspection: self.introspection.unwrap_or(exploring),
            suggestions: self.suggestions.unwrap_or(exploring),
        }
    }

    /// How the database pool is opened: PostgreSQL connections waited for at most
    /// `db_timeout_ms`; SQLite writes wait for other processes' writes as long as the defaults
    /// say (`rial_schema::db`).
    pub fn database(&self) -> rial_schema::DbOptions {
        rial_schema::DbOptions {
            acquire_timeout: std::time::Duration::from_millis(self.db_timeout_ms),
            ..rial_schema::DbOptions::default()
        }
    }

    /// Whether GraphiQL is served.
    pub fn graphiql(&self) -> bool {
        self.graphiql
            .unwrap_or(self.profile == Profile::Development)
    }
}

#[cfg(test)]
mod tests {
    use rial_server::cli::documented::{quoted_between, subcommands, synopsis_commands};

    use super::IpList;

    #[test]
    fn the_subcommands_documented_are_those_of_the_binary() {
        let cli = <super::Cli as clap::CommandFactory>::command();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let architecture = std::fs::read_to_string(format!("{root}/ARCHITECTURE.md")).unwrap();
        let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
        let declared = subcommands(&cli);
        assert!(declared.len() >= 6, "{declared:?}");
        assert_eq!(
            quoted_between(&architecture, "- `lib.rs` — subcommands (", "declared in"),
            declared,
            "ARCHITECTURE.md's gateway `lib.rs` entry"
        );
        assert_eq!(
            synopsis_commands(&readme, "gateway [--database-url"),
            declared,
            "README.md's synopsis of the gateway binary"
        );
        let i18n = cli.find_subcommand("i18n").expect("`gateway i18n`");
        let mut documented: Vec<String> = quoted_between(&architecture, "- `i18n.rs` — ", ";")
            .concat()
            .trim_start_matches("gateway i18n ")
            .split(" | ")
            .map(str::to_owned)
            .collect();
        documented.sort();
        assert_eq!(
            documented,
            subcommands(i18n),
            "ARCHITECTURE.md's `i18n.rs` entry"
        );
    }

    #[test]
    fn ip_lists_ignore_blanks_and_name_what_is_wrong() {
        assert_eq!("".parse::<IpList>(), Ok(IpList(Vec::new())));
        let list: IpList = " 10.0.0.5, ::1,".parse().unwrap();
        assert_eq!(
            list.0,
            [
                "10.0.0.5".parse::<std::net::IpAddr>().unwrap(),
                "::1".parse().unwrap()
            ]
        );
        assert_eq!(
            "10.0.0.5,proxy.internal".parse::<IpList>(),
            Err("`proxy.internal` is not an IP address".to_owned())
        );
    }
}
