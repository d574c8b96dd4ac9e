//! `search-indexer` binary: parses the command line, sets up logs and traces
//! ([`rial_server::telemetry`]) and hands over to [`search_indexer::run`].

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = search_indexer::config::Cli::parse();
    // Before the runtime: the span exporter's HTTP client blocks, and flushes at the end.
    let telemetry = rial_server::telemetry::init("search-indexer", &cli.telemetry);
    let result = tokio::runtime::Runtime::new()
        .map_err(anyhow::Error::from)
        .and_then(|runtime| runtime.block_on(search_indexer::run(cli)));
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
