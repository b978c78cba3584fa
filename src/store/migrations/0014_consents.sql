-- Consent per household and purpose (issue 4): sharing between
-- organisations, and research use. Granted and withdrawn with dates, each
-- with the account that recorded it and when. A consent is never deleted:
-- withdrawing it sets withdrawn_on, and a withdrawn consent stays as it was.
-- A consent is in force from granted_on up to the day before withdrawn_on.
CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('sharing', 'research')),
  granted_on TEXT NOT NULL,
  withdrawn_on TEXT,
  note TEXT,
  recorded_by TEXT NOT NULL REFERENCES accounts (id),
  recorded_at TEXT NOT NULL,
  withdrawal_recorded_by TEXT REFERENCES accounts (id),
  withdrawal_recorded_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (withdrawn_on IS NULL OR withdrawn_on >= granted_on)
);

-- At most one consent per household and purpose that has not been
-- withdrawn; the repository also keeps dated periods from overlapping.
CREATE UNIQUE INDEX consents_open ON consents (household_id, purpose) WHERE withdrawn_on IS NULL;
CREATE INDEX consents_purpose ON consents (purpose, granted_on);

-- Values the program generates for itself and keeps with the data, such as
-- the key of research pseudonyms (research/pseudonyms.hpp).
CREATE TABLE settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at TEXT NOT NULL
);
