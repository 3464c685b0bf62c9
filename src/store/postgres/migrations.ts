// The PostgreSQL schema, as numbered migrations applied in order at open (under an advisory
// lock, see open.ts); the same tables as the SQLite store, with PostgreSQL's own full-text search.

/** One schema step; `n` is recorded in `factually_schema` once applied. */
export interface PgMigration {
  n: number;
  why: string;
  sql: string;
}

/** Our schema-version table: one row per applied step. Its presence marks a schema as ours. */
export const SCHEMA_TABLE = "factually_schema";

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    n: 1,
    why: "corpus with document- and passage-level full-text indexes; checks, versions, feedback, run locks; web snapshots",
    sql: `
-- The original Porter stemmer (Snowball's "porter", as SQLite's FTS5 and text/passage-match.ts
-- use; Snowball's "english" stems harder: "weekly" would find "week"), without a stop list:
-- the query side drops stopwords itself
-- (text/query-terms.ts) and keeps them when a query has nothing else ("to be or not to be"),
-- so the index must keep them too. Same configuration on documents, passages and queries.
CREATE TEXT SEARCH DICTIONARY factually_stem (TEMPLATE = snowball, Language = porter);
CREATE TEXT SEARCH CONFIGURATION factually (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION factually
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
  WITH factually_stem;

CREATE TABLE documents (
  rowid integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL UNIQUE,
  title text NOT NULL,
  text text NOT NULL,
  url text,
  published_at text,
  publisher text,
  metadata jsonb NOT NULL DEFAULT '{}',
  content_hash text NOT NULL,
  ingested_at text NOT NULL,
  -- Title words weighted A, body words B: ranking counts a title occurrence several times.
  tsv tsvector NOT NULL,
  -- Tokens in title and body (BM25's document length).
  token_count integer NOT NULL
);
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_tsv ON documents USING gin(tsv);

-- tsv and token_count follow title and text in the same statement (a trigger, not generated
-- columns, because the token count needs the vector's positions).
CREATE FUNCTION documents_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.tsv := setweight(to_tsvector('factually', NEW.title), 'A')
    || setweight(to_tsvector('factually', NEW.text), 'B');
  NEW.token_count := (SELECT coalesce(sum(cardinality(positions)), 0) FROM unnest(NEW.tsv));
  RETURN NEW;
END $$;
CREATE TRIGGER documents_index BEFORE INSERT OR UPDATE OF title, text ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_index();

CREATE TABLE passages (
  rowid integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_rowid integer NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  ord integer NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  text text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('factually', text)) STORED
);
CREATE INDEX passages_document ON passages(document_rowid, ord);
CREATE INDEX passages_tsv ON passages USING gin(tsv);

-- Checks: one row per distinct (normalised) input, a row per dated run of it, feedback per
-- run. A version's full value is one JSON document validated by the CheckVersion schema.
CREATE TABLE checks (
  id text COLLATE "C" PRIMARY KEY,
  input text NOT NULL,
  normalized text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('claim', 'question')),
  created_at text NOT NULL,
  freshness_days integer,
  origin jsonb
);
CREATE TABLE check_versions (
  check_id text NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
  n integer NOT NULL,
  checked_at text COLLATE "C" NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  verdict_label text,
  verdict_confidence double precision,
  settings_fingerprint text NOT NULL,
  sources integer NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (check_id, n)
);
CREATE INDEX check_versions_recent ON check_versions(checked_at DESC);
CREATE TABLE feedback (
  rowid integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  check_id text NOT NULL,
  version integer NOT NULL,
  helpful boolean NOT NULL,
  comment text,
  created_at text NOT NULL,
  FOREIGN KEY (check_id, version) REFERENCES check_versions(check_id, n) ON DELETE CASCADE
);
CREATE INDEX feedback_version ON feedback(check_id, version);

-- The run in progress of a check, if any (see the SQLite store's migration 2).
CREATE TABLE check_runs (
  check_id text PRIMARY KEY,
  n integer NOT NULL,
  token text NOT NULL,
  owner_pid integer NOT NULL,
  owner_host text NOT NULL,
  started_at text NOT NULL,
  heartbeat_at text NOT NULL
);

CREATE TABLE web_snapshots (
  id text COLLATE "C" PRIMARY KEY,
  url text NOT NULL,
  final_url text NOT NULL,
  fetched_at text COLLATE "C" NOT NULL,
  validated_at text COLLATE "C" NOT NULL,
  content_type text NOT NULL,
  etag text,
  last_modified text,
  content_hash text NOT NULL,
  title text NOT NULL,
  text text NOT NULL,
  published_at text,
  publisher text,
  metadata jsonb NOT NULL,
  UNIQUE (url, content_hash)
);
CREATE INDEX web_snapshots_latest ON web_snapshots(url, validated_at DESC);
`,
  },
  {
    n: 2,
    why: "postings (lexeme, document, title and body counts) so BM25 reads only the query terms' rows: 210 → 18 ms for an 11-term SciFact query",
    sql: `
-- BM25 over the GIN-matched documents had to unnest every candidate's whole tsvector (430,000
-- rows for one SciFact claim). A relational inverted index keyed by lexeme reads only the
-- query terms' postings, and gives document frequencies by counting them. It replaces the
-- documents' GIN index, which ranking no longer used; passages keep theirs.
CREATE TABLE document_terms (
  lexeme text NOT NULL,
  document_rowid integer NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  tf_title integer NOT NULL,
  tf_body integer NOT NULL,
  PRIMARY KEY (lexeme, document_rowid)
);
CREATE INDEX document_terms_document ON document_terms(document_rowid);

CREATE FUNCTION documents_postings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM document_terms WHERE document_rowid = NEW.rowid;
  INSERT INTO document_terms (lexeme, document_rowid, tf_title, tf_body)
    SELECT u.lexeme, NEW.rowid,
      (SELECT count(*) FROM unnest(u.weights) AS w WHERE w = 'A'),
      (SELECT count(*) FROM unnest(u.weights) AS w WHERE w <> 'A')
    FROM unnest(NEW.tsv) AS u;
  RETURN NULL;
END $$;
CREATE TRIGGER documents_postings AFTER INSERT OR UPDATE OF title, text ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_postings();

INSERT INTO document_terms (lexeme, document_rowid, tf_title, tf_body)
  SELECT u.lexeme, d.rowid,
    (SELECT count(*) FROM unnest(u.weights) AS w WHERE w = 'A'),
    (SELECT count(*) FROM unnest(u.weights) AS w WHERE w <> 'A')
  FROM documents d CROSS JOIN LATERAL unnest(d.tsv) AS u;

DROP INDEX documents_tsv;
`,
  },
  {
    n: 3,
    why: "documents in byte order of their ids, the order every store exports in (db copy), without sorting the corpus for each page",
    sql: `
-- The ids' own index follows the database's collation (often a locale's); SQLite and the
-- other tables here compare ids byte by byte, and an export page must find its start quickly.
CREATE INDEX documents_id_bytes ON documents (id COLLATE "C");
`,
  },
  {
    n: 4,
    why: "scheduled re-checks: how often each check was viewed (oldest and most-viewed refresh first), and the store's own settings (when history was last looked at)",
    sql: `
ALTER TABLE checks ADD COLUMN views integer NOT NULL DEFAULT 0;

-- Small facts about the store itself, one row per key (e.g. 'history-looked-at').
CREATE TABLE store_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);
`,
  },
  {
    n: 5,
    why: "one rating per reader and version: who rated, as a salted hash (never the address), unique per version so a second rating replaces the first",
    sql: `
-- sha256(salt, client prefix) as hex; NULL for ratings from the command line and from before
-- this migration, which are each counted on their own (NULLs never collide in the index).
ALTER TABLE feedback ADD COLUMN rater text;
CREATE UNIQUE INDEX feedback_rater ON feedback (check_id, version, rater);
`,
  },
  {
    n: 6,
    why: "accounts (opt-in): users with a role and a scrypt password hash, sessions and API tokens stored as SHA-256 of their secrets",
    sql: `
-- People who may use the service (none: the service is open, as before accounts existed).
CREATE TABLE users (
  email text COLLATE "C" PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('viewer', 'checker', 'admin')),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at text NOT NULL
);
-- Browser sessions by the SHA-256 of their random token (the token is only in the cookie).
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  email text NOT NULL REFERENCES users(email) ON DELETE CASCADE,
  created_at text NOT NULL,
  last_seen_at text NOT NULL,
  expires_at text NOT NULL
);
CREATE INDEX sessions_user ON sessions(email);
-- Per-user API tokens by the SHA-256 of the token (shown once, never stored).
CREATE TABLE api_tokens (
  id text COLLATE "C" PRIMARY KEY,
  email text NOT NULL REFERENCES users(email) ON DELETE CASCADE,
  hash text NOT NULL UNIQUE,
  label text NOT NULL,
  created_at text NOT NULL,
  last_used_at text,
  revoked_at text
);
CREATE INDEX api_tokens_user ON api_tokens(email);
`,
  },
];

/** The schema version this build writes and understands. */
export const PG_LATEST_SCHEMA = PG_MIGRATIONS.at(-1)?.n ?? 0;
