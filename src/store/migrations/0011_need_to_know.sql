-- Need-to-know access (access/policy.hpp).
--
-- The account that registered a person keeps seeing them, also before
-- they are linked to a household.
ALTER TABLE persons ADD COLUMN created_by TEXT REFERENCES accounts (id);
CREATE INDEX persons_created_by ON persons (created_by);

-- Break-the-glass: a professional opens a household outside their reach,
-- giving a reason, for a limited time. Kept after expiry: the practice's
-- coordinator reviews them.
CREATE TABLE break_glass_openings (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts (id),
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

CREATE INDEX break_glass_openings_account ON break_glass_openings (account_id, expires_at);
CREATE INDEX break_glass_openings_household ON break_glass_openings (household_id, opened_at);
