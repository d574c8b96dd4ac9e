//! Prometheus metrics, hand-written and shared by the gateway and the indexer: counters,
//! fixed-bucket histograms, labelled families of either, and the text exposition format
//! 0.0.4 that `GET /metrics` serves.
//!
//! Recording is a few relaxed atomic adds: no lock and no allocation on the hot path. A
//! labelled series is found in a fixed table of slots by hashing its label values; a slot is
//! claimed once (a `OnceLock`), then read without locking. The table is bounded, so label
//! values a client chooses (GraphQL operation names) cannot grow memory: when it is full,
//! new combinations share one series whose labels all read `other`.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

/// The `Content-Type` of the exposition format.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// A monotonically increasing count.
#[derive(Debug, Default)]
pub struct Counter(AtomicU64);

impl Counter {
    /// A counter at zero (usable in a `static`).
    pub const fn new() -> Self {
        Counter(AtomicU64::new(0))
    }

    /// Adds one.
    pub fn inc(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }

    /// Adds `n`.
    pub fn add(&self, n: u64) {
        self.0.fetch_add(n, Ordering::Relaxed);
    }

    /// The count.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Upper bounds, in seconds, of the latency histograms' buckets (`+Inf` is implied).
pub const LATENCY_BUCKETS: [f64; 14] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// A latency histogram over [`LATENCY_BUCKETS`]: per-bucket counts (not cumulative; the
/// exposition sums them), the count and the sum in microseconds.
#[derive(Debug, Default)]
pub struct Histogram {
    buckets: [AtomicU64; LATENCY_BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
}

impl Histogram {
    /// Records one observation.
    pub fn observe(&self, elapsed: Duration) {
        let seconds = elapsed.as_secs_f64();
        if let Some(bucket) = LATENCY_BUCKETS.iter().position(|bound| seconds <= *bound) {
            self.buckets[bucket].fetch_add(1, Ordering::Relaxed);
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX);
        self.sum_micros.fetch_add(micros, Ordering::Relaxed);
    }

    /// Observations so far.
    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}

/// Series kept per family before new label combinations share the `other` series.
pub const FAMILY_SLOTS: usize = 128;

/// One series of a [`Family`]: its label values (set once, when claimed) and its metric.
type Slot<M, const L: usize> = (OnceLock<[Box<str>; L]>, M);

/// A metric per combination of `L` label values, in a bounded table.
pub struct Family<M, const L: usize> {
    slots: Box<[Slot<M, L>]>,
    other: M,
}

impl<M: Default, const L: usize> Default for Family<M, L> {
    fn default() -> Self {
        Family {
            slots: (0..FAMILY_SLOTS)
                .map(|_| (OnceLock::new(), M::default()))
                .collect(),
            other: M::default(),
        }
    }
}

impl<M, const L: usize> std::fmt::Debug for Family<M, L> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let used = self
            .slots
            .iter()
            .filter(|(key, _)| key.get().is_some())
            .count();
        f.debug_struct("Family").field("series", &used).finish()
    }
}

impl<M, const L: usize> Family<M, L> {
    /// The series of these label values, made on first use.
    pub fn get(&self, values: [&str; L]) -> &M {
        let start = hash(&values) as usize % self.slots.len();
        for offset in 0..self.slots.len() {
            let (key, metric) = &self.slots[(start + offset) % self.slots.len()];
            let key = key.get_or_init(|| values.map(Box::from));
            if key.iter().map(AsRef::as_ref).eq(values.iter().copied()) {
                return metric;
            }
        }
        &self.other
    }

    /// Every series in use: its label values and metric (the `other` series last, with its
    /// labels all `other`, when anything reached it).
    fn series(&self) -> impl Iterator<Item = ([&str; L], &M)> {
        self.slots
            .iter()
            .filter_map(|(key, metric)| {
                key.get()
                    .map(|key| (key.each_ref().map(AsRef::as_ref), metric))
            })
            .chain(
                self.slots
                    .iter()
                    .all(|(key, _)| key.get().is_some())
                    .then_some((["other"; L], &self.other)),
            )
    }
}

/// FNV-1a over the label values (with a separator), for the slot to start looking at.
fn hash<const L: usize>(values: &[&str; L]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for value in values {
        for byte in value.bytes().chain(std::iter::once(0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The text exposition being written: one `# HELP`/`# TYPE` header per metric, then its
/// samples.
#[derive(Debug, Default)]
pub struct Exposition {
    text: String,
}

impl Exposition {
    /// An empty exposition.
    pub fn new() -> Self {
        Self::default()
    }

    /// The text to serve.
    pub fn finish(self) -> String {
        self.text
    }

    fn header(&mut self, name: &str, kind: &str, help: &str) {
        let _ = writeln!(self.text, "# HELP {name} {}", escape_help(help));
        let _ = writeln!(self.text, "# TYPE {name} {kind}");
    }

    fn sample(&mut self, name: &str, labels: &[(&str, &str)], value: impl std::fmt::Display) {
        self.text.push_str(name);
        if !labels.is_empty() {
            self.text.push('{');
            for (index, (label, value)) in labels.iter().enumerate() {
                if index > 0 {
                    self.text.push(',');
                }
                let _ = write!(self.text, "{label}=\"{}\"", escape_label(value));
            }
            self.text.push('}');
        }
        let _ = writeln!(self.text, " {value}");
    }

    /// A counter without labels.
    pub fn counter(&mut self, name: &str, help: &str, value: u64) {
        self.header(name, "counter", help);
        self.sample(name, &[], value);
    }

    /// A counter with one fixed set of series (`(label values, value)`).
    pub fn counters<const L: usize>(
        &mut self,
        name: &str,
        help: &str,
        labels: [&str; L],
        series: &[([&str; L], u64)],
    ) {
        self.header(name, "counter", help);
        for (values, value) in series {
            let pairs: Vec<(&str, &str)> =
                labels.iter().copied().zip(values.iter().copied()).collect();
            self.sample(name, &pairs, value);
        }
    }

    /// A gauge without labels.
    pub fn gauge(&mut self, name: &str, help: &str, value: impl std::fmt::Display) {
        self.header(name, "gauge", help);
        self.sample(name, &[], value);
    }

    /// A gauge with one fixed set of series.
    pub fn gauges<const L: usize>(
        &mut self,
        name: &str,
        help: &str,
        labels: [&str; L],
        series: &[([&str; L], f64)],
    ) {
        self.header(name, "gauge", help);
        for (values, value) in series {
            let pairs: Vec<(&str, &str)> =
                labels.iter().copied().zip(values.iter().copied()).collect();
            self.sample(name, &pairs, value);
        }
    }

    /// A family of counters.
    pub fn counter_family<const L: usize>(
        &mut self,
        name: &str,
        help: &str,
        labels: [&str; L],
        family: &Family<Counter, L>,
    ) {
        self.header(name, "counter", help);
        for (values, counter) in family.series() {
            let pairs: Vec<(&str, &str)> = labels.iter().copied().zip(values).collect();
            self.sample(name, &pairs, counter.get());
        }
    }

    /// A histogram without labels.
    pub fn histogram(&mut self, name: &str, help: &str, histogram: &Histogram) {
        self.header(name, "histogram", help);
        self.histogram_samples(name, &[], histogram);
    }

    /// A family of histograms.
    pub fn histogram_family<const L: usize>(
        &mut self,
        name: &str,
        help: &str,
        labels: [&str; L],
        family: &Family<Histogram, L>,
    ) {
        self.header(name, "histogram", help);
        for (values, histogram) in family.series() {
            let pairs: Vec<(&str, &str)> = labels.iter().copied().zip(values).collect();
            self.histogram_samples(name, &pairs, histogram);
        }
    }

    fn histogram_samples(&mut self, name: &str, labels: &[(&str, &str)], histogram: &Histogram) {
        // Read the count first: buckets observed after it only make `+Inf` lag, never a
        // bucket exceed the count.
        let count = histogram.count.load(Ordering::Relaxed);
        let bucket_name = format!("{name}_bucket");
        let mut cumulative = 0;
        for (bound, bucket) in LATENCY_BUCKETS.iter().zip(&histogram.buckets) {
            cumulative += bucket.load(Ordering::Relaxed);
            let le = bound.to_string();
            let mut pairs = labels.to_vec();
            pairs.push(("le", &le));
            self.sample(&bucket_name, &pairs, cumulative.min(count));
        }
        let mut pairs = labels.to_vec();
        pairs.push(("le", "+Inf"));
        self.sample(&bucket_name, &pairs, count);
        let sum = histogram.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        self.sample(&format!("{name}_sum"), labels, sum);
        self.sample(&format!("{name}_count"), labels, count);
    }
}

fn escape_label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn escape_help(value: &str) -> String {
    value.replace('\\', "\\\\").replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_are_cumulative_with_sum_and_count() {
        let histogram = Histogram::default();
        histogram.observe(Duration::from_micros(500));
        histogram.observe(Duration::from_millis(20));
        histogram.observe(Duration::from_secs(100));
        let mut out = Exposition::new();
        out.histogram("x_seconds", "X.", &histogram);
        let text = out.finish();
        assert!(text.contains("# TYPE x_seconds histogram\n"), "{text}");
        assert!(
            text.contains("x_seconds_bucket{le=\"0.001\"} 1\n"),
            "{text}"
        );
        assert!(
            text.contains("x_seconds_bucket{le=\"0.025\"} 2\n"),
            "{text}"
        );
        assert!(text.contains("x_seconds_bucket{le=\"30\"} 2\n"), "{text}");
        assert!(text.contains("x_seconds_bucket{le=\"+Inf\"} 3\n"), "{text}");
        assert!(text.contains("x_seconds_count 3\n"), "{text}");
        assert!(text.contains("x_seconds_sum 100.0205\n"), "{text}");
    }

    #[test]
    fn families_keep_series_apart_and_overflow_into_other() {
        let family: Family<Counter, 2> = Family::default();
        family.get(["a", "OK"]).inc();
        family.get(["a", "OK"]).inc();
        family.get(["a", "INTERNAL"]).inc();
        assert_eq!(family.get(["a", "OK"]).get(), 2);
        assert_eq!(family.get(["a", "INTERNAL"]).get(), 1);
        for n in 0..FAMILY_SLOTS {
            family.get([&format!("op{n}"), "OK"]).inc();
        }
        assert_eq!(family.get(["a", "OK"]).get(), 2, "kept once full");
        let mut out = Exposition::new();
        out.counter_family("c_total", "C.", ["operation", "code"], &family);
        let text = out.finish();
        assert!(
            text.contains("c_total{operation=\"a\",code=\"OK\"} 2\n"),
            "{text}"
        );
        assert!(
            text.contains("c_total{operation=\"other\",code=\"other\"} 2\n"),
            "{text}"
        );
    }

    #[test]
    fn label_values_are_escaped() {
        let family: Family<Counter, 1> = Family::default();
        family.get(["say \"hi\"\\\n"]).inc();
        let mut out = Exposition::new();
        out.counter_family("c_total", "C.", ["v"], &family);
        assert!(out
            .finish()
            .contains("c_total{v=\"say \\\"hi\\\"\\\\\\n\"} 1\n"));
    }
}
