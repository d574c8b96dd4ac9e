//! The HTTP server loop the gateway and the portal share: accepts connections and hands each
//! to hyper, with the limits a public server needs against slow and greedy clients, which
//! poem's own server does not set.
//!
//! - **Connections at once**: at most `max_connections`; one beyond is closed as soon as it
//!   is accepted, so a flood of idle sockets cannot starve the requests in progress.
//! - **Headers in time**: a client must send a request's headers within `header_timeout`
//!   (hyper's HTTP/1 header-read timer) — 200 half-sent requests no longer stay open
//!   forever.
//! - **No idle connections**: a connection that sends nothing for `header_timeout` while no
//!   request of its own is being answered is closed ([`Idle`]): a fresh socket that never
//!   speaks, or a keep-alive connection between requests.
//! - **Bodies in time**: enforced by each service where it reads one (the gateway's
//!   `http.rs`).
//! - **Graceful stop**: on Ctrl-C / SIGTERM no new connection is accepted, requests in
//!   progress get `grace` to finish.
//!
//! It serves a TCP listener or a Unix socket ([`Listener`]): the portal reaches a gateway on
//! the same host through one, which spares both the kernel's loopback TCP.
//!
//! Beside the loop, what the services need to be watched: [`metrics`] (Prometheus) and
//! [`telemetry`] (logs, traces, request ids); and [`cli`], the command-line options several
//! binaries share; and [`client`], the HTTP client each service uses to reach the other (the
//! portal the gateway, the gateway Meilisearch's search); and [`bounded`], the byte-bounded
//! map their memos are kept in.

#![warn(missing_docs)]

pub mod bounded;
pub mod cli;
pub mod client;
pub mod metrics;
pub mod telemetry;

/// The memory allocator of the gateway and the portal, installed by each binary
/// (`#[global_allocator]`): answering GraphQL allocates and frees many small objects from
/// several threads, where glibc's malloc spent a third of the gateway's CPU on the nested
/// page (`perf`, docs/BENCHMARKS.md run 6); mimalloc's thread-local free lists do not.
pub use mimalloc::MiMalloc as Allocator;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use poem::{Endpoint, IntoResponse};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, UnixListener};
use tokio::sync::Semaphore;

/// What the server loop allows.
#[derive(Debug, Clone, Copy)]
pub struct ServerLimits {
    /// Most connections open at once.
    pub max_connections: usize,
    /// Longest a client may take to send a request's headers, and to stay idle between
    /// requests on a keep-alive connection.
    pub header_timeout: Duration,
    /// How long requests in progress may take to finish once a stop is asked.
    pub grace: Duration,
}

impl Default for ServerLimits {
    fn default() -> Self {
        ServerLimits {
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            grace: Duration::from_secs(10),
        }
    }
}

/// What the loop accepts connections from: a TCP listener or a Unix socket.
pub trait Listener: Send {
    /// A connection.
    type Stream: AsyncRead + AsyncWrite + Unpin + Send + 'static;
    /// The next connection and its peer.
    fn accept(&self) -> impl Future<Output = std::io::Result<(Self::Stream, poem::Addr)>> + Send;
    /// The address listened on.
    fn local(&self) -> std::io::Result<poem::Addr>;
}

impl Listener for TcpListener {
    type Stream = tokio::net::TcpStream;

    async fn accept(&self) -> std::io::Result<(Self::Stream, poem::Addr)> {
        let (stream, remote) = TcpListener::accept(self).await?;
        // Answers are written whole; Nagle's delay would only hold their last segment back.
        stream.set_nodelay(true).ok();
        Ok((stream, poem::Addr::SocketAddr(remote)))
    }

    fn local(&self) -> std::io::Result<poem::Addr> {
        self.local_addr().map(poem::Addr::SocketAddr)
    }
}

impl Listener for UnixListener {
    type Stream = tokio::net::UnixStream;

    async fn accept(&self) -> std::io::Result<(Self::Stream, poem::Addr)> {
        let (stream, remote) = UnixListener::accept(self).await?;
        Ok((stream, poem::Addr::Unix(Arc::new(remote))))
    }

    fn local(&self) -> std::io::Result<poem::Addr> {
        self.local_addr()
            .map(|addr| poem::Addr::Unix(Arc::new(addr)))
    }
}

/// Listens on the Unix socket at `path`, replacing a socket file left by an earlier run.
/// Who may connect is decided by the file's permissions (those of the folder it is in).
pub fn bind_unix(path: &std::path::Path) -> std::io::Result<UnixListener> {
    use std::os::unix::fs::FileTypeExt;
    match std::fs::symlink_metadata(path) {
        // Only ever remove a socket: a typo must not delete a file.
        Ok(meta) if meta.file_type().is_socket() => std::fs::remove_file(path)?,
        Ok(_) => {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("{} exists and is not a socket", path.display()),
            ))
        }
        Err(_) => {}
    }
    UnixListener::bind(path)
}

/// Serves `endpoint` on `listener` until `shutdown` resolves.
pub async fn serve<L, E>(
    listener: L,
    endpoint: E,
    limits: ServerLimits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()>
where
    L: Listener,
    E: Endpoint + 'static,
{
    let local = listener.local()?;
    let endpoint = Arc::new(endpoint);
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_concurrent_streams(100)
        .keep_alive_interval(Some(limits.header_timeout))
        .keep_alive_timeout(limits.header_timeout);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let refusals = RefusalLog::default();
    tokio::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            refusals.note(limits.max_connections);
            drop(stream);
            continue;
        };
        let endpoint = endpoint.clone();
        let (local, remote) = (local.clone(), remote.clone());
        let activity = Arc::new(Activity::new());
        let io = Idle {
            inner: stream,
            activity: activity.clone(),
            limit: limits.header_timeout,
            timer: Box::pin(tokio::time::sleep(limits.header_timeout)),
        };
        let service = hyper::service::service_fn(move |request| {
            let endpoint = endpoint.clone();
            let busy = activity.busy();
            let (local, remote) = (local.clone(), remote.clone());
            async move {
                let _busy = busy;
                let request = poem::Request::from((
                    request,
                    poem::web::LocalAddr(local),
                    poem::web::RemoteAddr(remote),
                    poem::http::uri::Scheme::HTTP,
                ));
                let response = match endpoint.call(request).await {
                    Ok(response) => response.into_response(),
                    Err(error) => error.into_response(),
                };
                Ok::<_, std::convert::Infallible>(hyper::Response::from(response))
            }
        });
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(io), service)
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // Closed by the client, or by a timer: nothing to report either way.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    if tokio::time::timeout(limits.grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(grace = ?limits.grace, "connections still open at the end of the grace period");
    }
    Ok(())
}

/// Logs refused connections at most once every ten seconds, with how many there were: a
/// flood of connections is one line, not one line per connection.
#[derive(Default)]
struct RefusalLog(Mutex<(Option<Instant>, u64)>);

impl RefusalLog {
    fn note(&self, max: usize) {
        let mut state = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        state.1 += 1;
        if state
            .0
            .is_none_or(|last| last.elapsed() >= Duration::from_secs(10))
        {
            tracing::warn!(
                max_connections = max,
                refused = state.1,
                "connection limit reached: closing new connections"
            );
            *state = (Some(Instant::now()), 0);
        }
    }
}

/// The address a server bound to `addr` listens on (port 0 picks a free one).
pub async fn bind(addr: SocketAddr) -> std::io::Result<(TcpListener, SocketAddr)> {
    let listener = TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    Ok((listener, local))
}

/// When a connection last moved bytes, and how many of its requests are being answered.
struct Activity {
    started: Instant,
    /// Milliseconds after `started` of the last byte read or written.
    last: AtomicU64,
    in_flight: AtomicUsize,
}

impl Activity {
    fn new() -> Self {
        Activity {
            started: Instant::now(),
            last: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
        }
    }

    fn touch(&self) {
        let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last.store(now, Ordering::Relaxed);
    }

    /// When the connection goes idle too long, if nothing happens before.
    fn deadline(&self, limit: Duration) -> Instant {
        self.started + Duration::from_millis(self.last.load(Ordering::Relaxed)) + limit
    }

    /// Marks a request as being answered until the guard is dropped.
    fn busy(self: &Arc<Self>) -> Busy {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        Busy(self.clone())
    }
}

/// A request being answered: its connection is not idle, however long that takes (the
/// request's own time limit bounds it).
struct Busy(Arc<Activity>);

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
        self.0.touch();
    }
}

/// A socket that fails its pending read once it has been idle for `limit` with no request
/// in flight, which makes hyper close the connection.
struct Idle<S> {
    inner: S,
    activity: Arc<Activity>,
    limit: Duration,
    timer: std::pin::Pin<Box<tokio::time::Sleep>>,
}

impl<S: AsyncRead + Unpin> AsyncRead for Idle<S> {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        use std::task::Poll;
        let before = buf.filled().len();
        match std::pin::Pin::new(&mut self.inner).poll_read(cx, buf) {
            Poll::Ready(result) => {
                if buf.filled().len() > before {
                    self.activity.touch();
                }
                Poll::Ready(result)
            }
            Poll::Pending => loop {
                let deadline = if self.activity.in_flight.load(Ordering::Relaxed) > 0 {
                    Instant::now() + self.limit
                } else {
                    self.activity.deadline(self.limit)
                };
                if deadline <= Instant::now() {
                    return Poll::Ready(Err(std::io::Error::new(
                        std::io::ErrorKind::TimedOut,
                        "idle connection",
                    )));
                }
                self.timer
                    .as_mut()
                    .reset(tokio::time::Instant::from_std(deadline));
                if self.timer.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
            },
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Idle<S> {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        let result = std::pin::Pin::new(&mut self.inner).poll_write(cx, buf);
        if matches!(result, std::task::Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        result
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
