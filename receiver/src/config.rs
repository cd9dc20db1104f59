//! The command-line flags, parsed by `clap`. Each flag with a value takes it as
//! `--name value` or `--name=value`; switches (`--blind`, `--no-cors`…) take none.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use clap::{CommandFactory, Parser};

use crate::{app::Settings, Faults};

/// The shortest `--control-token` accepted: long enough that it cannot be guessed.
pub const MIN_TOKEN_LEN: usize = 16;

const ABOUT: &str = "\
A local stand-in for Action Network (or a staff member's serverless function) that receives the
site's petition signatures and signups (see docs/signup-contract.md). It is for `make serve` and
the tests, not a production endpoint.";

const AFTER_HELP: &str = "\
Routes (GET / lists them too):
  POST /osdi/petitions/{petition}/record_signature_helper   OSDI petition signature
  POST /osdi/forms/{form}/record_submission_helper          OSDI form submission (updates signup)
  POST /osdi/people/person_signup_helper                    OSDI person signup
  POST /json, POST /form                                    flat JSON, flat urlencoded form
  GET  /count/{petition}                                    {\"count\": N}, public
  GET  /osdi/petitions/{petition}                           needs OSDI-API-Token (--api-token)
  GET  /__signatures, GET|POST /__control, POST /__reset    only with --control-token, and each
                                                            request must send x-receiver-token

Examples:
  signup-receiver --addr 127.0.0.1:8787 --site http://127.0.0.1:8080
  signup-receiver --control-token \"$(openssl rand -hex 24)\" --rate-limit 0 --no-dedupe";

/// Everything the binary needs to start.
#[derive(Debug, Clone, PartialEq, Eq, Parser)]
#[command(name = "signup-receiver", about = ABOUT, after_help = AFTER_HELP)]
pub struct Config {
    /// Where to listen (port 0 picks a free port).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8787", value_parser = address)]
    pub addr: SocketAddr,

    /// The JSON-lines file accepted signatures are appended to. Its folder is created; the
    /// idempotency keys already in it are read back at start.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "receiver-data/signatures.jsonl"
    )]
    pub data: PathBuf,

    /// The site's origin, for the redirect after a plain HTML form post.
    #[arg(long, value_name = "URL", default_value = "http://127.0.0.1:8080", value_parser = site_origin)]
    pub site: String,

    /// Serve the control endpoints (/__signatures, /__control, /__reset), each request to them
    /// carrying the header `x-receiver-token: TOKEN` (at least 16 characters). Without this
    /// flag those paths answer 404.
    #[arg(long, value_name = "TOKEN", value_parser = control_token)]
    pub control_token: Option<String>,

    /// Answer `GET /osdi/petitions/{petition}` to requests whose `OSDI-API-Token` header is
    /// TOKEN, like Action Network. Without this flag that route always answers 401.
    #[arg(long, value_name = "TOKEN", value_parser = api_token)]
    pub api_token: Option<String>,

    /// Record every post, even one whose idempotency key was seen before, as Action Network
    /// does (repeats are dropped by default).
    #[arg(long, help_heading = "Behaviour")]
    pub no_dedupe: bool,

    /// Send no CORS headers at all, so a browser's JSON post fails as it would against an
    /// endpoint that does not answer CORS.
    #[arg(long, help_heading = "Behaviour")]
    pub no_cors: bool,

    /// Give up on a request body not received within this many milliseconds (408).
    #[arg(long, value_name = "MS", default_value_t = 10_000, help_heading = "Limits", value_parser = clap::value_parser!(u64).range(1..))]
    pub body_timeout_ms: u64,

    /// Open connections at most; beyond that a connection is answered 503 with Retry-After
    /// and closed.
    #[arg(long, value_name = "N", default_value_t = 256, help_heading = "Limits", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,

    /// Signature posts per minute from one client; more are answered 429 with Retry-After.
    /// 0 turns the limit off. The client is the peer's IP address (see --trust-forwarded-for).
    #[arg(long, value_name = "N", default_value_t = 60, help_heading = "Limits")]
    pub rate_limit: u32,

    /// Take the client's address for the rate limit from the rightmost X-Forwarded-For
    /// address, as set by your own reverse proxy. Only behind a proxy that sets it: otherwise
    /// any client can claim any address.
    #[arg(long, help_heading = "Limits")]
    pub trust_forwarded_for: bool,

    /// Answer the first N signature posts with 503.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 0,
        help_heading = "Faults, to test how the site copes (signature endpoints only)"
    )]
    pub fail_first: u64,

    /// Drop the connection, without answering, for the first N.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 0,
        help_heading = "Faults, to test how the site copes (signature endpoints only)"
    )]
    pub reset_first: u64,

    /// Wait N milliseconds before answering each one.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 0,
        help_heading = "Faults, to test how the site copes (signature endpoints only)"
    )]
    pub delay_ms: u64,

    /// Answer each one 200 {} without checking it, like Action Network's background
    /// processing (it is still recorded).
    #[arg(
        long,
        help_heading = "Faults, to test how the site copes (signature endpoints only)"
    )]
    pub blind: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config::parse_from(["signup-receiver"])
    }
}

impl Config {
    /// The faults in force from the start.
    pub fn faults(&self) -> Faults {
        Faults {
            fail_next: self.fail_first,
            reset_next: self.reset_first,
            delay_ms: self.delay_ms,
            blind: self.blind,
        }
    }

    /// What the router needs.
    pub fn settings(&self) -> Settings {
        Settings {
            site: self.site.clone(),
            control_token: self.control_token.clone(),
            api_token: self.api_token.clone(),
            cors: !self.no_cors,
            dedupe: !self.no_dedupe,
            body_timeout: Duration::from_millis(self.body_timeout_ms),
            rate_limit: self.rate_limit,
            trust_forwarded_for: self.trust_forwarded_for,
        }
    }
}

/// Parses the arguments after the program's name. `--help` comes back as an error of kind
/// `DisplayHelp`: `error.exit()` prints it (or the mistake, with a hint) and exits.
pub fn parse_args<I>(args: I) -> Result<Config, clap::Error>
where
    I: IntoIterator,
    I::Item: Into<String>,
{
    let args =
        std::iter::once("signup-receiver".to_owned()).chain(args.into_iter().map(Into::into));
    Config::try_parse_from(args)
}

/// What `--help` prints.
pub fn usage() -> String {
    Config::command().render_help().to_string()
}

fn address(text: &str) -> Result<SocketAddr, String> {
    text.parse()
        .map_err(|_| "expected an IP address and port, like 127.0.0.1:8787".to_owned())
}

/// `http(s)://host[:port]`, with any trailing slash removed so paths can be appended.
fn site_origin(text: &str) -> Result<String, String> {
    let site = text.trim_end_matches('/');
    let host = site
        .strip_prefix("http://")
        .or_else(|| site.strip_prefix("https://"))
        .unwrap_or("");
    if host.is_empty() {
        return Err("expected an origin like http://127.0.0.1:8080".to_owned());
    }
    Ok(site.to_owned())
}

fn control_token(text: &str) -> Result<String, String> {
    token(text, "x-receiver-token")
}

fn api_token(text: &str) -> Result<String, String> {
    token(text, "OSDI-API-Token")
}

/// A secret sent in an HTTP header: long enough not to be guessed, and printable.
fn token(text: &str, header: &str) -> Result<String, String> {
    if text.chars().count() < MIN_TOKEN_LEN {
        return Err(format!(
            "the token must be at least {MIN_TOKEN_LEN} characters long (it has {}); \
             a random one: openssl rand -hex 24",
            text.chars().count()
        ));
    }
    if !text.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(format!(
            "the token is sent in the {header} header, so it must be printable ASCII without spaces"
        ));
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use clap::error::ErrorKind;

    use super::*;

    fn run(args: &[&str]) -> Config {
        parse_args(args.iter().copied()).unwrap_or_else(|e| panic!("expected a config: {e}"))
    }

    fn mistake(args: &[&str]) -> String {
        parse_args(args.iter().copied())
            .expect_err("should be refused")
            .to_string()
    }

    #[test]
    fn defaults() {
        let config = run(&[]);
        assert_eq!(config, Config::default());
        assert_eq!(config.addr.to_string(), "127.0.0.1:8787");
        assert_eq!(config.data, PathBuf::from("receiver-data/signatures.jsonl"));
        assert_eq!(config.site, "http://127.0.0.1:8080");
        assert_eq!(config.faults(), Faults::default());
        let settings = config.settings();
        assert_eq!(settings.control_token, None);
        assert_eq!(settings.api_token, None);
        assert!(settings.cors && settings.dedupe && !settings.trust_forwarded_for);
        assert_eq!(settings.body_timeout, Duration::from_secs(10));
        assert_eq!(settings.rate_limit, 60);
        assert_eq!(config.max_connections, 256);
    }

    #[test]
    fn every_flag() {
        let config = run(&[
            "--addr",
            "127.0.0.1:0",
            "--data=/tmp/x/s.jsonl",
            "--site",
            "http://localhost:4173/",
            "--fail-first",
            "2",
            "--reset-first=1",
            "--delay-ms",
            "150",
            "--blind",
            "--control-token",
            "0123456789abcdef",
            "--api-token=fedcba9876543210",
            "--no-dedupe",
            "--no-cors",
            "--body-timeout-ms",
            "500",
            "--max-connections=8",
            "--rate-limit",
            "0",
            "--trust-forwarded-for",
        ]);
        assert_eq!(config.addr.port(), 0);
        assert_eq!(config.data, PathBuf::from("/tmp/x/s.jsonl"));
        assert_eq!(config.site, "http://localhost:4173");
        assert_eq!(
            config.faults(),
            Faults {
                fail_next: 2,
                reset_next: 1,
                delay_ms: 150,
                blind: true
            }
        );
        assert_eq!(config.max_connections, 8);
        let settings = config.settings();
        assert_eq!(settings.control_token.as_deref(), Some("0123456789abcdef"));
        assert_eq!(settings.api_token.as_deref(), Some("fedcba9876543210"));
        assert!(!settings.cors && !settings.dedupe && settings.trust_forwarded_for);
        assert_eq!(settings.body_timeout, Duration::from_millis(500));
        assert_eq!(settings.rate_limit, 0);
    }

    #[test]
    fn mistakes_are_explained() {
        assert!(mistake(&["--nope"]).contains("--nope"));
        assert!(mistake(&["--fail-first"]).contains("a value is required"));
        assert!(mistake(&["--fail-first=-1"]).contains("--fail-first"));
        assert!(mistake(&["--addr", "localhost"]).contains("127.0.0.1:8787"));
        assert!(mistake(&["--site", "example.org"]).contains("http://127.0.0.1:8080"));
        assert!(mistake(&["--blind=yes"]).contains("--blind"));
        assert!(mistake(&["--max-connections", "0"]).contains("--max-connections"));
        let help = parse_args(["--help"]).unwrap_err();
        assert_eq!(help.kind(), ErrorKind::DisplayHelp);
    }

    #[test]
    fn tokens_must_be_long_and_printable() {
        let short = mistake(&["--control-token", "short"]);
        assert!(short.contains("at least 16 characters"), "{short}");
        assert!(mistake(&["--api-token=0123456789abcde"]).contains("at least 16"));
        assert!(mistake(&["--control-token", "0123456789 abcdef"]).contains("printable"));
        assert!(mistake(&["--control-token"]).contains("a value is required"));
    }

    #[test]
    fn help_lists_every_flag() {
        let help = usage();
        for flag in [
            "--addr",
            "--data",
            "--site",
            "--control-token",
            "--api-token",
            "--no-dedupe",
            "--no-cors",
            "--body-timeout-ms",
            "--max-connections",
            "--rate-limit",
            "--trust-forwarded-for",
            "--fail-first",
            "--reset-first",
            "--delay-ms",
            "--blind",
            "x-receiver-token",
            "/count/{petition}",
        ] {
            assert!(help.contains(flag), "{flag} missing from --help:\n{help}");
        }
    }
}
