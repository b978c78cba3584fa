-- Organisations: municipality, welfare, police, housing, healthcare, school,
-- volunteer organisations, self-organisations. kind holds the enumeration's
-- code; formal is 0 or 1.
CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  formal INTEGER NOT NULL CHECK (formal IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX organisations_name ON organisations (name, id);
