//! An HTTP/1.1 client of one origin whose connections are driven by the task that sends the
//! request: the portal's client of the gateway, and the gateway's of Meilisearch's search.
//!
//! Why not reqwest: its pool runs each connection in a task of its own, so every request
//! crosses tasks four times (the request handed to the connection's task, written; the
//! answer read there and handed back; and again for the body), and on a multi-threaded
//! runtime each crossing may wake a sleeping worker thread. On two CPUs shared with the
//! server on the other end, that scheduling was a visible share of a cheap page's cost
//! (docs/BENCHMARKS.md, "A client that drives its own connection"). Here the task that asks
//! holds a pooled connection for the duration of its request and polls it itself: one task,
//! no hand-off, nothing woken but the socket's reader.
//!
//! What it does, and no more: keep-alive connections over TCP (no TLS: both peers are on a
//! private network) or a Unix socket; a connect time-out and a time-out on the whole
//! exchange; idle connections let go after `idle_timeout` (below the server's own idle
//! close) and a closed one noticed before it is reused; the whole body read into memory.

use std::future::{poll_fn, Future};
use std::io;
use std::path::{Path, PathBuf};
use std::pin::{pin, Pin};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper::header::{HeaderMap, HeaderValue, HOST};
use hyper::Request;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpStream, UnixStream};

/// What a request is made of, for the callers (the `http` and `bytes` types hyper uses).
pub use bytes::Bytes;
pub use hyper::{header, Method, StatusCode, Uri};

/// Idle connections kept at most; more are closed as they are returned.
const MAX_IDLE: usize = 256;

/// How a request failed; the caller decides whether to send it again.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No connection could be opened (refused, no such socket, timed out connecting): the
    /// server is not there.
    #[error("cannot connect to {origin}: {source}")]
    Connect {
        /// The origin asked.
        origin: String,
        /// Why.
        source: io::Error,
    },
    /// The whole exchange took longer than the client's time-out.
    #[error("no answer from {0} in time")]
    TimedOut(String),
    /// The connection broke during the exchange. `reused`: it had served an earlier
    /// request, so the server may have closed it as idle just as it was reused, and a
    /// request that is safe to repeat can be sent again on a new connection.
    #[error("connection to {origin} broke: {source}")]
    Broken {
        /// The origin asked.
        origin: String,
        /// Whether the connection had served a request before.
        reused: bool,
        /// Why.
        source: Cause,
    },
    /// A request that cannot be sent: a path that is not a URI path.
    #[error("invalid request: {0}")]
    Invalid(String),
}

/// Why a connection broke: hyper's error, or the connection closing under a request.
pub type Cause = Box<dyn std::error::Error + Send + Sync>;

/// An answer, its body read whole.
#[derive(Debug)]
pub struct Response {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
}

/// Where the origin is reached.
#[derive(Debug, Clone)]
enum Target {
    /// `host:port`, resolved at each connect.
    Tcp(String),
    /// A Unix socket on this host.
    Unix(PathBuf),
}

/// The client's settings.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// Longest wait to open a connection.
    pub connect: Duration,
    /// Longest wait for the whole exchange (connection included).
    pub exchange: Duration,
    /// How long an idle connection is kept for the next request: below the server's own
    /// idle close, so that the client lets go of a connection first.
    pub idle: Duration,
}

/// The client of one origin; cheap to clone (one pool).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    target: Target,
    /// The `Host` header: the URL's authority, also over a Unix socket.
    host: HeaderValue,
    /// The origin as text, for errors.
    origin: String,
    /// `http://` and the URL's authority as written.
    base: String,
    /// The URL's path and query (`/` when it has none).
    path: String,
    timeouts: Timeouts,
    /// Idle connections, the most recently used last (handed out first: its socket and
    /// buffers are the warmest; the oldest, at the front, are the first to expire).
    idle: Mutex<std::collections::VecDeque<(Connection, Instant)>>,
}

/// One connection: the handle that sends requests and the state machine that moves its
/// bytes, which whoever holds the connection polls.
struct Connection {
    sender: http1::SendRequest<Full<Bytes>>,
    driver: http1::Connection<TokioIo<Stream>, Full<Bytes>>,
}

impl Client {
    /// A client of the origin of `url` (`http://host:port`, any path ignored), reached over
    /// TCP or, when `unix_socket` is given, over that socket (the URL then only names the
    /// `Host`).
    pub fn new(url: &str, unix_socket: Option<&Path>, timeouts: Timeouts) -> anyhow::Result<Self> {
        let uri: Uri = url
            .parse()
            .map_err(|error| anyhow::anyhow!("{url} is not a URL: {error}"))?;
        match uri.scheme_str() {
            Some("http") => {}
            _ => anyhow::bail!("{url}: only http:// URLs are supported (no TLS)"),
        }
        let authority = uri
            .authority()
            .ok_or_else(|| anyhow::anyhow!("{url} names no host"))?;
        let address = match authority.port_u16() {
            Some(_) => authority.as_str().to_owned(),
            None => format!("{authority}:80"),
        };
        let target = match unix_socket {
            Some(path) => Target::Unix(path.to_owned()),
            None => Target::Tcp(address),
        };
        Ok(Client {
            inner: Arc::new(Inner {
                host: HeaderValue::from_str(authority.as_str())?,
                origin: match &target {
                    Target::Tcp(address) => format!("http://{address}"),
                    Target::Unix(path) => format!("unix:{}", path.display()),
                },
                base: format!("http://{authority}"),
                path: uri
                    .path_and_query()
                    .map_or_else(|| "/".to_owned(), |path| path.as_str().to_owned()),
                target,
                timeouts,
                idle: Mutex::default(),
            }),
        })
    }

    /// The URL's scheme and authority as given (`http://host:port`): a URL that starts
    /// with it, and then a `/`, is on this client's origin.
    pub fn base(&self) -> &str {
        &self.inner.base
    }

    /// The URL's path and query as given (`/graphql`), `/` when it has none.
    pub fn path(&self) -> &str {
        &self.inner.path
    }

    /// Sends one request (`path_and_query` from the origin's root) and reads its whole
    /// answer, within the exchange time-out.
    pub async fn send(
        &self,
        method: Method,
        path_and_query: &str,
        headers: HeaderMap,
        body: Bytes,
    ) -> Result<Response, Error> {
        let uri = Uri::builder()
            .path_and_query(path_and_query)
            .build()
            .map_err(|error| Error::Invalid(error.to_string()))?;
        let mut request = Request::new(Full::new(body));
        *request.method_mut() = method;
        *request.uri_mut() = uri;
        *request.headers_mut() = headers;
        request.headers_mut().insert(HOST, self.inner.host.clone());
        tokio::time::timeout(self.inner.timeouts.exchange, self.exchange(request))
            .await
            .unwrap_or_else(|_| Err(Error::TimedOut(self.inner.origin.clone())))
    }

    async fn exchange(&self, request: Request<Full<Bytes>>) -> Result<Response, Error> {
        let (mut connection, reused) = self.connection().await?;
        let broken = |source| Error::Broken {
            origin: self.inner.origin.clone(),
            reused,
            source,
        };
        let answer = connection.sender.send_request(request);
        let response = drive(&mut connection.driver, pin!(answer))
            .await
            .and_then(|answer| answer.map_err(Cause::from))
            .map_err(broken)?;
        let (parts, body) = response.into_parts();
        let body = drive(&mut connection.driver, pin!(body.collect()))
            .await
            .and_then(|body| body.map_err(Cause::from))
            .map_err(broken)?
            .to_bytes();
        self.give_back(connection);
        Ok(Response {
            status: parts.status,
            headers: parts.headers,
            body,
        })
    }

    /// An idle connection ready for a request (`true`: reused), or a new one.
    async fn connection(&self) -> Result<(Connection, bool), Error> {
        loop {
            let idle = {
                let mut idle = self.inner.idle.lock().unwrap_or_else(|e| e.into_inner());
                idle.pop_back()
            };
            let Some((mut connection, since)) = idle else {
                break;
            };
            if since.elapsed() >= self.inner.timeouts.idle {
                // The most recent is too old, so are all the others.
                self.inner
                    .idle
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .clear();
                break;
            }
            // Ready at once, or closed (the server let it go): polling it reads the
            // server's close if one came.
            if connection.ready().await {
                return Ok((connection, true));
            }
        }
        let origin = || self.inner.origin.clone();
        let stream = tokio::time::timeout(self.inner.timeouts.connect, async {
            match &self.inner.target {
                Target::Tcp(address) => {
                    let stream = TcpStream::connect(address).await?;
                    // Requests are small and answered at once: no Nagle delay.
                    stream.set_nodelay(true)?;
                    Ok(Stream::Tcp(stream))
                }
                Target::Unix(path) => UnixStream::connect(path).await.map(Stream::Unix),
            }
        })
        .await
        .unwrap_or_else(|_| Err(io::Error::new(io::ErrorKind::TimedOut, "timed out")))
        .map_err(|source| Error::Connect {
            origin: origin(),
            source,
        })?;
        let (sender, driver) = http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|source| Error::Broken {
                origin: origin(),
                reused: false,
                source: source.into(),
            })?;
        Ok((Connection { sender, driver }, false))
    }

    /// Keeps a connection whose exchange ended cleanly for the next request, dropping the
    /// expired ones at the front.
    fn give_back(&self, connection: Connection) {
        let now = Instant::now();
        let mut idle = self.inner.idle.lock().unwrap_or_else(|e| e.into_inner());
        while idle
            .front()
            .is_some_and(|(_, since)| now.duration_since(*since) >= self.inner.timeouts.idle)
        {
            idle.pop_front();
        }
        if idle.len() < MAX_IDLE {
            idle.push_back((connection, now));
        }
    }
}

impl Connection {
    /// Whether the connection can take a request now (`false`: it is closed).
    async fn ready(&mut self) -> bool {
        poll_fn(|cx| {
            // The connection first: polling it reads a close the server sent while it sat
            // idle (the sender alone still says ready).
            if Pin::new(&mut self.driver).poll(cx).is_ready() {
                return Poll::Ready(false);
            }
            self.sender.poll_ready(cx).map(|ready| ready.is_ok())
        })
        .await
    }
}

/// Polls `work` to its end, polling the connection's state machine whenever `work` waits on
/// it. The connection ending first (closed, or broken) ends the wait with its error.
async fn drive<T, F>(
    driver: &mut http1::Connection<TokioIo<Stream>, Full<Bytes>>,
    mut work: Pin<&mut F>,
) -> Result<T, Cause>
where
    F: Future<Output = T>,
{
    let mut ended: Option<hyper::Result<()>> = None;
    poll_fn(|cx: &mut Context<'_>| {
        if let Poll::Ready(output) = work.as_mut().poll(cx) {
            return Poll::Ready(Ok(output));
        }
        if ended.is_none() {
            if let Poll::Ready(result) = Pin::new(&mut *driver).poll(cx) {
                ended = Some(result);
            }
            // The bytes it moved may have finished the work.
            if let Poll::Ready(output) = work.as_mut().poll(cx) {
                return Poll::Ready(Ok(output));
            }
        }
        match ended.take() {
            // A connection closed cleanly under a request in progress: the request itself
            // reports it as canceled; the work not finishing here means it never will.
            Some(Ok(())) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "connection closed before the answer",
            )
            .into())),
            Some(Err(error)) => Poll::Ready(Err(error.into())),
            None => Poll::Pending,
        }
    })
    .await
}

/// The byte stream under a connection.
enum Stream {
    Tcp(TcpStream),
    Unix(UnixStream),
}

impl AsyncRead for Stream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Tcp(stream) => Pin::new(stream).poll_read(cx, buf),
            Stream::Unix(stream) => Pin::new(stream).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Stream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Stream::Tcp(stream) => Pin::new(stream).poll_write(cx, buf),
            Stream::Unix(stream) => Pin::new(stream).poll_write(cx, buf),
        }
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Stream::Tcp(stream) => Pin::new(stream).poll_write_vectored(cx, bufs),
            Stream::Unix(stream) => Pin::new(stream).poll_write_vectored(cx, bufs),
        }
    }

    fn is_write_vectored(&self) -> bool {
        match self {
            Stream::Tcp(stream) => stream.is_write_vectored(),
            Stream::Unix(stream) => stream.is_write_vectored(),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Tcp(stream) => Pin::new(stream).poll_flush(cx),
            Stream::Unix(stream) => Pin::new(stream).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Tcp(stream) => Pin::new(stream).poll_shutdown(cx),
            Stream::Unix(stream) => Pin::new(stream).poll_shutdown(cx),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{bind, serve, ServerLimits};
    use poem::{endpoint::make, Endpoint, Request as Asked};
    use std::collections::HashSet;

    const TIMEOUTS: Timeouts = Timeouts {
        connect: Duration::from_secs(2),
        exchange: Duration::from_secs(2),
        idle: Duration::from_secs(5),
    };

    /// An endpoint that answers `POST /echo` with the `Host` it was sent and the body, and
    /// notes each request's peer (one per connection over TCP); `/slow` answers after 2 s.
    fn echo(peers: Arc<Mutex<Vec<String>>>) -> impl Endpoint + 'static {
        make(move |request: Asked| {
            let peers = peers.clone();
            async move {
                peers
                    .lock()
                    .unwrap()
                    .push(request.remote_addr().to_string());
                if request.uri().path() == "/slow" {
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                let host = request.header("host").unwrap_or_default().to_owned();
                let body = request.into_body().into_string().await.unwrap_or_default();
                format!("{host} {body}")
            }
        })
    }

    /// A server of [`echo`] on a free port, closing connections idle for `idle`.
    async fn server(idle: Duration) -> (String, Arc<Mutex<Vec<String>>>) {
        let (listener, address) = bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
        let peers = Arc::new(Mutex::new(Vec::new()));
        let limits = ServerLimits {
            header_timeout: idle,
            ..ServerLimits::default()
        };
        let endpoint = echo(peers.clone());
        tokio::spawn(serve(listener, endpoint, limits, std::future::pending()));
        (format!("http://{address}"), peers)
    }

    async fn post(client: &Client, path: &str, body: &'static str) -> Result<Response, Error> {
        client
            .send(Method::POST, path, HeaderMap::new(), Bytes::from(body))
            .await
    }

    fn distinct(peers: &Mutex<Vec<String>>) -> usize {
        peers.lock().unwrap().iter().collect::<HashSet<_>>().len()
    }

    #[tokio::test]
    async fn requests_one_after_another_share_one_kept_alive_connection() {
        let (url, peers) = server(Duration::from_secs(10)).await;
        let client = Client::new(&format!("{url}/graphql"), None, TIMEOUTS).unwrap();
        let host = url.trim_start_matches("http://");
        for n in 0..5 {
            let body = ["a", "b", "c", "d", "e"][n];
            let answer = post(&client, "/echo", body).await.unwrap();
            assert_eq!(answer.status, StatusCode::OK);
            assert_eq!(answer.body, format!("{host} {body}"));
        }
        assert_eq!(peers.lock().unwrap().len(), 5);
        assert_eq!(distinct(&peers), 1, "one connection: {peers:?}");
    }

    #[tokio::test]
    async fn requests_at_once_each_get_a_connection_and_their_own_answer() {
        let (url, peers) = server(Duration::from_secs(10)).await;
        let client = Client::new(&url, None, TIMEOUTS).unwrap();
        let bodies = ["1", "2", "3", "4", "5", "6", "7", "8"];
        let answers = bodies.map(|body| {
            let client = client.clone();
            tokio::spawn(async move { post(&client, "/echo", body).await })
        });
        for (body, answer) in bodies.iter().zip(answers) {
            let answer = answer.await.unwrap().unwrap();
            assert!(answer.body.ends_with(body.as_bytes()), "{answer:?}");
        }
        assert!(distinct(&peers) >= 1);
        // Returned to the pool, they serve the next requests without new connections.
        let before = distinct(&peers);
        for _ in 0..4 {
            post(&client, "/echo", "again").await.unwrap();
        }
        assert_eq!(distinct(&peers), before, "no new connection");
    }

    #[tokio::test]
    async fn a_connection_the_server_closed_while_idle_is_not_reused() {
        // The server closes a connection idle for 100 ms; the client keeps them 5 s.
        let (url, peers) = server(Duration::from_millis(100)).await;
        let client = Client::new(&url, None, TIMEOUTS).unwrap();
        post(&client, "/echo", "first").await.unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
        let answer = post(&client, "/echo", "second").await.unwrap();
        assert!(answer.body.ends_with(b"second"));
        assert_eq!(distinct(&peers), 2, "a new connection: {peers:?}");
    }

    #[tokio::test]
    async fn a_connection_idle_past_the_clients_own_limit_is_let_go() {
        let (url, peers) = server(Duration::from_secs(10)).await;
        let timeouts = Timeouts {
            idle: Duration::from_millis(50),
            ..TIMEOUTS
        };
        let client = Client::new(&url, None, timeouts).unwrap();
        post(&client, "/echo", "first").await.unwrap();
        tokio::time::sleep(Duration::from_millis(150)).await;
        post(&client, "/echo", "second").await.unwrap();
        assert_eq!(distinct(&peers), 2, "a new connection: {peers:?}");
    }

    #[tokio::test]
    async fn over_a_unix_socket_the_url_names_the_host() {
        let dir = std::env::temp_dir().join(format!("rial-client-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("gateway.sock");
        let listener = crate::bind_unix(&path).unwrap();
        let peers = Arc::new(Mutex::new(Vec::new()));
        let endpoint = echo(peers.clone());
        let limits = ServerLimits::default();
        tokio::spawn(serve(listener, endpoint, limits, std::future::pending()));
        let client = Client::new("http://gateway.internal/graphql", Some(&path), TIMEOUTS).unwrap();
        for _ in 0..3 {
            let answer = post(&client, "/echo", "hello").await.unwrap();
            assert_eq!(answer.body, "gateway.internal hello");
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[tokio::test]
    async fn nothing_listening_is_a_connect_error() {
        let (listener, address) = bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
        drop(listener);
        let client = Client::new(&format!("http://{address}"), None, TIMEOUTS).unwrap();
        let error = post(&client, "/echo", "x").await.unwrap_err();
        assert!(matches!(error, Error::Connect { .. }), "{error:?}");
        let missing = std::env::temp_dir().join("rial-client-no-such.sock");
        let client = Client::new("http://gateway", Some(&missing), TIMEOUTS).unwrap();
        let error = post(&client, "/echo", "x").await.unwrap_err();
        assert!(matches!(error, Error::Connect { .. }), "{error:?}");
    }

    #[tokio::test]
    async fn an_answer_slower_than_the_time_out_is_a_time_out_and_the_client_goes_on() {
        let (url, _) = server(Duration::from_secs(10)).await;
        let timeouts = Timeouts {
            exchange: Duration::from_millis(200),
            ..TIMEOUTS
        };
        let client = Client::new(&url, None, timeouts).unwrap();
        let started = Instant::now();
        let error = post(&client, "/slow", "x").await.unwrap_err();
        assert!(matches!(error, Error::TimedOut(_)), "{error:?}");
        assert!(started.elapsed() < Duration::from_secs(1));
        // The abandoned connection is not handed out again.
        let answer = post(&client, "/echo", "next").await.unwrap();
        assert!(answer.body.ends_with(b"next"));
    }

    #[test]
    fn only_plain_http_urls_are_taken() {
        for url in [
            "https://gateway/graphql",
            "gateway:8080",
            "ftp://x",
            "http:///x",
        ] {
            assert!(Client::new(url, None, TIMEOUTS).is_err(), "{url}");
        }
        let client = Client::new("http://gateway/graphql", None, TIMEOUTS).unwrap();
        assert_eq!(client.base(), "http://gateway");
        assert_eq!(client.path(), "/graphql");
    }
}
