-- Practice-based research (issue 9, docs/research.md): projects spanning
-- practices, their members, field notes, a hierarchical codebook whose every
-- change is kept, codings of text ranges and memos. Offsets are Unicode code
-- points, as REFI-QDA counts them; a note's length in code points is kept
-- with it so ranges are checked without reading the text.
CREATE TABLE research_projects (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  -- the number of the newest entry in research_codebook_changes (0: none)
  codebook_version INTEGER NOT NULL,
  created_by TEXT NOT NULL REFERENCES accounts (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE research_project_practices (
  project_id TEXT NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  PRIMARY KEY (project_id, practice_id)
);

-- role: researcher (codes, sees every note of the project) or stakeholder
-- (of a practice; takes part in member checks, sees no notes).
CREATE TABLE research_project_members (
  project_id TEXT NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  practice_id TEXT REFERENCES practices (id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (project_id, account_id)
);

CREATE INDEX research_project_members_account ON research_project_members (account_id);

CREATE TABLE field_notes (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  project_id TEXT NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  site TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES accounts (id),
  observed_on TEXT NOT NULL,
  perspective TEXT NOT NULL,
  body TEXT NOT NULL,
  -- length of body in Unicode code points
  body_length INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX field_notes_project ON field_notes (project_id, practice_id);
CREATE INDEX field_notes_author ON field_notes (author_id);

CREATE TABLE field_note_support_acts (
  note_id TEXT NOT NULL REFERENCES field_notes (id) ON DELETE CASCADE,
  support_act_id TEXT NOT NULL REFERENCES support_acts (id) ON DELETE CASCADE,
  PRIMARY KEY (note_id, support_act_id)
);

CREATE TABLE field_note_households (
  note_id TEXT NOT NULL REFERENCES field_notes (id) ON DELETE CASCADE,
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  PRIMARY KEY (note_id, household_id)
);

CREATE INDEX field_note_households_household ON field_note_households (household_id);

-- The pseudonyms of names replaced in the project's notes: the name is kept
-- only as a keyed digest, so the same name gets the same pseudonym
-- throughout the project without the name itself being stored.
CREATE TABLE research_name_pseudonyms (
  project_id TEXT NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
  name_digest TEXT NOT NULL,
  pseudonym TEXT NOT NULL,
  PRIMARY KEY (project_id, name_digest),
  UNIQUE (project_id, pseudonym)
);

CREATE TABLE research_codes (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  project_id TEXT NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
  parent_id TEXT REFERENCES research_codes (id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  colour TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX research_codes_project ON research_codes (project_id);
CREATE INDEX research_codes_parent ON research_codes (parent_id);

-- Append-only: one row per change to the codebook, numbered per project;
-- the code as it was before and after (JSON; empty for none).
CREATE TABLE research_codebook_changes (
  project_id TEXT NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
  codebook_version INTEGER NOT NULL,
  code_id TEXT NOT NULL,
  change TEXT NOT NULL,
  account_id TEXT NOT NULL REFERENCES accounts (id),
  changed_at TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  PRIMARY KEY (project_id, codebook_version)
);

CREATE TABLE research_codings (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
  note_id TEXT NOT NULL REFERENCES field_notes (id) ON DELETE CASCADE,
  code_id TEXT NOT NULL REFERENCES research_codes (id),
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  coder_id TEXT NOT NULL REFERENCES accounts (id),
  created_at TEXT NOT NULL
);

-- Covers what the analyses read of every coding of a project, in note
-- order: one scan of the index instead of a table lookup per coding
-- (200,000 of them; bench/README.md).
CREATE INDEX research_codings_corpus
  ON research_codings (project_id, note_id, code_id, coder_id, start_offset, end_offset);
CREATE INDEX research_codings_note ON research_codings (note_id, start_offset);
CREATE INDEX research_codings_code ON research_codings (code_id);

-- A memo is on exactly one of a note, a code or a coding.
CREATE TABLE research_memos (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  project_id TEXT NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
  note_id TEXT REFERENCES field_notes (id) ON DELETE CASCADE,
  code_id TEXT REFERENCES research_codes (id) ON DELETE CASCADE,
  coding_id TEXT REFERENCES research_codings (id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES accounts (id),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX research_memos_project ON research_memos (project_id);
