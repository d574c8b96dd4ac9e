//! A throwaway PostgreSQL server on loopback, for tests and benchmarks.
//!
//! Uses Debian's `postgresql` package, installing it with apt-get when no server binaries
//! are found. The cluster lives in a fresh temporary folder with trust authentication on
//! 127.0.0.1 only, on a free port, and is stopped and deleted when [`Server`] is dropped.
//! PostgreSQL refuses to run as root, so under root the cluster is owned by and run as the
//! `postgres` user the package creates.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// A running server; stopped on drop.
pub struct Server {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    as_postgres_user: bool,
}

impl Server {
    /// Installs (if needed), initialises and starts a server.
    pub fn start() -> Result<Self> {
        Self::start_with(&[])
    }

    /// [`Server::start`] with extra server settings (`name=value`, each passed as `-c`).
    pub fn start_with(settings: &[&str]) -> Result<Self> {
        let bin = match find_bin_dir() {
            Some(bin) => bin,
            None => {
                crate::apt::install("postgresql")?;
                find_bin_dir()
                    .context("PostgreSQL was installed but its binaries were not found")?
            }
        };
        let as_postgres_user = crate::apt::is_root();
        let data = std::env::temp_dir().join(format!("rial-pg-{}", std::process::id()));
        if data.exists() {
            std::fs::remove_dir_all(&data).ok();
        }
        std::fs::create_dir_all(&data)?;
        if as_postgres_user {
            run(
                "chown",
                &["-R", "postgres:postgres", &data.to_string_lossy()],
            )?;
        }
        let port = free_port()?;
        let server = Server {
            bin,
            data,
            port,
            as_postgres_user,
        };
        let data_dir = server.data.to_string_lossy().into_owned();
        let cluster = server.data.join("cluster").to_string_lossy().into_owned();
        server.pg(
            "initdb",
            &[
                "-D",
                &cluster,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
            ],
        )?;
        let mut options = format!("-c listen_addresses=127.0.0.1 -p {port} -k {data_dir} -c fsync=off -c max_connections=200");
        for setting in settings {
            options.push_str(" -c ");
            options.push_str(setting);
        }
        let log = server
            .data
            .join("server.log")
            .to_string_lossy()
            .into_owned();
        server.pg(
            "pg_ctl",
            &["-D", &cluster, "-o", &options, "-l", &log, "-w", "start"],
        )?;
        Ok(server)
    }

    /// Superuser URL of the `postgres` database.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// A client program of this server's version (`psql`, `pgbench`).
    pub fn tool(&self, name: &str) -> PathBuf {
        self.bin.join(name)
    }

    /// The cluster's data directory (where a relative `log_directory` points into).
    pub fn cluster_dir(&self) -> PathBuf {
        self.data.join("cluster")
    }

    fn pg(&self, tool: &str, args: &[&str]) -> Result<()> {
        let tool = self.bin.join(tool).to_string_lossy().into_owned();
        if self.as_postgres_user {
            let mut full = vec!["-u", "postgres", "--", tool.as_str()];
            full.extend(args);
            run("runuser", &full)
        } else {
            run(&tool, args)
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let cluster = self.data.join("cluster").to_string_lossy().into_owned();
        let _ = self.pg("pg_ctl", &["-D", &cluster, "-m", "fast", "-w", "stop"]);
        let _ = std::fs::remove_dir_all(&self.data);
    }
}

fn run(program: &str, args: &[&str]) -> Result<()> {
    let output = Command::new(program)
        .args(args)
        .output()
        .with_context(|| format!("starting `{program}`"))?;
    if !output.status.success() {
        bail!(
            "`{program} {}` failed: {}{}",
            args.join(" "),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(())
}

/// Debian keeps server binaries in /usr/lib/postgresql/<major>/bin; prefer the newest.
fn find_bin_dir() -> Option<PathBuf> {
    let base = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(base)
        .ok()?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let major = entry.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((major, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
