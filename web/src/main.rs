//! The `portal` binary: parses the settings, sets up logs and traces
//! ([`rial_server::telemetry`], as the gateway does) and serves (see `web::run`).

use clap::Parser;

#[global_allocator]
static ALLOCATOR: rial_server::Allocator = rial_server::Allocator;

fn main() -> std::process::ExitCode {
    let config = web::config::Config::parse();
    // Before the runtime: the span exporter's HTTP client blocks, and flushes at the end.
    let telemetry = rial_server::telemetry::init("portal", &config.telemetry);
    let result = tokio::runtime::Runtime::new()
        .map_err(anyhow::Error::from)
        .and_then(|runtime| runtime.block_on(web::run(config)));
    let code = match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error:#}");
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    };
    telemetry.shutdown();
    code
}
