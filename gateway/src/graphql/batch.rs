//! Batching without a timer: a request's loads go out level by level, and the keys that
//! concurrent requests ask one loader for go together in one statement.
//!
//! async-graphql's `DataLoader` waits a fixed 1 ms before each batch, on async-io's timer
//! thread. That wait is a floor on every level of a query on an idle gateway (one program
//! with its relations has four: 3.7 ms at p50, one request at a time), and it is also what
//! merged concurrent requests' keys under load: sending each request's loads at once
//! instead (measured) more than doubled the database's work per request and lost over a
//! quarter of the throughput. Here both hold without the wait:
//! - **Within a request** ([`batching`]): a load is held while any other load of the same
//!   request is still out, then all go at once. So a request runs in waves, one per level of
//!   its query, and each loader gets one batch per wave, whatever the timing: sibling
//!   branches whose parents came back at different moments still share a statement. The
//!   statements of a request depend on its query, not on the clock.
//! - **Across requests** ([`Batcher`]): a batch starts after one turn of the scheduler, so
//!   the requests ready to run meanwhile add their keys; and a loader runs one batch at a
//!   time, keys sent meanwhile going together in the next (as a database groups the commits
//!   that arrive during a flush). An idle gateway answers without delay; a busy one makes
//!   bigger batches, by itself. A batch has no bound on its keys: they are bound as one
//!   JSON array, not a parameter each, so it cannot outgrow the databases' limits.
//!
//! Each value goes to the field that asked for it without a copy, unless several asked.
//!
//! The [`Loader`] trait is the gateway's own (async-graphql's came with its `DataLoader`, which
//! is gone): its maps hash with foldhash, not SipHash, which was a tenth of the nested page's
//! CPU. The keys are row keys and page shapes the gateway builds itself, and the seed is
//! random per process.

use std::any::{Any, TypeId};
use std::future::Future;
use std::hash::Hash;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use sea_orm::DbErr;
use tokio::sync::oneshot;

/// Loader errors must be `Clone`: one failed statement fails every waiting field.
pub type LoadError = Arc<DbErr>;

/// What a batch found, by key.
pub type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type Set<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// Loads the values of many keys at once: one batch, one statement (or a fixed few).
pub trait Loader<K>: Send + Sync + 'static {
    /// Cloned when several fields asked for one key: make it cheap (an `Arc`).
    type Value: Send + Sync + Clone + 'static;

    /// The values of the keys found; a key not found is absent.
    fn load(
        &self,
        keys: &[K],
    ) -> impl Future<Output = Result<Map<K, Self::Value>, LoadError>> + Send;
}

type Task = Pin<Box<dyn std::future::Future<Output = ()> + Send>>;

/// Releases a held load into its loader's queue; gives the batch to start, when the loader
/// was idle.
type Release = Box<dyn FnOnce() -> Option<Task> + Send>;

/// The loads of the request being polled (see [`batching`]).
struct Request {
    /// Loads asked for and not yet sent.
    held: std::cell::RefCell<Vec<Release>>,
    /// Loads asked for and not yet answered (held or sent), counted by their [`Waiting`].
    open: Arc<AtomicUsize>,
}

tokio::task_local! {
    static REQUEST: Request;
}

/// Runs a request so that its loads go out in waves: when a poll of the request ends and
/// none of its loads is still out, every load it asked for since the last wave is sent.
pub async fn batching<F: std::future::Future>(request: F) -> F::Output {
    let mut request = std::pin::pin!(request);
    let polling = std::future::poll_fn(move |cx| {
        let polled = request.as_mut().poll(cx);
        let started = REQUEST.with(|loads| {
            let mut held = loads.held.borrow_mut();
            // `<=`: a held load whose field was dropped is no longer open.
            if held.is_empty() || loads.open.load(Ordering::SeqCst) > held.len() {
                return Vec::new();
            }
            held.drain(..).filter_map(|release| release()).collect()
        });
        for batch in started {
            spawn(batch);
        }
        polled
    });
    let loads = Request {
        held: std::cell::RefCell::new(Vec::new()),
        open: Arc::new(AtomicUsize::new(0)),
    };
    REQUEST.scope(loads, polling).await
}

/// Starts a batch in a task of its own, in the span of the request that sent it (so its SQL
/// statements are that request's children in a trace). Running a request's batches in the
/// request's own task instead (no task to spawn, no thread to wake) measured no faster.
fn spawn(batch: Task) {
    tokio::spawn(tracing::Instrument::in_current_span(batch));
}

/// One open load of a request: counted from when it is asked for until it is answered or
/// dropped.
struct Waiting(Option<Arc<AtomicUsize>>);

impl Drop for Waiting {
    fn drop(&mut self) {
        if let Some(open) = &self.0 {
            open.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// A loader behind a batching queue per key type (a relation loads pages and counts).
pub struct Batcher<T> {
    inner: Arc<Inner<T>>,
}

struct Inner<T> {
    loader: T,
    queues: Mutex<Map<TypeId, Box<dyn Any + Send>>>,
}

type Answer<K, V> = Result<Map<K, V>, LoadError>;

/// A field waiting for a batch: its keys, and where its values go.
type Waiter<K, V> = (Vec<K>, oneshot::Sender<Answer<K, V>>);

/// What waits for one loader and one key type.
struct Queue<K, V> {
    keys: Set<K>,
    waiters: Vec<Waiter<K, V>>,
    /// A batch is started and not finished: it takes whatever waits when it looks.
    running: bool,
}

impl<T: Send + Sync + 'static> Batcher<T> {
    /// Puts `loader` behind a batching queue.
    pub fn new(loader: T) -> Self {
        Batcher {
            inner: Arc::new(Inner {
                loader,
                queues: Mutex::new(Map::default()),
            }),
        }
    }

    /// The value of one key, if the loader found it.
    pub async fn load_one<K>(&self, key: K) -> Result<Option<T::Value>, LoadError>
    where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        T: Loader<K>,
    {
        let mut values = self.load_many(std::iter::once(key.clone())).await?;
        Ok(values.remove(&key))
    }

    /// The values of the keys the loader found.
    pub async fn load_many<K, I>(&self, keys: I) -> Answer<K, T::Value>
    where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        I: IntoIterator<Item = K>,
        T: Loader<K>,
    {
        let keys: Vec<K> = keys.into_iter().collect();
        if keys.is_empty() {
            return Ok(Map::default());
        }
        let (sender, answer) = oneshot::channel();
        let inner = self.inner.clone();
        let mut release = Some(Box::new(move || {
            if sender.is_closed() {
                return None; // its field was dropped before the wave went out
            }
            inner
                .with_queue(|queue: &mut Queue<K, T::Value>| {
                    queue.keys.extend(keys.iter().cloned());
                    queue.waiters.push((keys, sender));
                    !std::mem::replace(&mut queue.running, true)
                })
                .then(|| Box::pin(Inner::run::<K>(inner.clone())) as Task)
        }) as Release);
        let _waiting = Waiting(
            REQUEST
                .try_with(|loads| {
                    loads.open.fetch_add(1, Ordering::SeqCst);
                    loads.held.borrow_mut().extend(release.take());
                    loads.open.clone()
                })
                .ok(),
        );
        // Outside a request, at once.
        if let Some(batch) = release.and_then(|release| release()) {
            spawn(batch);
        }
        answer.await.unwrap_or_else(|_| {
            Err(Arc::new(DbErr::Custom(
                "the batch was stopped before it answered".to_owned(),
            )))
        })
    }
}

impl<T: Send + Sync + 'static> Inner<T> {
    fn with_queue<K, V, R>(&self, f: impl FnOnce(&mut Queue<K, V>) -> R) -> R
    where
        K: Send + 'static,
        V: Send + 'static,
    {
        let mut queues = self
            .queues
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let queue = queues
            .entry(TypeId::of::<K>())
            .or_insert_with(|| {
                Box::new(Queue::<K, V> {
                    keys: Set::default(),
                    waiters: Vec::new(),
                    running: false,
                })
            })
            .downcast_mut::<Queue<K, V>>()
            .expect("one value type per key type of a loader");
        f(queue)
    }

    /// The loader's running batch: takes the waiting keys, loads them, answers, and goes on
    /// while keys arrived meanwhile.
    async fn run<K>(self: Arc<Self>)
    where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        T: Loader<K>,
    {
        let mut running = Running::<T, K, T::Value> {
            inner: &self,
            completed: false,
            _types: std::marker::PhantomData,
        };
        // One turn of the scheduler first: the requests that are ready to run meanwhile
        // add their keys to this batch.
        tokio::task::yield_now().await;
        // Whenever nothing is left to take, this batch ends under the same lock, so a key
        // added after it looked is never left without a batch.
        let mut waiting = self.with_queue(take_or_end);
        while let Some((keys, waiters)) = waiting {
            let keys: Vec<K> = keys.into_iter().collect();
            match self.loader.load(&keys).await {
                Ok(values) => answer(values, waiters),
                Err(error) => {
                    for (_, sender) in waiters {
                        let _ = sender.send(Err(error.clone()));
                    }
                }
            }
            waiting = self.with_queue(take_or_end);
        }
        running.completed = true;
    }
}

/// A running batch's hold on its queue. If the loader panics or the batch is dropped midway,
/// the queue is not left waiting for it for ever: those waiting get an error, and the next
/// load starts a batch.
struct Running<'a, T: Send + Sync + 'static, K: Send + 'static, V: Send + 'static> {
    inner: &'a Inner<T>,
    /// The batch ended normally, under the queue's lock (`take_or_end`).
    completed: bool,
    _types: std::marker::PhantomData<fn(K, V)>,
}

impl<T: Send + Sync + 'static, K: Send + 'static, V: Send + 'static> Drop for Running<'_, T, K, V> {
    fn drop(&mut self) {
        if self.completed {
            return;
        }
        self.inner.with_queue(|queue: &mut Queue<K, V>| {
            queue.running = false;
            queue.keys.clear();
            queue.waiters.clear();
        });
    }
}

type Taken<K, V> = (Set<K>, Vec<Waiter<K, V>>);

/// The waiting keys and waiters; or none, and the batch ends (under the caller's lock).
fn take_or_end<K, V>(queue: &mut Queue<K, V>) -> Option<Taken<K, V>> {
    if queue.waiters.is_empty() {
        queue.running = false;
        return None;
    }
    Some((
        std::mem::take(&mut queue.keys),
        std::mem::take(&mut queue.waiters),
    ))
}

/// Sends each waiter its values: moved to the last waiter that asked for a key, cloned for
/// the others.
fn answer<K: Hash + Eq + Clone, V: Clone>(mut values: Map<K, V>, waiters: Vec<Waiter<K, V>>) {
    let mut uses: Map<&K, usize> = Map::default();
    for (keys, _) in &waiters {
        for key in keys {
            *uses.entry(key).or_default() += 1;
        }
    }
    let mut answers = Vec::with_capacity(waiters.len());
    for (keys, _) in &waiters {
        let mut found = Map::with_capacity_and_hasher(keys.len(), Default::default());
        for key in keys {
            let left = uses.get_mut(key).map(|left| {
                *left -= 1;
                *left
            });
            let value = match left {
                Some(0) => values.remove(key),
                _ => values.get(key).cloned(),
            };
            if let Some(value) = value {
                found.insert(key.clone(), value);
            }
        }
        answers.push(found);
    }
    drop(uses);
    for ((_, sender), found) in waiters.into_iter().zip(answers) {
        let _ = sender.send(Ok(found));
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    /// Doubles its keys after `millis`, recording its batches; fails on key 0 and panics on
    /// key -1.
    #[derive(Default)]
    struct Doubling {
        millis: u64,
        batches: Mutex<Vec<Vec<i32>>>,
        running: AtomicUsize,
        most_running: AtomicUsize,
    }

    impl Loader<i32> for Doubling {
        type Value = i64;

        async fn load(&self, keys: &[i32]) -> Result<Map<i32, i64>, LoadError> {
            let now = self.running.fetch_add(1, Ordering::SeqCst) + 1;
            self.most_running.fetch_max(now, Ordering::SeqCst);
            let mut sorted = keys.to_vec();
            sorted.sort();
            self.batches.lock().unwrap().push(sorted);
            tokio::time::sleep(Duration::from_millis(self.millis)).await;
            self.running.fetch_sub(1, Ordering::SeqCst);
            assert!(!keys.contains(&-1), "a loader's bug");
            if keys.contains(&0) {
                return Err(Arc::new(DbErr::Custom("no zero".to_owned())));
            }
            Ok(keys
                .iter()
                .filter(|key| **key != 7)
                .map(|key| (*key, i64::from(*key) * 2))
                .collect())
        }
    }

    fn doubling(millis: u64) -> Batcher<Doubling> {
        Batcher::new(Doubling {
            millis,
            ..Doubling::default()
        })
    }

    fn batches(batcher: &Batcher<Doubling>) -> Vec<Vec<i32>> {
        batcher.inner.loader.batches.lock().unwrap().clone()
    }

    #[tokio::test]
    async fn the_fields_of_one_poll_share_one_batch() {
        let batcher = doubling(20);
        let (one, two, three) = batching(async {
            tokio::join!(
                batcher.load_one(1),
                batcher.load_one(2),
                batcher.load_many([3, 7])
            )
        })
        .await;
        assert_eq!(one.unwrap(), Some(2));
        assert_eq!(two.unwrap(), Some(4));
        assert_eq!(three.unwrap(), Map::from_iter([(3, 6)]), "7 is not found");
        assert_eq!(batches(&batcher), vec![vec![1, 2, 3, 7]]);
    }

    #[tokio::test]
    async fn a_level_waits_for_the_other_branches_and_shares_their_batch() {
        let (fast, slow, next) = (doubling(1), doubling(30), doubling(1));
        let (a, b) = batching(async {
            tokio::join!(
                async {
                    let parent = fast.load_one(1).await.unwrap().unwrap();
                    next.load_one(parent as i32).await
                },
                async {
                    let parent = slow.load_one(2).await.unwrap().unwrap();
                    next.load_one(parent as i32).await
                },
            )
        })
        .await;
        assert_eq!((a.unwrap(), b.unwrap()), (Some(4), Some(8)));
        assert_eq!(
            batches(&next),
            vec![vec![2, 4]],
            "the children of both branches go in one batch, though their parents came back 29 ms apart"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn keys_asked_while_a_batch_runs_go_together_in_the_next() {
        let batcher = Arc::new(doubling(20));
        let first = tokio::spawn({
            let batcher = batcher.clone();
            async move { batching(batcher.load_one(1)).await }
        });
        tokio::time::sleep(Duration::from_millis(5)).await;
        // Three requests while the first batch runs: they wait for it, then share one.
        let later: Vec<_> = (2..5)
            .map(|key| {
                let batcher = batcher.clone();
                tokio::spawn(async move { batching(batcher.load_one(key)).await })
            })
            .collect();
        assert_eq!(first.await.unwrap().unwrap(), Some(2));
        for (key, request) in (2..5).zip(later) {
            assert_eq!(request.await.unwrap().unwrap(), Some(i64::from(key) * 2));
        }
        assert_eq!(batches(&batcher), vec![vec![1], vec![2, 3, 4]]);
        assert_eq!(batcher.inner.loader.most_running.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_request_that_stops_leaves_its_batches_running_for_the_others() {
        let batcher = Arc::new(doubling(20));
        // The first request runs the loader's batch in its own task, and gives up at 5 ms.
        let first = tokio::spawn({
            let batcher = batcher.clone();
            async move {
                tokio::time::timeout(Duration::from_millis(5), batching(batcher.load_one(1))).await
            }
        });
        tokio::time::sleep(Duration::from_millis(2)).await;
        let second = batching(batcher.load_one(2)).await;
        assert!(first.await.unwrap().is_err(), "the first request timed out");
        assert_eq!(
            second.unwrap(),
            Some(4),
            "the second is answered all the same"
        );
        assert_eq!(batches(&batcher), vec![vec![1], vec![2]]);
    }

    #[tokio::test]
    async fn a_key_asked_twice_reaches_both_and_an_error_reaches_all() {
        let batcher = doubling(20);
        let (a, b) =
            batching(async { tokio::join!(batcher.load_one(5), batcher.load_one(5)) }).await;
        assert_eq!((a.unwrap(), b.unwrap()), (Some(10), Some(10)));
        let (a, b) =
            batching(async { tokio::join!(batcher.load_one(0), batcher.load_one(1)) }).await;
        assert!(
            a.is_err() && b.is_err(),
            "one failed statement fails its batch"
        );
        assert_eq!(batches(&batcher), vec![vec![5], vec![0, 1]]);
    }

    #[tokio::test]
    async fn a_panicking_loader_gives_errors_and_the_next_batch_runs() {
        let batcher = doubling(20);
        let failed = batching(batcher.load_one(-1)).await;
        assert!(
            failed.is_err(),
            "the waiter gets an error, not a wait for ever"
        );
        assert_eq!(batching(batcher.load_one(4)).await.unwrap(), Some(8));
    }

    #[tokio::test]
    async fn outside_a_request_a_batch_starts_at_once() {
        let batcher = doubling(20);
        assert_eq!(batcher.load_one(21).await.unwrap(), Some(42));
        assert_eq!(batcher.load_many(Vec::new()).await.unwrap(), Map::default());
        assert_eq!(batches(&batcher), vec![vec![21]]);
    }
}
