//! The accept loop. It is written by hand, rather than with `axum::serve`, for one fault:
//! "reset", where the receiver drops a connection without sending anything back, the way a
//! crashed function or a flaky network does. The browser's `fetch` then fails with a network
//! error. A handler cannot close its own connection, so each connection gets a
//! [`DropConnection`] that the handler triggers; this loop then closes the socket with a
//! TCP reset (RST) instead of an orderly close.

use std::{io, net::SocketAddr, sync::Arc, time::Duration};

use axum::Router;
use hyper::{body::Incoming, server::conn::http1, service::service_fn, Request};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::{
    net::{TcpListener, TcpSocket, TcpStream},
    sync::Notify,
};
use tower::ServiceExt;

/// The client's address, put in every request's extensions (the control endpoints answer
/// loopback clients only).
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

/// Serves `app` on `listener` until the process ends.
pub async fn serve(listener: TcpListener, app: Router) -> io::Result<()> {
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
        let app = app.clone();
        tokio::spawn(async move {
            if let Err(e) = serve_connection(stream, peer, app).await {
                eprintln!("connection from {peer}: {e}");
            }
        });
    }
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
    builder.timer(TokioTimer::new()); // enables hyper's 30 s limit on reading a request head
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
