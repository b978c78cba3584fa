-- Member checking (issue 9, docs/research.md): a researcher publishes a
-- finding to the stakeholders of one practice of the project; they answer
-- agree, partly or disagree with a comment. A revision is a new version;
-- every version, its fragments and every answer ever given are kept.
CREATE TABLE research_findings (
  id TEXT PRIMARY KEY,
  -- the newest version's number, and the ETag of the finding
  version INTEGER NOT NULL,
  project_id TEXT NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  created_by TEXT NOT NULL REFERENCES accounts (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX research_findings_project ON research_findings (project_id, practice_id);

CREATE TABLE research_finding_versions (
  finding_id TEXT NOT NULL REFERENCES research_findings (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES accounts (id),
  published_at TEXT NOT NULL,
  PRIMARY KEY (finding_id, version)
);

-- The fragments a version rests on, in the order given: the coding, and the
-- text it pointed at when the version was published. The text is a copy so
-- that what a stakeholder answered to stays readable when the coding is
-- removed later (coding_id then becomes NULL).
CREATE TABLE research_finding_fragments (
  finding_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  coding_id TEXT REFERENCES research_codings (id) ON DELETE SET NULL,
  excerpt TEXT NOT NULL,
  PRIMARY KEY (finding_id, version, ordinal),
  FOREIGN KEY (finding_id, version)
    REFERENCES research_finding_versions (finding_id, version) ON DELETE CASCADE
);

-- Append-only: a stakeholder who changes their answer adds a row (answer_number
-- 1, 2, … per stakeholder and version); the newest one counts.
CREATE TABLE research_finding_answers (
  finding_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  account_id TEXT NOT NULL REFERENCES accounts (id),
  answer_number INTEGER NOT NULL,
  answer TEXT NOT NULL,
  comment TEXT NOT NULL,
  answered_at TEXT NOT NULL,
  PRIMARY KEY (finding_id, version, account_id, answer_number),
  FOREIGN KEY (finding_id, version)
    REFERENCES research_finding_versions (finding_id, version) ON DELETE CASCADE
);
