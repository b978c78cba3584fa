-- Data-subject rights and retention (GDPR arts. 15 and 17).
--
-- closed_on: the day a household's status became closed (NULL while it is
-- not closed), from which the retention period runs. Households closed
-- before this migration get the day of their last change, the best date
-- there is.
ALTER TABLE households ADD COLUMN closed_on TEXT;

UPDATE households SET closed_on = SUBSTR(updated_at, 1, 10) WHERE status = 'closed';

CREATE INDEX households_closed_on ON households (closed_on);

-- That a person or a household was anonymised: who asked, when, why, on
-- which basis (a person's request, or the retention period). Never what was
-- erased. No foreign key: the record outlives the row it is about.
CREATE TABLE erasures (
  id TEXT PRIMARY KEY,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'household')),
  subject_id TEXT NOT NULL,
  basis TEXT NOT NULL CHECK (basis IN ('request', 'retention')),
  reason TEXT NOT NULL,
  requested_by_account_id TEXT,
  requested_by TEXT NOT NULL,
  erased_at TEXT NOT NULL
);

CREATE INDEX erasures_subject ON erasures (subject_id, erased_at);
