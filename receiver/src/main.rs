//! The `signup-receiver` binary: parses the flags, opens the data file, listens, serves.
//! Everything else lives in the library (`src/lib.rs`), so the tests can run the same router.

use std::{io, process::ExitCode};

use signup_receiver::{parse_args, router, serve, Config, Receiver, Store};
use tokio::net::TcpListener;

// One thread is plenty for a local test receiver, and it keeps the machine free for builds.
#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    // `--help` prints and exits 0; a mistake prints the reason and a hint, and exits 2.
    let config = parse_args(std::env::args().skip(1)).unwrap_or_else(|e| e.exit());
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("signup-receiver: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> io::Result<()> {
    let store = Store::open(&config.data).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot open {}: {e}", config.data.display()),
        )
    })?;
    let keys = store.keys();
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|e| io::Error::new(e.kind(), format!("cannot listen on {}: {e}", config.addr)))?;
    // The real address: with `--addr 127.0.0.1:0` the system picks the port.
    let addr = listener.local_addr()?;

    // Scripts wait for this line on stdout; the request log goes to stderr.
    println!("signup receiver listening on http://{addr}");
    let settings = config.settings();
    let on_off = |on: bool| if on { "on" } else { "off" };
    eprintln!(
        "signatures are appended to {} ({keys} idempotency keys read back); redirects go to {}; \
         repeats: {}; CORS: {}; control endpoints: {}; OSDI petition API: {}; \
         limits: body {} ms, {} connections, {}; faults: {}",
        config.data.display(),
        settings.site,
        if settings.dedupe {
            "dropped by idempotency key"
        } else {
            "all recorded (--no-dedupe)"
        },
        on_off(settings.cors),
        if settings.control_token.is_some() {
            "on (x-receiver-token)"
        } else {
            "off (no --control-token)"
        },
        on_off(settings.api_token.is_some()),
        config.body_timeout_ms,
        config.max_connections,
        match settings.rate_limit {
            0 => "no rate limit".to_owned(),
            n => format!(
                "{n} signatures a minute per {}",
                if settings.trust_forwarded_for {
                    "X-Forwarded-For address"
                } else {
                    "peer address"
                }
            ),
        },
        config.faults()
    );
    if !addr.ip().is_loopback() {
        eprintln!(
            "warning: listening on {addr}, beyond this machine. This receiver is a stand-in for \
             tests and `make serve`, not a production endpoint."
        );
    }

    let app = router(Receiver::new(store, settings, config.faults()));
    serve(listener, app, config.max_connections as usize).await
}
