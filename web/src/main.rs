//! The `portal` binary: parses the settings and serves (see `web::run`) through
//! [`rial_server::telemetry::main`] (logs, traces, runtime, exit code), as the gateway does.

use clap::Parser;

#[global_allocator]
static ALLOCATOR: rial_server::Allocator = rial_server::Allocator;

fn main() -> std::process::ExitCode {
    let cli = web::config::Config::parse();
    let telemetry = cli.telemetry.clone();
    rial_server::telemetry::main("portal", &telemetry, web::run(cli))
}
