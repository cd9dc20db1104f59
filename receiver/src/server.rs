//! The accept loop. It is written by hand, rather than with `axum::serve`, for one fault:
//! "reset", where the receiver drops a connection without sending anything back, the way a
//! crashed function or a flaky network does. The browser's `fetch` then fails with a network
//! error. A handler cannot close its own connection, so each connection gets a
//! [`DropConnection`] that the handler triggers; this loop then closes the socket with a
//! TCP reset (RST) instead of an orderly close.
//!
//! It also caps the open connections (`--max-connections`): one past the cap is answered
//! `503` with `Retry-After` straight from here, and closed.

use std::{io, net::SocketAddr, sync::Arc, time::Duration};

use axum::Router;
use hyper::{body::Incoming, server::conn::http1, service::service_fn, Request};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpSocket, TcpStream},
    sync::{Notify, Semaphore},
};
use tower::ServiceExt;

/// The body a connection past the cap is answered with (`503`, `Retry-After: 1`).
const BUSY_BODY: &str = r#"{"error":"too many open connections; try again in a moment"}"#;

/// How long a connection past the cap may take to send its request head, which is read (and
/// thrown away) so that closing it does not reset the connection before the 503 is read.
const BUSY_GRACE: Duration = Duration::from_secs(1);

/// The client's address, put in every request's extensions (for the rate limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer(pub SocketAddr);

/// Put in every request's extensions: asks the accept loop to drop this request's connection.
#[derive(Debug, Clone, Default)]
pub struct DropConnection(Arc<Notify>);

impl DropConnection {
    /// Drops the connection, without an answer, as soon as the accept loop sees it.
    pub fn now(&self) {
        self.0.notify_one();
    }

    async fn requested(&self) {
        self.0.notified().await;
    }
}

/// Serves `app` on `listener` until the process ends, with at most `max_connections` open at
/// once.
pub async fn serve(listener: TcpListener, app: Router, max_connections: usize) -> io::Result<()> {
    let open = Arc::new(Semaphore::new(max_connections));
    // Connections being turned away are bounded too: past these, they are just closed.
    let turning_away = Arc::new(Semaphore::new(max_connections.clamp(1, 64)));
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                // Usually out of file descriptors: wait a little rather than spin.
                eprintln!("accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(permit) = open.clone().try_acquire_owned() else {
            if let Ok(permit) = turning_away.clone().try_acquire_owned() {
                tokio::spawn(async move {
                    busy(stream).await;
                    drop(permit);
                });
            }
            eprintln!("connection from {peer}: 503, {max_connections} connections open already");
            continue;
        };
        let app = app.clone();
        tokio::spawn(async move {
            if let Err(e) = serve_connection(stream, peer, app).await {
                eprintln!("connection from {peer}: {e}");
            }
            drop(permit);
        });
    }
}

/// Answers a connection past the cap: reads what comes of its request head for a moment
/// (closing a socket with unread data would reset it, and the client might never see the
/// answer), sends the 503, and closes.
async fn busy(mut stream: TcpStream) {
    let _ = tokio::time::timeout(BUSY_GRACE, async {
        let mut head = Vec::new();
        let mut buffer = [0u8; 2048];
        while head.len() < 16 * 1024 && !head.windows(4).any(|w| w == b"\r\n\r\n") {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => head.extend_from_slice(&buffer[..n]),
            }
        }
        let answer = format!(
            "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n\
             retry-after: 1\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{BUSY_BODY}",
            BUSY_BODY.len()
        );
        if stream.write_all(answer.as_bytes()).await.is_ok() {
            let _ = stream.shutdown().await;
            // Let the client read the answer and close first; drain whatever else it sends.
            while let Ok(n) = stream.read(&mut buffer).await {
                if n == 0 {
                    break;
                }
            }
        }
    })
    .await;
}

async fn serve_connection(stream: TcpStream, peer: SocketAddr, app: Router) -> io::Result<()> {
    // hyper takes the stream, so keep a second handle on the same socket (a duplicated file
    // descriptor) to set SO_LINGER=0 on it if the connection must be reset.
    let std_stream = stream.into_std()?;
    let socket = TcpSocket::from_std_stream(std_stream.try_clone()?);
    let stream = TcpStream::from_std(std_stream)?;
    stream.set_nodelay(true)?;

    let drop_connection = DropConnection::default();
    let service = {
        let drop_connection = drop_connection.clone();
        service_fn(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(Peer(peer));
            request.extensions_mut().insert(drop_connection.clone());
            app.clone().oneshot(request)
        })
    };
    let mut builder = http1::Builder::new();
    // Enables hyper's 30 s limit on reading a request head (the body's limit is the router's).
    builder.timer(TokioTimer::new());
    // One request per connection (hyper answers `Connection: close`). Chromium silently
    // resends a request whose *reused* keep-alive connection fails before any answer, so
    // with keep-alive (say, a POST after its CORS preflight) a reset fault would never
    // reach the page. On loopback the extra handshakes cost nothing.
    builder.keep_alive(false);
    let connection = builder.serve_connection(TokioIo::new(stream), service);

    tokio::select! {
        // Errors here are clients going away mid-request: nothing to report.
        _ = connection => {}
        () = drop_connection.requested() => {
            // With a zero linger time, closing sends RST and discards anything unsent.
            // The socket closes once both handles are gone: hyper's when `connection` is
            // dropped (now, as `select!` ends), ours at the end of this function.
            socket.set_zero_linger()?;
        }
    }
    Ok(())
}
