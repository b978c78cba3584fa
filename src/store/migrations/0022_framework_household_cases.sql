-- Households (pseudonymised) as the cases of a framework matrix (issue 9,
-- docs/research.md). A matrix's kind of case is chosen when it is created
-- and never changes: 'practice' (the project's practices, as before) or
-- 'household' (the households linked to the project's notes whose research
-- consent is in force, each shown only by its pseudonym).
ALTER TABLE research_framework_matrices
  ADD COLUMN case_kind TEXT NOT NULL DEFAULT 'practice'
  CHECK (case_kind IN ('practice', 'household'));

-- The cells of household matrices, beside research_framework_cells (whose
-- row is a practice): the same columns with the household as the row. A
-- cell of a household whose consent was withdrawn stays here but is shown
-- nowhere; it comes back if consent is granted again.
CREATE TABLE research_framework_household_cells (
  matrix_id TEXT NOT NULL REFERENCES research_framework_matrices (id) ON DELETE CASCADE,
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  code_id TEXT NOT NULL REFERENCES research_codes (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  summary TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES accounts (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (matrix_id, household_id, code_id)
);

CREATE TABLE research_framework_household_cell_codings (
  matrix_id TEXT NOT NULL,
  household_id TEXT NOT NULL,
  code_id TEXT NOT NULL,
  coding_id TEXT NOT NULL REFERENCES research_codings (id) ON DELETE CASCADE,
  PRIMARY KEY (matrix_id, household_id, code_id, coding_id),
  FOREIGN KEY (matrix_id, household_id, code_id)
    REFERENCES research_framework_household_cells (matrix_id, household_id, code_id)
    ON DELETE CASCADE
);
