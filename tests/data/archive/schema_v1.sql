-- An archive as factcheck wrote it with schema version 1 (before unclaimed counts,
-- date precision and the language-detection flag were kept).
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  rules_version TEXT NOT NULL,
  title TEXT,
  outlet TEXT,
  url TEXT,
  published TEXT,
  published_how TEXT,
  lang TEXT NOT NULL,
  regions TEXT NOT NULL,
  text TEXT NOT NULL,
  n_claims INTEGER NOT NULL,
  ingested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_rules ON articles (rules_version);
CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  doc TEXT NOT NULL,
  metric TEXT NOT NULL,
  event TEXT,
  side TEXT,
  who TEXT,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  value DOUBLE PRECISION,
  low DOUBLE PRECISION,
  high DOUBLE PRECISION,
  qualifier TEXT NOT NULL,
  band_low DOUBLE PRECISION,
  band_high DOUBLE PRECISION,
  ambiguous INTEGER NOT NULL,
  low_exclusive INTEGER NOT NULL,
  high_exclusive INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  period_start TEXT,
  period_end TEXT,
  period_how TEXT,
  event_how TEXT,
  source TEXT,
  source_kind TEXT,
  published TEXT,
  lang TEXT NOT NULL,
  rule TEXT NOT NULL,
  quote TEXT NOT NULL,
  quote_start INTEGER NOT NULL
);
CREATE INDEX claims_group ON claims (metric, event, side);
CREATE INDEX claims_doc ON claims (doc);
CREATE INDEX claims_article ON claims (article_id, seq);
INSERT INTO meta (key, value) VALUES ('application', 'factcheck');
INSERT INTO meta (key, value) VALUES ('schema_version', '1');
INSERT INTO meta (key, value) VALUES ('created_at', '2024-01-01T00:00:00+00:00');
INSERT INTO articles VALUES (1, 'vecchio.txt', '/archivio/vecchio.txt', 'abc123', 'r0',
  'Frana a Valcorvo', 'Gazzetta di Prova', NULL, '2024-03-05', 'metadata', 'it', '[[0, 26]]',
  'Frana a Valcorvo: 12 morti', 1, '2024-03-05T10:00:00+00:00', '2024-03-05T10:00:00+00:00');
INSERT INTO claims VALUES (1, 1, 0, 'vecchio.txt', 'deaths', 'frana-valcorvo-2024', 'total', NULL,
  '12', 'count', 12.0, 12.0, 12.0, 'exact', NULL, NULL, 0, 0, 0, 18, 20,
  '2024-03-04', '2024-03-04', 'explicit', 'auto', 'protezione civile', 'attributed',
  '2024-03-05', 'it', 'it/deaths', 'Frana a Valcorvo: 12 morti', 0);
