//! A progress bar on a terminal, one log line per step elsewhere (CI logs stay readable).

use std::io::{IsTerminal, Write};
use std::time::Instant;

/// Progress of a known amount of work.
pub struct Progress {
    label: String,
    total: u64,
    done: u64,
    started: Instant,
    terminal: bool,
}

impl Progress {
    /// Starts counting `total` units of `label`.
    pub fn new(label: &str, total: u64) -> Self {
        Progress {
            label: label.to_owned(),
            total,
            done: 0,
            started: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// Adds `units` of finished work and redraws.
    pub fn advance(&mut self, units: u64) {
        self.done += units;
        if self.terminal {
            const WIDTH: u64 = 30;
            let filled = (self.done * WIDTH)
                .checked_div(self.total)
                .unwrap_or(WIDTH)
                .min(WIDTH);
            let bar: String = (0..WIDTH)
                .map(|i| if i < filled { '#' } else { '-' })
                .collect();
            eprint!(
                "\r{} [{bar}] {}/{} ({:.0}/s)   ",
                self.label,
                self.done,
                self.total,
                self.rate()
            );
            std::io::stderr().flush().ok();
        }
    }

    /// Units per second so far.
    pub fn rate(&self) -> f64 {
        self.done as f64 / self.started.elapsed().as_secs_f64().max(1e-9)
    }

    /// Ends the bar (a newline on a terminal, a summary line in the log).
    pub fn finish(&self) {
        if self.terminal {
            eprintln!();
        }
        tracing::info!(
            step = %self.label,
            units = self.done,
            seconds = self.started.elapsed().as_secs_f64(),
            per_second = self.rate(),
            "done"
        );
    }
}
