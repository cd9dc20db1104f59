//! The command-line flags, parsed by hand: there are few, each is `--name value` (or
//! `--name=value`), and `--blind` and `--help` take no value.

use std::{net::SocketAddr, path::PathBuf};

use crate::Faults;

/// What `--help` prints, and what a bad flag is answered with.
pub const USAGE: &str = "\
Usage: signup-receiver [options]

A local stand-in for Action Network (or a staff member's serverless function) that
receives the site's petition signatures and signups (see docs/signup-contract.md).

  --addr ADDR        where to listen (default 127.0.0.1:8787; port 0 picks a free port)
  --data FILE        the JSON-lines file accepted signatures are appended to
                     (default receiver-data/signatures.jsonl; its folder is created)
  --site URL         the site's origin, for the redirect after a plain HTML form post
                     (default http://127.0.0.1:8080)

Faults, to test how the site copes (signature endpoints only):
  --fail-first N     answer the first N signature posts with 503
  --reset-first N    drop the connection, without answering, for the first N
  --delay-ms N       wait N milliseconds before answering each one
  --blind            answer each one 200 {} without checking it, like Action
                     Network's background processing (it is still recorded)

  -h, --help         show this help
";

/// Everything the binary needs to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub addr: SocketAddr,
    pub data: PathBuf,
    /// The site's origin without a trailing slash, e.g. `http://127.0.0.1:8080`.
    pub site: String,
    /// The faults in force from the start.
    pub faults: Faults,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8787)),
            data: PathBuf::from("receiver-data/signatures.jsonl"),
            site: "http://127.0.0.1:8080".to_owned(),
            faults: Faults::default(),
        }
    }
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Run(Config),
    Help,
}

/// Parses the arguments after the program's name.
pub fn parse_args<I>(args: I) -> Result<Command, String>
where
    I: IntoIterator,
    I::Item: Into<String>,
{
    let mut config = Config::default();
    let mut args = args.into_iter().map(Into::into);
    while let Some(arg) = args.next() {
        // `--name=value` and `--name value` mean the same.
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name.as_str() {
            "--addr" => {
                let text = value()?;
                config.addr = text.parse().map_err(|_| {
                    format!("--addr {text:?}: expected an IP address and port, like 127.0.0.1:8787")
                })?;
            }
            "--data" => config.data = PathBuf::from(value()?),
            "--site" => config.site = site_origin(&value()?)?,
            "--fail-first" => config.faults.fail_next = count(&name, &value()?)?,
            "--reset-first" => config.faults.reset_next = count(&name, &value()?)?,
            "--delay-ms" => config.faults.delay_ms = count(&name, &value()?)?,
            "--blind" if inline.is_none() => config.faults.blind = true,
            "--blind" => return Err("--blind takes no value".to_owned()),
            "-h" | "--help" => return Ok(Command::Help),
            _ => return Err(format!("unknown argument {name:?}")),
        }
    }
    Ok(Command::Run(config))
}

fn count(name: &str, text: &str) -> Result<u64, String> {
    text.parse()
        .map_err(|_| format!("{name} {text:?}: expected a whole number, 0 or more"))
}

/// `http(s)://host[:port]`, with any trailing slash removed so paths can be appended.
fn site_origin(text: &str) -> Result<String, String> {
    let site = text.trim_end_matches('/');
    let host = site
        .strip_prefix("http://")
        .or_else(|| site.strip_prefix("https://"))
        .unwrap_or("");
    if host.is_empty() {
        return Err(format!(
            "--site {text:?}: expected an origin like http://127.0.0.1:8080"
        ));
    }
    Ok(site.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Config {
        match parse_args(args.iter().copied()) {
            Ok(Command::Run(config)) => config,
            other => panic!("expected a config, got {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        assert_eq!(run(&[]), Config::default());
        assert_eq!(Config::default().addr.to_string(), "127.0.0.1:8787");
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
        ]);
        assert_eq!(config.addr.port(), 0);
        assert_eq!(config.data, PathBuf::from("/tmp/x/s.jsonl"));
        assert_eq!(config.site, "http://localhost:4173");
        assert_eq!(
            config.faults,
            Faults {
                fail_next: 2,
                reset_next: 1,
                delay_ms: 150,
                blind: true
            }
        );
    }

    #[test]
    fn mistakes_are_explained() {
        assert!(parse_args(["--nope"]).unwrap_err().contains("--nope"));
        assert!(parse_args(["--fail-first"])
            .unwrap_err()
            .contains("needs a value"));
        assert!(parse_args(["--fail-first", "-1"])
            .unwrap_err()
            .contains("whole number"));
        assert!(parse_args(["--addr", "localhost"])
            .unwrap_err()
            .contains("--addr"));
        assert!(parse_args(["--site", "example.org"])
            .unwrap_err()
            .contains("--site"));
        assert!(parse_args(["--blind=yes"]).is_err());
        assert_eq!(parse_args(["--help"]), Ok(Command::Help));
    }
}
