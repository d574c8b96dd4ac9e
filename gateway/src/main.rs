//! `gateway` binary: parses the command line, sets up logs and traces
//! ([`rial_server::telemetry`]) and hands over to [`gateway::run`].

use clap::Parser;

#[global_allocator]
static ALLOCATOR: rial_server::Allocator = rial_server::Allocator;

fn main() -> std::process::ExitCode {
    let cli = gateway::config::Cli::parse();
    // Before the runtime: the span exporter's HTTP client blocks, and flushes at the end.
    let telemetry = rial_server::telemetry::init("gateway", &cli.telemetry);
    let result = tokio::runtime::Runtime::new()
        .map_err(anyhow::Error::from)
        .and_then(|runtime| runtime.block_on(gateway::run(cli)));
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
