-- An optional second factor (TOTP, RFC 6238) per account, its recovery
-- codes, and the roles an administrator requires it for.

-- One authenticator per account. The secret must be readable to compute
-- codes, so unlike passwords it cannot be hashed. confirmed_at is NULL while
-- the enrolment waits for its first code. last_used_step refuses a code's
-- step a second time (replay).
CREATE TABLE second_factors (
  account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  last_used_step BIGINT
);

-- Only BLAKE2b hashes (over account id and code) are stored; used_at marks
-- a code spent.
CREATE TABLE recovery_codes (
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  used_at TEXT,
  PRIMARY KEY (account_id, code_hash)
);

-- A role listed here must sign in with a second factor.
CREATE TABLE second_factor_requirements (
  role TEXT PRIMARY KEY,
  required_at TEXT NOT NULL
);

-- Set on a session of an account whose role requires a second factor it has
-- not set up yet: such a session reaches only the session routes.
ALTER TABLE sessions ADD COLUMN second_factor_setup_required INTEGER NOT NULL DEFAULT 0
  CHECK (second_factor_setup_required IN (0, 1));
