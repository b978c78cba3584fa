-- Practices and persons. Short lists that are only ever read whole (target
-- groups, buurt codes, languages, skills) are JSON arrays of strings; lists
-- that refer to other records are rows, so foreign keys guard them.
CREATE TABLE practices (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  target_groups TEXT NOT NULL,
  buurt_codes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX practices_name ON practices (name, id);

CREATE TABLE practice_organisations (
  practice_id TEXT NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (practice_id, position)
);

CREATE INDEX practice_organisations_organisation ON practice_organisations (organisation_id);

CREATE TABLE persons (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  display_name TEXT NOT NULL,
  birth_year INTEGER,
  buurt_code TEXT,
  languages TEXT NOT NULL,
  skills TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX persons_name ON persons (display_name, id);

CREATE TABLE person_roles (
  person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  PRIMARY KEY (person_id, position)
);

CREATE INDEX person_roles_role ON person_roles (role, valid_from);

CREATE TABLE person_memberships (
  person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  PRIMARY KEY (person_id, position)
);

CREATE INDEX person_memberships_organisation ON person_memberships (organisation_id);
