-- Help requests, volunteer profiles and the matches between them (issue 8,
-- docs/matching.md). Lists (languages, interests, kinds, times, exclusions)
-- are JSON arrays of strings: they are read whole with their record and
-- never searched in SQL. Weekly times are slot codes ("mon-morning").
CREATE TABLE help_requests (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  kind TEXT NOT NULL,
  description TEXT NOT NULL,
  buurt_code TEXT NOT NULL,
  languages TEXT NOT NULL,
  interests TEXT NOT NULL,
  wished_times TEXT NOT NULL,
  urgency TEXT NOT NULL,
  status TEXT NOT NULL,
  requested_by_id TEXT REFERENCES persons (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX help_requests_practice ON help_requests (practice_id, status);
CREATE INDEX help_requests_household ON help_requests (household_id);
CREATE INDEX help_requests_requested_by ON help_requests (requested_by_id);

CREATE TABLE volunteer_profiles (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  kinds TEXT NOT NULL,
  preferred_kinds TEXT NOT NULL,
  languages TEXT NOT NULL,
  interests TEXT NOT NULL,
  home_buurt_code TEXT NOT NULL,
  -- metres, so that both engines compare the same whole numbers
  max_distance_m INTEGER NOT NULL,
  availability TEXT NOT NULL,
  capacity INTEGER NOT NULL,
  excluded_households TEXT NOT NULL,
  available INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (person_id, practice_id)
);

CREATE INDEX volunteer_profiles_practice ON volunteer_profiles (practice_id);

CREATE TABLE matches (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  request_id TEXT NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  volunteer_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  score INTEGER NOT NULL,
  explanation TEXT NOT NULL,
  reason TEXT,
  tie_id TEXT REFERENCES ties (id) ON DELETE SET NULL,
  proposed_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX matches_practice ON matches (practice_id, status);
CREATE INDEX matches_request ON matches (request_id);
CREATE INDEX matches_household ON matches (household_id);
CREATE INDEX matches_volunteer ON matches (volunteer_id, status);
CREATE INDEX matches_tie ON matches (tie_id);
