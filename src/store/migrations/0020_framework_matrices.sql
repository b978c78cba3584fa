-- The framework matrix (Framework Method, Gale et al. 2013; issue 9,
-- docs/research.md): per project, the practices as rows (cases), a chosen
-- list of codes as columns (themes), and in a cell a researcher's summary
-- with the codings it rests on. A removed code takes its column with it.
CREATE TABLE research_framework_matrices (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  project_id TEXT NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES accounts (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX research_framework_matrices_project ON research_framework_matrices (project_id);

CREATE TABLE research_framework_themes (
  matrix_id TEXT NOT NULL REFERENCES research_framework_matrices (id) ON DELETE CASCADE,
  code_id TEXT NOT NULL REFERENCES research_codes (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  PRIMARY KEY (matrix_id, code_id)
);

-- A cell exists once written; its version is its ETag (an unwritten cell
-- is version 0).
CREATE TABLE research_framework_cells (
  matrix_id TEXT NOT NULL REFERENCES research_framework_matrices (id) ON DELETE CASCADE,
  practice_id TEXT NOT NULL REFERENCES practices (id),
  code_id TEXT NOT NULL REFERENCES research_codes (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  summary TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES accounts (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (matrix_id, practice_id, code_id)
);

CREATE TABLE research_framework_cell_codings (
  matrix_id TEXT NOT NULL,
  practice_id TEXT NOT NULL,
  code_id TEXT NOT NULL,
  coding_id TEXT NOT NULL REFERENCES research_codings (id) ON DELETE CASCADE,
  PRIMARY KEY (matrix_id, practice_id, code_id, coding_id),
  FOREIGN KEY (matrix_id, practice_id, code_id)
    REFERENCES research_framework_cells (matrix_id, practice_id, code_id) ON DELETE CASCADE
);
