-- Ties around a household. support_types is a JSON array of codes; the
-- period (valid_from … valid_until, inclusive) says when the tie held.
CREATE TABLE ties (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES persons (id),
  other_person_id TEXT NOT NULL REFERENCES persons (id),
  relation_kind TEXT NOT NULL,
  support_types TEXT NOT NULL,
  closeness INTEGER NOT NULL CHECK (closeness BETWEEN 1 AND 3),
  contact_frequency TEXT,
  direction TEXT NOT NULL,
  quality TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (person_id <> other_person_id)
);

CREATE INDEX ties_household ON ties (household_id, valid_from);
CREATE INDEX ties_person ON ties (person_id);
CREATE INDEX ties_other_person ON ties (other_person_id);
