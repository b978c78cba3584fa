-- Households, the practices they belong to, and the people in them over
-- time: members, and the professionals on their team (part = 'member' or
-- 'team').
CREATE TABLE households (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  target_group TEXT NOT NULL,
  buurt_code TEXT,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX households_name ON households (name, id);

CREATE TABLE household_practices (
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  PRIMARY KEY (household_id, position)
);

CREATE INDEX household_practices_practice ON household_practices (practice_id);

CREATE TABLE household_people (
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  part TEXT NOT NULL CHECK (part IN ('member', 'team')),
  position INTEGER NOT NULL,
  person_id TEXT NOT NULL REFERENCES persons (id),
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  PRIMARY KEY (household_id, part, position)
);

CREATE INDEX household_people_person ON household_people (person_id);
