-- Accounts, their sign-in sessions and throttling, and the audit log.
-- Times are UTC text ("2026-11-27T08:15:00Z"), so they compare as text.

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  person_id TEXT REFERENCES persons (id),
  practice_id TEXT REFERENCES practices (id),
  -- libsodium's crypto_pwhash_str (Argon2id), salt and limits included.
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  failed_sign_ins INTEGER NOT NULL,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX accounts_person ON accounts (person_id);

-- Only a hash of the session token is stored: a copy of this table does
-- not let anyone sign in.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  client_address TEXT NOT NULL
);

CREATE INDEX sessions_account ON sessions (account_id);

-- Failed sign-ins per client address, in a window that starts with the
-- first failure.
CREATE TABLE sign_in_failures (
  client_address TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_started_at TEXT NOT NULL,
  locked_until TEXT
);

-- Append-only. Each event's hash covers its own fields and the previous
-- event's hash (BLAKE2b-256), so editing or deleting one breaks the chain
-- from there on.
CREATE TABLE audit_events (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  account_id TEXT,
  username TEXT,
  role TEXT,
  break_glass INTEGER NOT NULL CHECK (break_glass IN (0, 1)),
  action TEXT NOT NULL,
  household_id TEXT,
  record_id TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied')),
  reason TEXT,
  client_address TEXT,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);

CREATE INDEX audit_events_household ON audit_events (household_id, seq);
CREATE INDEX audit_events_account ON audit_events (account_id, seq);
