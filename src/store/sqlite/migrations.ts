// The schema of the embedded store, as numbered migrations applied in order at open.

/** One schema step; `n` becomes SQLite's `user_version` once applied. */
export interface Migration {
  n: number;
  why: string;
  sql: string;
}

// Porter stemming over unicode61 words with diacritics folded: "vaccines" finds "vaccine",
// "café" finds "cafe". Same tokenizer on documents and passages so their scores compare.
const TOKENIZER = "porter unicode61 remove_diacritics 2";

export const MIGRATIONS: readonly Migration[] = [
  {
    n: 1,
    why: "corpus with document- and passage-level full-text indexes; check records",
    sql: `
CREATE TABLE documents (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  url TEXT,
  published_at TEXT,
  publisher TEXT,
  metadata TEXT NOT NULL DEFAULT '{}',
  content_hash TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_content_hash ON documents(content_hash);

CREATE TABLE passages (
  rowid INTEGER PRIMARY KEY,
  document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX passages_document ON passages(document_rowid, ord);

-- External-content indexes: the text lives once in the tables above, triggers keep the
-- indexes in step inside the same transaction.
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='rowid', tokenize='${TOKENIZER}'
);
CREATE VIRTUAL TABLE passages_fts USING fts5(
  text, content='passages', content_rowid='rowid', tokenize='${TOKENIZER}'
);
-- Document frequency of each stemmed term, for query expansion.
CREATE VIRTUAL TABLE documents_vocab USING fts5vocab(documents_fts, row);

CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
  INSERT INTO passages_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
  INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

-- Checks: one row per distinct (normalised) input, a row per dated run of it, feedback per
-- run. A version's full value (plan, sources with content hashes, passages used,
-- assessments, verdict, report, settings, timings) is one JSON document validated by the
-- CheckVersion schema; the columns beside it are what listing and filtering need.
CREATE TABLE checks (
  id TEXT PRIMARY KEY,
  input TEXT NOT NULL,
  normalized TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('claim', 'question')),
  created_at TEXT NOT NULL,
  freshness_days INTEGER
);
CREATE TABLE check_versions (
  check_id TEXT NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  checked_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  verdict_label TEXT,
  verdict_confidence REAL,
  settings_fingerprint TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (check_id, n)
);
CREATE INDEX check_versions_recent ON check_versions(checked_at DESC);
CREATE TABLE feedback (
  rowid INTEGER PRIMARY KEY,
  check_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
  comment TEXT,
  created_at TEXT NOT NULL,
  FOREIGN KEY (check_id, version) REFERENCES check_versions(check_id, n) ON DELETE CASCADE
);
CREATE INDEX feedback_version ON feedback(check_id, version);
`,
  },
  {
    n: 2,
    why: "who made a checked claim and where (ClaimReview); run locks so a check runs once at a time",
    sql: `
ALTER TABLE checks ADD COLUMN origin TEXT;

-- The run in progress of a check, if any: taken before the pipeline starts and removed in the
-- transaction that stores the finished version. A row whose owner died (kill -9, power cut) is
-- recognised by its dead process id or its stale heartbeat, and taken over.
CREATE TABLE check_runs (
  check_id TEXT PRIMARY KEY,
  n INTEGER NOT NULL,
  token TEXT NOT NULL,
  owner_pid INTEGER NOT NULL,
  owner_host TEXT NOT NULL,
  started_at TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL
);
`,
  },
  {
    n: 3,
    why: "pages read from the web, kept as dated snapshots that citations point to and refreshes re-validate",
    sql: `
-- One row per page and content: a page whose text changes gets a new row, the same text a
-- new validated_at. The extracted text (not the raw bytes) is what citations rest on.
CREATE TABLE web_snapshots (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  final_url TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  validated_at TEXT NOT NULL,
  content_type TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  content_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  published_at TEXT,
  publisher TEXT,
  metadata TEXT NOT NULL,
  UNIQUE (url, content_hash)
);
CREATE INDEX web_snapshots_latest ON web_snapshots(url, validated_at DESC);
`,
  },
  {
    n: 4,
    why: "scheduled re-checks: how often each check was viewed (oldest and most-viewed refresh first), and the store's own settings (when history was last looked at)",
    sql: `
ALTER TABLE checks ADD COLUMN views INTEGER NOT NULL DEFAULT 0;

-- Small facts about the store itself, one row per key (e.g. 'history-looked-at').
CREATE TABLE store_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    n: 5,
    why: "one rating per reader and version: who rated, as a salted hash (never the address), unique per version so a second rating replaces the first",
    sql: `
-- sha256(salt, client prefix) as hex; NULL for ratings from the command line and from before
-- this migration, which are each counted on their own (NULLs never collide in the index).
ALTER TABLE feedback ADD COLUMN rater TEXT;
CREATE UNIQUE INDEX feedback_rater ON feedback (check_id, version, rater);
`,
  },
  {
    n: 6,
    why: "accounts (opt-in): users with a role and a scrypt password hash, sessions and API tokens stored as SHA-256 of their secrets",
    sql: `
-- People who may use the service (none: the service is open, as before accounts existed).
CREATE TABLE users (
  email TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'checker', 'admin')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
-- Browser sessions by the SHA-256 of their random token (the token is only in the cookie).
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL REFERENCES users(email) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(email);
-- Per-user API tokens by the SHA-256 of the token (shown once, never stored).
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL REFERENCES users(email) ON DELETE CASCADE,
  hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(email);
`,
  },
];

/** The schema version this build writes and understands. */
export const LATEST_SCHEMA = MIGRATIONS.at(-1)?.n ?? 0;
