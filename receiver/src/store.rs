//! What the receiver keeps: every accepted signature, in memory (for `GET /__signatures`)
//! and appended to the data file as one JSON line each; the memory of which idempotency keys
//! it has accepted, so repeats are answered but not recorded again; and a count of
//! signatures per petition.
//!
//! The data file is the durable part. A line is on disk (`sync_data`) before the signature is
//! answered; a write that fails, even halfway, is cut back off the file so no half line is
//! left for the next record to run into. At start the keys (and counts) are read back from
//! the file, so a restart does not accept repeats; the records themselves are not, so
//! `GET /__signatures` starts empty at each run.

use std::{
    collections::{hash_map::DefaultHasher, HashMap},
    fs::{File, OpenOptions},
    hash::{Hash, Hasher},
    io::{self, BufRead, BufReader, Write},
    path::{Path, PathBuf},
    time::{SystemTime, UNIX_EPOCH},
};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Which of the site's adapters a signature came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Adapter {
    Osdi,
    Json,
    Form,
}

/// One accepted signature: one line of the data file, one item of `GET /__signatures`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

impl Record {
    /// The body a successful post is answered with: a small OSDI resource (its identifiers
    /// and dates) for OSDI, `{"ok": true}` for the flat adapters. A function of the record
    /// alone, so a repeat after a restart is answered exactly as the first was.
    pub fn answer(&self) -> Value {
        match self.adapter {
            Adapter::Osdi => json!({
                "identifiers": self.body["identifiers"],
                "created_date": self.received_at,
                "modified_date": self.received_at,
            }),
            Adapter::Json | Adapter::Form => json!({ "ok": true }),
        }
    }

    /// The petition this is a signature for, if it is one: the `{petition}` of
    /// `/osdi/petitions/{petition}/record_signature_helper` (percent-decoded, as a route's
    /// path parameter is), or the `action` of a flat body whose `kind` is an action's
    /// (`Kind::of_action`: a petition, a letter; not the updates signup).
    pub fn petition(&self) -> Option<String> {
        match self.adapter {
            Adapter::Osdi => self
                .endpoint
                .strip_prefix("/osdi/petitions/")?
                .strip_suffix("/record_signature_helper")
                .filter(|id| !id.is_empty() && !id.contains('/'))
                .map(percent_decode),
            Adapter::Json | Adapter::Form => {
                // Every kind of action is counted by its action (the updates signup is none).
                let kind = campaign_core::kind::Kind::parse(self.body["kind"].as_str()?)?;
                kind.of_action().then_some(())?;
                self.body["action"]
                    .as_str()
                    .filter(|id| !id.is_empty())
                    .map(str::to_owned)
            }
        }
    }
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

/// What the dedupe check keeps of the first acceptance of a key: a hash of its body (not the
/// body: that is in the data file), and what was answered.
#[derive(Debug)]
struct First {
    body_hash: u64,
    response: Value,
}

/// The signatures a petition has had, for `GET /count/{petition}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub count: u64,
    /// When the last one arrived, RFC 3339.
    pub last: String,
}

/// Where the store's lines go: the data file, or (in tests) something that fails on purpose.
pub trait DataFile: Send {
    /// Appends `line` at the end. It may fail partway, having written part of it.
    fn append(&mut self, line: &[u8]) -> io::Result<()>;
    /// Puts what was written on disk (`fsync` of the data).
    fn sync_data(&mut self) -> io::Result<()>;
    /// Cuts the file back to `len` bytes.
    fn set_len(&mut self, len: u64) -> io::Result<()>;
}

impl DataFile for File {
    fn append(&mut self, line: &[u8]) -> io::Result<()> {
        self.write_all(line)
    }

    fn sync_data(&mut self) -> io::Result<()> {
        File::sync_data(self)
    }

    fn set_len(&mut self, len: u64) -> io::Result<()> {
        File::set_len(self, len)
    }
}

/// The records, the dedupe memory, the counts, and the open data file.
pub struct Store {
    path: PathBuf,
    file: Box<dyn DataFile>,
    /// The file's length after the last whole line: where a failed write is cut back to.
    len: u64,
    dedupe: bool,
    keep_records: bool,
    records: Vec<Record>,
    seen: HashMap<String, First>,
    tallies: HashMap<String, Tally>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("len", &self.len)
            .field("dedupe", &self.dedupe)
            .field("records", &self.records.len())
            .field("seen", &self.seen.len())
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens `path` for appending, creating it (mode 0600) and its folder (0700) if need be,
    /// and reads back the keys and counts of the records already in it. A line that is not
    /// a record is skipped and reported on stderr; a half line at the end (a write cut off
    /// by a crash, never answered) is cut off the file.
    pub fn open(path: &Path) -> io::Result<Store> {
        Store::open_with(path, |file| file)
    }

    /// [`Store::open`], with the data file wrapped in `wrap`: for tests that need the disk
    /// to fail.
    pub fn open_with<D: DataFile + 'static>(
        path: &Path,
        wrap: impl FnOnce(File) -> D,
    ) -> io::Result<Store> {
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            create_private_dir(dir)?;
        }
        let mut options = OpenOptions::new();
        options.read(true).append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(path)?;
        warn_if_readable_by_others(path, &file);

        let mut store = Store {
            path: path.to_owned(),
            file: Box::new(wrap(file.try_clone()?)),
            len: 0,
            dedupe: true,
            keep_records: true,
            records: Vec::new(),
            seen: HashMap::new(),
            tallies: HashMap::new(),
        };
        let mut reader = BufReader::new(&file);
        let mut line = Vec::new();
        for number in 1.. {
            line.clear();
            let read = reader.read_until(b'\n', &mut line)?;
            if read == 0 {
                break;
            }
            if line.last() != Some(&b'\n') {
                // A half line at the end: a write cut off by a crash, never answered.
                eprintln!(
                    "{}:{number}: the last line is cut off ({read} bytes without a newline, \
                     a write that never finished); removing it",
                    path.display()
                );
                file.set_len(store.len)?;
                file.sync_data()?;
                break;
            }
            store.len += read as u64;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<Record>(&line) {
                Ok(record) => store.remember(&record),
                Err(e) => eprintln!("{}:{number}: not a record, skipped ({e})", path.display()),
            }
        }
        Ok(store)
    }

    /// Whether repeats (a key accepted before) are dropped. On by default; off, every post
    /// is recorded, as Action Network does.
    pub fn set_dedupe(&mut self, dedupe: bool) {
        self.dedupe = dedupe;
    }

    pub fn dedupe(&self) -> bool {
        self.dedupe
    }

    /// Whether accepted records are kept in memory for [`Store::records`] (on by default).
    /// Without the control endpoints nothing reads them, so the receiver turns this off.
    pub fn set_keep_records(&mut self, keep: bool) {
        self.keep_records = keep;
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every record accepted since the start (or the last [`Store::clear`]), in order.
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// How many idempotency keys are remembered (read back at start, or accepted since).
    pub fn keys(&self) -> usize {
        self.seen.len()
    }

    /// The signatures `petition` has had (since the data file began, or the last clear).
    pub fn tally(&self, petition: &str) -> Option<&Tally> {
        self.tallies.get(petition)
    }

    /// Forgets the records, the keys and the counts. The data file keeps its lines.
    pub fn clear(&mut self) {
        self.records.clear();
        self.seen.clear();
        self.tallies.clear();
    }

    /// Records `record` unless its key was accepted before (and repeats are dropped).
    ///
    /// The line is written and put on disk before anything is remembered. If that fails,
    /// even halfway, the file is cut back to where it was, nothing is remembered, and a
    /// retry can still succeed.
    pub fn accept(&mut self, record: Record) -> io::Result<Outcome> {
        let body_hash = hash(&record.body);
        if self.dedupe {
            if let Some(first) = record
                .idempotency_key
                .as_ref()
                .and_then(|key| self.seen.get(key))
            {
                return Ok(Outcome::Duplicate {
                    response: first.response.clone(),
                    same_body: first.body_hash == body_hash,
                });
            }
        }
        let mut line = serde_json::to_vec(&record).map_err(io::Error::other)?;
        line.push(b'\n');
        if let Err(e) = self.file.append(&line).and_then(|()| self.file.sync_data()) {
            // Leave no half line behind. If even that fails, the next open cuts it off.
            if let Err(cut) = self.file.set_len(self.len) {
                eprintln!(
                    "{}: could not cut a failed write back off the file: {cut}",
                    self.path.display()
                );
            }
            return Err(e);
        }
        self.len += line.len() as u64;
        let response = record.answer();
        self.remember_hashed(&record, body_hash, &response);
        if self.keep_records {
            self.records.push(record);
        }
        Ok(Outcome::Accepted(response))
    }

    fn remember(&mut self, record: &Record) {
        let response = record.answer();
        self.remember_hashed(record, hash(&record.body), &response);
    }

    fn remember_hashed(&mut self, record: &Record, body_hash: u64, response: &Value) {
        if let Some(key) = &record.idempotency_key {
            self.seen.entry(key.clone()).or_insert_with(|| First {
                body_hash,
                response: response.clone(),
            });
        }
        if let Some(petition) = record.petition() {
            let tally = self.tallies.entry(petition).or_insert_with(|| Tally {
                count: 0,
                last: String::new(),
            });
            tally.count += 1;
            tally.last.clone_from(&record.received_at);
        }
    }
}

/// `%XX` escapes to bytes; anything else as it is.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hash(body: &Value) -> u64 {
    let mut hasher = DefaultHasher::new();
    body.to_string().hash(&mut hasher);
    hasher.finish()
}

/// Creates `dir` and any missing parents, readable by the owner only (on unix).
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// A data file made before (or by someone else) may be readable by anyone: say so.
fn warn_if_readable_by_others(path: &Path, file: &File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(metadata) = file.metadata() {
            let mode = metadata.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                eprintln!(
                    "warning: {} holds names and emails but has mode {mode:o}; \
                     `chmod 600` it so only its owner can read it",
                    path.display()
                );
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (path, file);
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

    fn record(adapter: Adapter, endpoint: &str, body: Value) -> Record {
        Record {
            received_at: "2026-11-26T10:00:00.000Z".to_owned(),
            adapter,
            endpoint: endpoint.to_owned(),
            idempotency_key: Some("k".to_owned()),
            body,
        }
    }

    #[test]
    fn which_records_are_petition_signatures() {
        let osdi = |endpoint| record(Adapter::Osdi, endpoint, json!({})).petition();
        assert_eq!(
            osdi("/osdi/petitions/guantanamo/record_signature_helper").as_deref(),
            Some("guantanamo")
        );
        assert_eq!(
            osdi("/osdi/petitions/caf%C3%A9%2/record_signature_helper").as_deref(),
            Some("café%2")
        );
        assert_eq!(osdi("/osdi/people/person_signup_helper"), None);
        assert_eq!(osdi("/osdi/forms/updates/record_submission_helper"), None);
        let flat = |body| record(Adapter::Json, "/json", body).petition();
        assert_eq!(
            flat(json!({ "kind": "petition", "action": "guantanamo" })).as_deref(),
            Some("guantanamo")
        );
        assert_eq!(
            flat(json!({ "kind": "signup", "action": "guantanamo" })),
            None
        );
        assert_eq!(flat(json!({ "kind": "petition", "action": "" })), None);
        assert_eq!(flat(json!("not an object")), None);
    }
}
