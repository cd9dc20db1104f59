//! The `signup-receiver` binary: parses the flags, opens the data file, listens, serves.
//! Everything else lives in the library (`src/lib.rs`), so the tests can run the same router.

use std::{io, process::ExitCode};

use signup_receiver::{parse_args, router, serve, Command, Config, Receiver, Store, USAGE};
use tokio::net::TcpListener;

// One thread is plenty for a local test receiver, and it keeps the machine free for builds.
#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(config)) => config,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(reason) => {
            eprintln!("signup-receiver: {reason}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
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
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|e| io::Error::new(e.kind(), format!("cannot listen on {}: {e}", config.addr)))?;
    // The real address: with `--addr 127.0.0.1:0` the system picks the port.
    let addr = listener.local_addr()?;

    // Scripts wait for this line on stdout; the request log goes to stderr.
    println!("signup receiver listening on http://{addr}");
    eprintln!(
        "signatures are appended to {}; redirects go to {}; faults: {}",
        config.data.display(),
        config.site,
        config.faults
    );

    let app = router(Receiver::new(store, config.site, config.faults));
    serve(listener, app).await
}
