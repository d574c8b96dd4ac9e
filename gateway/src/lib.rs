//! The RIAL/GENDER GraphQL gateway.
//!
//! Start reading at [`run`], which dispatches the CLI's subcommands; the API itself is in
//! [`graphql`] (schema, types, loaders, pagination) and is served by [`http`]; mutations
//! write through [`database::in_transaction`].

pub mod auth;
pub mod config;
pub mod database;
pub mod error;
pub mod graphiql;
pub mod graphql;
pub mod http;
pub mod i18n;
pub mod metrics;
pub mod search;

use std::sync::Arc;

use anyhow::Context as _;
use sea_orm::DatabaseConnection;

use config::{Cli, Command, ServeArgs};
use graphql::{Api, Limits};
use http::AppState;
use metrics::Metrics;
use rial_schema::l10n::live::LiveCatalog;

/// Runs the subcommand the CLI asked for.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let seed_dir = cli
        .seed_dir
        .clone()
        .unwrap_or_else(rial_schema::seed::default_seed_dir);
    // `serve`'s environment is read only when serving: a bad serve option does not stop
    // `gateway user add`.
    let command = match cli.command {
        Some(command) => command,
        None => Command::Serve(Box::new(ServeArgs::default_from_env()?)),
    };
    match command {
        Command::Serve(args) => {
            let locales_dir = cli.locales.dir();
            serve(&cli.database.url, &seed_dir, &locales_dir, *args).await
        }
        Command::Migrate => {
            let db = open(&cli.database.url, None).await?;
            rial_schema::migrate(&db)
                .await
                .context("applying migrations")?;
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::Seed { scale } => {
            let db = open(&cli.database.url, None).await?;
            rial_schema::migrate(&db)
                .await
                .context("applying migrations")?;
            seed(&db, &seed_dir).await?;
            if let Some(programs) = scale {
                let started = std::time::Instant::now();
                let outcome = rial_schema::synthetic::generate(&db, programs)
                    .await
                    .with_context(|| {
                        format!("generating the synthetic dataset of scale {programs}")
                    })?;
                tracing::info!(
                    ?outcome,
                    elapsed_ms = started.elapsed().as_millis() as u64,
                    "synthetic dataset"
                );
            }
            Ok(())
        }
        Command::I18n(command) => {
            let locales_dir = cli.locales.dir();
            i18n_command(&cli.database.url, &locales_dir, command).await
        }
        Command::Sdl => {
            print!("{}", graphql::sdl());
            Ok(())
        }
        Command::User(command) => {
            if let config::UserCommand::Demo { profile } = &command {
                // Checked before the database is even opened.
                anyhow::ensure!(
                    *profile == config::Profile::Development,
                    "demo accounts are for local development only (GATEWAY_PROFILE is {profile:?})"
                );
            }
            let db = open(&cli.database.url, None).await?;
            rial_schema::migrate(&db)
                .await
                .context("applying migrations")?;
            let (username, password) = match command {
                config::UserCommand::Add {
                    username,
                    role,
                    member_id,
                } => {
                    let password = auth::add_user(&db, &username, role.into(), member_id).await?;
                    (username, password)
                }
                config::UserCommand::ResetPassword { username } => {
                    let password = auth::reset_password(&db, &username).await?;
                    (username, password)
                }
                config::UserCommand::Demo { .. } => {
                    let created = auth::add_demo_users(&db).await?;
                    if created.is_empty() {
                        println!("demo accounts exist already (gateway user reset-password --username … gives a new password)");
                    }
                    for (username, what, password) in created {
                        // Shown once, on stdout only; nothing stores it but as a hash.
                        println!("demo account for {what}\n  username: {username}\n  password: {password}");
                    }
                    return Ok(());
                }
            };
            // Shown once, on stdout only; nothing stores it but as a hash.
            println!(
                "username: {}\npassword: {password}",
                username.trim().to_lowercase()
            );
            Ok(())
        }
    }
}

impl ServeArgs {
    /// `serve`'s options when no subcommand is given (flags of `serve` itself are then absent,
    /// so only the environment applies).
    fn default_from_env() -> anyhow::Result<Self> {
        use clap::Parser;
        #[derive(Parser)]
        struct Env {
            #[command(flatten)]
            args: ServeArgs,
        }
        Ok(Env::try_parse_from(["gateway"])?.args)
    }
}

async fn seed(db: &DatabaseConnection, dir: &std::path::Path) -> anyhow::Result<()> {
    let seeds = rial_schema::seed::SeedSet::read_dir(dir)
        .with_context(|| format!("reading the seed files in {}", dir.display()))?;
    let report = seeds.apply(db).await.context("loading the seed files")?;
    if report.is_noop() {
        tracing::info!("seed: database already up to date");
    } else {
        tracing::info!(inserted = ?report.inserted, updated = ?report.updated, "seed applied");
    }
    Ok(())
}

/// Connects with the default options, optionally counting every SQL statement into `metrics`.
pub async fn open(url: &str, metrics: Option<Arc<Metrics>>) -> anyhow::Result<DatabaseConnection> {
    open_with(url, rial_schema::DbOptions::default(), metrics).await
}

/// Connects with `options`, optionally counting every SQL statement into `metrics`.
pub async fn open_with(
    url: &str,
    options: rial_schema::DbOptions,
    metrics: Option<Arc<Metrics>>,
) -> anyhow::Result<DatabaseConnection> {
    let mut db = rial_schema::connect_with(url, options)
        .await
        .with_context(|| format!("connecting to {}", redact(url)))?;
    if let Some(metrics) = metrics {
        let system = match sea_orm::ConnectionTrait::get_database_backend(&db) {
            sea_orm::DatabaseBackend::Postgres => "postgresql",
            sea_orm::DatabaseBackend::Sqlite => "sqlite",
            sea_orm::DatabaseBackend::MySql => "mysql",
        };
        db.set_metric_callback(move |info| {
            metrics.sql_statements.inc();
            if info.failed {
                metrics.sql_failures.inc();
            }
            // A child span of the request (or sync round) when spans are exported.
            rial_server::telemetry::sql_statement(
                system,
                &info.statement.sql,
                info.elapsed,
                info.failed,
            );
        });
    }
    Ok(db)
}

/// The URL without its password, for logs and errors.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            let user = credentials.split(':').next().unwrap_or_default();
            format!("{}://{user}:***@{}", &url[..scheme], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

/// Runs one of the Secretariat's tools; `check` fails the process when it finds problems.
async fn i18n_command(
    database_url: &str,
    locales_dir: &std::path::Path,
    command: config::I18nCommand,
) -> anyhow::Result<()> {
    use rial_schema::l10n::Catalog;
    let catalog = match Catalog::load(locales_dir) {
        Ok(catalog) => catalog,
        Err(error) => {
            for problem in &error.0 {
                println!("{problem}");
            }
            anyhow::bail!("{} problem(s) in the locale files", error.0.len());
        }
    };
    let db = open(database_url, None).await?;
    rial_schema::migrate(&db)
        .await
        .context("applying migrations")?;
    let entries = i18n::inventory(&db)
        .await
        .context("reading the translatable entities")?;
    // A fresh checkout's default database is created empty: without this, `check` would
    // call every message of the locale files one for an unknown entity.
    anyhow::ensure!(
        !entries.is_empty(),
        "the database {} holds no entries to translate: load the network's data with          `gateway seed`, or point DATABASE_URL (--database-url) at the deployment's database",
        redact(database_url)
    );
    i18n::remember(&db, &entries)
        .await
        .context("recording the source texts")?;
    match command {
        config::I18nCommand::Check => {
            let problems = i18n::check(&catalog, &entries);
            for problem in &problems {
                println!("{problem}");
            }
            if !problems.is_empty() {
                anyhow::bail!("{} problem(s) in the locale files", problems.len());
            }
            println!(
                "locale files OK: {} files, {} entities checked",
                catalog.files().len(),
                entries.len()
            );
        }
        config::I18nCommand::Coverage { json } => {
            let rows = i18n::coverage(&catalog, &entries);
            if json {
                println!("{}", serde_json::to_string_pretty(&rows)?);
            } else {
                print!("{}", i18n::coverage_table(&rows));
            }
        }
        config::I18nCommand::Missing { locale, output } => {
            let language = match locale.as_str() {
                "en" => rial_schema::enums::Language::En,
                "es" => rial_schema::enums::Language::Es,
                other => anyhow::bail!("unknown locale `{other}`: use `en` or `es`"),
            };
            let history = i18n::history(&db)
                .await
                .context("reading the recorded source texts")?;
            let stub = i18n::missing(&catalog, &entries, language, &history);
            match output {
                Some(path) => std::fs::write(&path, stub)
                    .with_context(|| format!("writing {}", path.display()))?,
                None => print!("{stub}"),
            }
        }
        config::I18nCommand::Stamp => {
            let stamped = i18n::stamp(&catalog, &entries);
            for file in &stamped {
                std::fs::write(&file.path, &file.text)
                    .with_context(|| format!("writing {}", file.path.display()))?;
                println!(
                    "{}: {} fingerprint(s) added",
                    file.path.display(),
                    file.added
                );
            }
            println!(
                "{} fingerprint(s) added in {} file(s)",
                stamped.iter().map(|file| file.added).sum::<usize>(),
                stamped.len()
            );
        }
    }
    Ok(())
}

/// Serves the API until Ctrl-C / SIGTERM.
async fn serve(
    database_url: &str,
    seed_dir: &std::path::Path,
    locales_dir: &std::path::Path,
    args: ServeArgs,
) -> anyhow::Result<()> {
    let metrics = Arc::new(Metrics::default());
    let db = open_with(database_url, args.database(), Some(metrics.clone())).await?;
    rial_schema::migrate(&db)
        .await
        .context("applying migrations")?;
    if args.seed {
        seed(&db, seed_dir).await?;
    }
    let catalog = Arc::new(
        LiveCatalog::load(locales_dir)
            .with_context(|| format!("loading the locale files in {}", locales_dir.display()))?,
    );
    if args.locales_poll_ms > 0 {
        catalog.watch(std::time::Duration::from_millis(args.locales_poll_ms));
    }
    let limits = Limits {
        max_page_size: args.max_page_size,
        ..Limits::default()
    };
    let search = match &args.meili_url {
        Some(url) => Some(
            search::SearchService::new(
                url,
                args.meili_search_key.as_deref(),
                &args.index_prefix.prefix,
                std::time::Duration::from_millis(args.search_timeout_ms),
            )
            .context("configuring search")?
            .with_metrics(metrics.clone()),
        ),
        None => {
            tracing::warn!("MEILI_URL is not set: `search` will answer SEARCH_UNAVAILABLE");
            None
        }
    };
    let auth = match (&args.token_secret, args.profile) {
        (Some(secret), _) => auth::Auth::new(
            secret.as_bytes(),
            std::time::Duration::from_secs(args.token_ttl_secs),
        )?,
        (None, config::Profile::Production) => anyhow::bail!(
            "GATEWAY_TOKEN_SECRET is required with the production profile (32 bytes or more)"
        ),
        (None, config::Profile::Development) => {
            tracing::warn!(
                "no GATEWAY_TOKEN_SECRET: a random one for this process; sessions end on restart"
            );
            auth::Auth::ephemeral(std::time::Duration::from_secs(args.token_ttl_secs))
        }
    };
    let state = AppState {
        api: Api::protected(db.clone(), limits, catalog, search, args.protection())
            .with_auth(Arc::new(auth)),
        db,
        metrics,
        http: http::HttpOptions {
            graphiql: args.graphiql(),
            graphiql_files: Arc::new(graphiql::GraphiQL::new(
                args.graphiql_dir
                    .clone()
                    .unwrap_or_else(graphiql::default_dir),
            )),
            max_body_bytes: args.max_body_bytes,
            cors_origins: args.cors_origins.clone(),
            body_timeout: std::time::Duration::from_millis(args.body_timeout_ms),
            metrics: match (&args.metrics_token, args.profile) {
                (Some(token), _) => http::MetricsAccess::Token(token.clone()),
                (None, config::Profile::Development) => http::MetricsAccess::Open,
                (None, config::Profile::Production) => http::MetricsAccess::Closed,
            },
            trusted_proxies: args.trusted_proxies.0.clone(),
        },
    };
    // Read GraphiQL's files now, so a missing installation shows in the log at start.
    if state.http.graphiql && state.http.graphiql_files.installed() {
        tracing::info!("GraphiQL's files read");
    }
    tracing::info!(profile = ?args.profile, graphiql = state.http.graphiql, introspection = state.api.protection.introspection, trusted_proxies = ?state.http.trusted_proxies, "protection");

    let (listener, local) = rial_server::bind(args.addr)
        .await
        .with_context(|| format!("binding {}", args.addr))?;
    let unix = args
        .unix_socket
        .as_deref()
        .map(|path| {
            rial_server::bind_unix(path)
                .map(|listener| (listener, path))
                .with_context(|| format!("binding the Unix socket {}", path.display()))
        })
        .transpose()?;
    // One machine-readable line on stdout: scripts and end-to-end tests wait for it (both
    // listeners are bound by then).
    println!("gateway listening on http://{local}");
    tracing::info!(%local, "serving GraphQL at /graphql");
    let limits = rial_server::ServerLimits {
        max_connections: args.max_connections,
        header_timeout: std::time::Duration::from_millis(args.header_timeout_ms),
        grace: std::time::Duration::from_secs(10),
    };
    let routes = Arc::new(http::routes(state));
    let tcp = rial_server::serve(
        listener,
        routes.clone(),
        limits,
        rial_schema::shutdown_signal(),
    );
    match unix {
        Some((unix, path)) => {
            tracing::info!(socket = %path.display(), "serving GraphQL at /graphql on a Unix socket too");
            let unix = rial_server::serve(unix, routes, limits, rial_schema::shutdown_signal());
            let (tcp, unix) = tokio::join!(tcp, unix);
            std::fs::remove_file(path).ok();
            tcp.and(unix)
        }
        None => tcp.await,
    }
    .context("serving HTTP")
}

#[cfg(test)]
mod tests {
    #[test]
    fn redact_hides_passwords_only() {
        assert_eq!(
            super::redact("postgres://rial:secret@127.0.0.1:5432/rial"),
            "postgres://rial:***@127.0.0.1:5432/rial"
        );
        assert_eq!(
            super::redact("sqlite://data/rial.db"),
            "sqlite://data/rial.db"
        );
    }
}
