-- ZRM assessments: one row per assessment, one per scored domain.
CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES persons (id),
  assessor_id TEXT REFERENCES persons (id),
  assessed_on TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX assessments_household ON assessments (household_id, assessed_on);

CREATE TABLE assessment_scores (
  assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  domain TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  carried_by TEXT,
  PRIMARY KEY (assessment_id, domain)
);
