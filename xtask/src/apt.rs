//! Installing missing tools from Debian's packages (PostgreSQL, Chromium and its WebDriver
//! for the tests, wrk for the benchmark), so a fresh Debian machine or container needs nothing but cargo.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

/// Installs one Debian package with apt-get (through sudo unless already root).
pub fn install(package: &str) -> Result<()> {
    install_together(&[package])
}

/// Installs Debian packages in one `apt-get install`, so packages that must match (the
/// browser and its driver) come from the same archive state.
pub fn install_together(packages: &[&str]) -> Result<()> {
    eprintln!("installing Debian's {} package(s)…", packages.join(", "));
    let sudo: &[&str] = if is_root() { &[] } else { &["sudo"] };
    let apt = |args: &[&str]| -> Result<()> {
        let mut full: Vec<&str> = sudo.to_vec();
        full.push("apt-get");
        full.extend(args);
        let status = Command::new(full[0])
            .args(&full[1..])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .context("running apt-get")?;
        if !status.success() {
            bail!("apt-get {} failed", args.join(" "));
        }
        Ok(())
    };
    apt(&["update", "-q"])?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}

/// Whether `program` is an executable file in one of the `PATH` directories.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| is_executable(&dir.join(program)))
    })
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

/// Whether this process runs as root (apt-get needs no sudo; PostgreSQL refuses to run).
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false)
}
