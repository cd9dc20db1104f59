//! What the receiver keeps: every accepted signature, in memory (for `GET /__signatures`)
//! and appended to the data file as one JSON line each, plus the memory of which
//! idempotency keys it has accepted, so repeats are answered but not recorded again.

use std::{
    collections::HashMap,
    fs::{self, File, OpenOptions},
    io::{self, Write},
    path::{Path, PathBuf},
    time::{SystemTime, UNIX_EPOCH},
};

use serde::Serialize;
use serde_json::Value;

/// Which of the site's adapters a signature came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Adapter {
    Osdi,
    Json,
    Form,
}

/// One accepted signature: one line of the data file, one item of `GET /__signatures`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    /// When it arrived, RFC 3339 in UTC.
    pub received_at: String,
    pub adapter: Adapter,
    /// The request path, e.g. `/osdi/petitions/guantanamo/record_signature_helper`.
    pub endpoint: String,
    /// `None` only for a blind-mode post whose body carried no key.
    pub idempotency_key: Option<String>,
    /// The body as parsed: the JSON as sent, or the form's fields as an object of strings.
    pub body: Value,
}

/// What [`Store::accept`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Recorded; answer with this body.
    Accepted(Value),
    /// The key was accepted before: nothing recorded. Answer with the first answer's body,
    /// so the client cannot tell. `same_body` is false if this repeat differs from the
    /// first, which the contract says the site never does (worth a line in the log).
    Duplicate { response: Value, same_body: bool },
}

/// The first acceptance of a key: what was sent, and what was answered.
#[derive(Debug)]
struct First {
    body: Value,
    response: Value,
}

/// The records, the dedupe memory, and the open data file.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    file: File,
    records: Vec<Record>,
    seen: HashMap<String, First>,
}

impl Store {
    /// Opens `path` for appending, creating it and its folder if need be.
    /// Records already in the file are not loaded: each run starts with an empty memory.
    pub fn open(path: &Path) -> io::Result<Store> {
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            fs::create_dir_all(dir)?;
        }
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Store {
            path: path.to_owned(),
            file,
            records: Vec::new(),
            seen: HashMap::new(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every record accepted since the start (or the last [`Store::clear`]), in order.
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// Forgets the records and the keys. The data file keeps its lines.
    pub fn clear(&mut self) {
        self.records.clear();
        self.seen.clear();
    }

    /// Records `record` unless its key was accepted before. `response` is the body the
    /// caller will answer with, remembered for the repeats.
    ///
    /// The line is written (and flushed) before anything is remembered, so a failed write
    /// leaves no trace and a retry can still succeed.
    pub fn accept(&mut self, record: Record, response: Value) -> io::Result<Outcome> {
        if let Some(first) = record
            .idempotency_key
            .as_ref()
            .and_then(|key| self.seen.get(key))
        {
            return Ok(Outcome::Duplicate {
                response: first.response.clone(),
                same_body: first.body == record.body,
            });
        }
        let mut line = serde_json::to_vec(&record).map_err(io::Error::other)?;
        line.push(b'\n');
        // One write per line, so a reader never sees half a record.
        self.file.write_all(&line)?;
        self.file.flush()?;
        if let Some(key) = &record.idempotency_key {
            let first = First {
                body: record.body.clone(),
                response: response.clone(),
            };
            self.seen.insert(key.clone(), first);
        }
        self.records.push(record);
        Ok(Outcome::Accepted(response))
    }
}

/// The current time as RFC 3339 in UTC with milliseconds, e.g. `2026-11-26T10:00:00.000Z`.
pub fn now_rfc3339() -> String {
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    rfc3339(since_epoch.as_secs(), since_epoch.subsec_millis())
}

/// Formats seconds since 1970 (UTC) plus milliseconds, without a date crate.
fn rfc3339(secs: u64, millis: u32) -> String {
    let days = secs / 86_400;
    let rest = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar:
/// Howard Hinnant's `civil_from_days`, for dates from 1970 on.
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468; // days since 0000-03-01
    let era = z / 146_097;
    let doe = z % 146_097; // day of the 400-year era
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of the year starting in March
    let mp = (5 * doy + 2) / 153; // month starting in March, 0..12
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_rfc3339() {
        assert_eq!(rfc3339(0, 0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(951_782_400, 5), "2000-02-29T00:00:00.005Z");
        assert_eq!(rfc3339(1_795_687_200, 250), "2026-11-26T10:00:00.250Z");
        assert_eq!(rfc3339(4_107_542_399, 999), "2100-02-28T23:59:59.999Z");
        assert_eq!(now_rfc3339().len(), "2026-11-26T10:00:00.000Z".len());
    }
}
