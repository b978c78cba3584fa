-- Support acts (steunmomenten) and the others involved in each.
CREATE TABLE support_acts (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  act_date TEXT NOT NULL,
  household_id TEXT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  provider_id TEXT NOT NULL REFERENCES persons (id),
  receiver_id TEXT NOT NULL REFERENCES persons (id),
  support_type TEXT NOT NULL,
  duration_minutes INTEGER,
  mode TEXT NOT NULL,
  mobilised_by TEXT NOT NULL,
  mobilised_by_person_id TEXT REFERENCES persons (id),
  agreement_id TEXT REFERENCES agreements (id) ON DELETE SET NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX support_acts_household_date ON support_acts (household_id, act_date);
CREATE INDEX support_acts_provider ON support_acts (provider_id, act_date);
CREATE INDEX support_acts_date ON support_acts (act_date, id);

CREATE TABLE support_act_others (
  support_act_id TEXT NOT NULL REFERENCES support_acts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  person_id TEXT NOT NULL REFERENCES persons (id),
  PRIMARY KEY (support_act_id, position)
);

CREATE INDEX support_act_others_person ON support_act_others (person_id);
