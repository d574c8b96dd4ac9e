//! `gateway` binary: parses the command line and hands over to [`gateway::run`] through
//! [`rial_server::telemetry::main`] (logs, traces, runtime, exit code).

use clap::Parser;

#[global_allocator]
static ALLOCATOR: rial_server::Allocator = rial_server::Allocator;

fn main() -> std::process::ExitCode {
    let cli = gateway::config::Cli::parse();
    let telemetry = cli.telemetry.clone();
    rial_server::telemetry::main("gateway", &telemetry, gateway::run(cli))
}
