-- The social map: facilities per neighbourhood, and referrals to them.
CREATE TABLE facilities (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  buurt_code TEXT NOT NULL,
  address TEXT,
  description TEXT,
  organisation_id TEXT REFERENCES organisations (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX facilities_buurt ON facilities (buurt_code, name);

CREATE TABLE referrals (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  referred_on TEXT NOT NULL,
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  facility_id TEXT NOT NULL REFERENCES facilities (id),
  person_id TEXT REFERENCES persons (id),
  referred_by_id TEXT REFERENCES persons (id),
  status TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX referrals_household ON referrals (household_id, referred_on);
CREATE INDEX referrals_facility ON referrals (facility_id);
