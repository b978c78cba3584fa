-- Agreements of a household's support plan. agreements holds the current
-- version; agreement_versions every version ever, the current one included,
-- so history is never overwritten.
CREATE TABLE agreements (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  goal TEXT NOT NULL,
  action TEXT NOT NULL,
  responsible_person_id TEXT NOT NULL REFERENCES persons (id),
  why TEXT,
  due_date TEXT,
  review_date TEXT,
  status TEXT NOT NULL,
  agreed_by_household INTEGER NOT NULL CHECK (agreed_by_household IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX agreements_household ON agreements (household_id, created_at);

CREATE TABLE agreement_versions (
  agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  goal TEXT NOT NULL,
  action TEXT NOT NULL,
  responsible_person_id TEXT NOT NULL REFERENCES persons (id),
  why TEXT,
  due_date TEXT,
  review_date TEXT,
  status TEXT NOT NULL,
  agreed_by_household INTEGER NOT NULL,
  changed_at TEXT NOT NULL,
  PRIMARY KEY (agreement_id, version)
);
