//! The live localization catalog: loaded at start, swapped atomically when `locales/`
//! changes, and kept as it was when a change is broken. The gateway serves from it; the
//! search indexer subscribes to it to re-index what a translation changed.
//!
//! Changes are found by polling file names, sizes and modification times (every second by
//! default): no extra dependency, and it works on every filesystem, containers included.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use tokio::sync::watch;

use super::{Catalog, CatalogError};

/// The catalog in force, shared by every request.
pub struct LiveCatalog {
    dir: Option<PathBuf>,
    current: watch::Sender<Arc<Catalog>>,
    /// Reloads tried, and those that failed (the files were broken): for `/metrics`.
    reloads: AtomicU64,
    reload_failures: AtomicU64,
}

/// What identifies the state of the locale files.
type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

impl LiveCatalog {
    /// Loads `dir`; fails (with every problem located) when the files are broken at start.
    pub fn load(dir: &Path) -> Result<Self, CatalogError> {
        Ok(LiveCatalog {
            dir: Some(dir.to_owned()),
            current: watch::Sender::new(Arc::new(Catalog::load(dir)?)),
            reloads: AtomicU64::new(0),
            reload_failures: AtomicU64::new(0),
        })
    }

    /// A catalog with no messages, for tests that do not care about translations.
    pub fn empty() -> Self {
        LiveCatalog {
            dir: None,
            current: watch::Sender::new(Arc::new(Catalog::empty())),
            reloads: AtomicU64::new(0),
            reload_failures: AtomicU64::new(0),
        }
    }

    /// The catalog in force. Readers keep the one they got for the whole request.
    pub fn current(&self) -> Arc<Catalog> {
        self.current.borrow().clone()
    }

    /// A receiver told of every catalog swapped in.
    pub fn subscribe(&self) -> watch::Receiver<Arc<Catalog>> {
        self.current.subscribe()
    }

    /// Loads the files again; swaps the catalog in only when they are all valid.
    pub fn reload(&self) -> Result<(), CatalogError> {
        let Some(dir) = &self.dir else { return Ok(()) };
        self.reloads.fetch_add(1, Ordering::Relaxed);
        let catalog = match Catalog::load(dir) {
            Ok(catalog) => Arc::new(catalog),
            Err(error) => {
                self.reload_failures.fetch_add(1, Ordering::Relaxed);
                return Err(error);
            }
        };
        self.current.send_replace(catalog);
        Ok(())
    }

    /// Reloads tried since start, and how many of them failed (broken files, the catalog
    /// in force kept).
    pub fn reload_counts(&self) -> (u64, u64) {
        (
            self.reloads.load(Ordering::Relaxed),
            self.reload_failures.load(Ordering::Relaxed),
        )
    }

    fn fingerprint(&self) -> Fingerprint {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let mut files = Vec::new();
        for language in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            for file in std::fs::read_dir(language.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if let Ok(metadata) = file.metadata() {
                    files.push((file.path(), metadata.len(), metadata.modified().ok()));
                }
            }
        }
        files.sort();
        files
    }

    /// Watches the folder in the background and reloads on change. A broken change is
    /// logged with file, line and column, and the last good catalog keeps serving.
    pub fn watch(self: &Arc<Self>, every: Duration) -> tokio::task::JoinHandle<()> {
        let live = Arc::clone(self);
        tokio::spawn(async move {
            let mut seen = live.fingerprint();
            let mut ticker = tokio::time::interval(every);
            ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
            loop {
                ticker.tick().await;
                let now = live.fingerprint();
                if now == seen {
                    continue;
                }
                seen = now;
                match live.reload() {
                    Ok(()) => tracing::info!("locale files changed: catalog reloaded"),
                    Err(error) => {
                        for problem in &error.0 {
                            tracing::error!(
                                file = %problem.file.display(),
                                line = problem.line,
                                column = problem.column,
                                "locale file rejected, the previous catalog keeps serving: {}",
                                problem.message
                            );
                        }
                    }
                }
            }
        })
    }
}
