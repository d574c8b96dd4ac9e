//! The `portal` binary: parses the settings, sets up logging, serves (see `web::run`).

use clap::Parser;

#[global_allocator]
static ALLOCATOR: rial_server::Allocator = rial_server::Allocator;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    web::run(web::config::Config::parse()).await
}
