//! `search-indexer` binary: parses the command line and hands over to
//! [`search_indexer::run`] through [`rial_server::telemetry::main`] (logs, traces, runtime,
//! exit code).

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = search_indexer::config::Cli::parse();
    let telemetry = cli.telemetry.clone();
    rial_server::telemetry::main("search-indexer", &telemetry, search_indexer::run(cli))
}
