-- Support acts counted per day and group for the practice-level analyses
-- (issue 6, store/act_rollup.hpp, docs/measures.md "Rollup"): mobilisation
-- and collaboration read these few hundred thousand rows instead of every
-- act. The repositories that change acts, households, consents and roles
-- keep it in step in the same transaction. research_consent: 1 when the
-- household's research consent is in force (consents are never dated in the
-- future, so that stays true until a consent changes). joint_acts and
-- activations as in docs/measures.md. Counts may reach 0 and stay as rows.
CREATE TABLE support_act_rollup (
  act_date TEXT NOT NULL,
  practice_id TEXT NOT NULL,
  target_group TEXT NOT NULL,
  research_consent INTEGER NOT NULL,
  support_type TEXT NOT NULL,
  mobilised_by TEXT NOT NULL,
  acts BIGINT NOT NULL,
  joint_acts BIGINT NOT NULL,
  activations BIGINT NOT NULL,
  PRIMARY KEY (act_date, practice_id, target_group, research_consent, support_type, mobilised_by)
);

-- "Was this person a professional on the act's day" (act_roles_sql.hpp) is
-- asked per act and per other involved. Without this index SQLite answered
-- it from person_roles_role, walking every professional's role for each act
-- (minutes for the demo's 400,000 acts, hours for a city); with it, one seek.
CREATE INDEX person_roles_person_role ON person_roles (person_id, role, valid_from);

-- The acts already there, the way store::rebuild_rollup counts them, with
-- the engine's local today for the consent (postgresql variant).
INSERT INTO support_act_rollup (act_date, practice_id, target_group, research_consent,
                                support_type, mobilised_by, acts, joint_acts, activations)
SELECT f.act_date, hp.practice_id, h.target_group, f.rc, f.support_type, f.mobilised_by, COUNT(*),
       SUM(CASE WHEN (f.pf = 1 AND f.oc > f.of_) OR (f.pf = 0 AND f.of_ > 0) THEN 1 ELSE 0 END),
       SUM(CASE WHEN f.mobilised_by = 'professional' AND f.pf = 0 THEN 1 ELSE 0 END)
FROM (SELECT a.household_id, a.act_date, a.support_type, a.mobilised_by,
             CASE WHEN a.household_id IN (SELECT household_id FROM consents
                                          WHERE purpose = 'research' AND granted_on <= CURRENT_DATE::text
                                            AND (withdrawn_on IS NULL OR withdrawn_on > CURRENT_DATE::text))
                  THEN 1 ELSE 0 END AS rc,
             CASE WHEN EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = a.provider_id
                               AND r.role = 'professional' AND r.valid_from <= a.act_date
                               AND (r.valid_until IS NULL OR r.valid_until >= a.act_date))
                  THEN 1 ELSE 0 END AS pf,
             (SELECT COUNT(*) FROM support_act_others o WHERE o.support_act_id = a.id
              AND EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = o.person_id
                          AND r.role = 'professional' AND r.valid_from <= a.act_date
                          AND (r.valid_until IS NULL OR r.valid_until >= a.act_date))) AS of_,
             (SELECT COUNT(*) FROM support_act_others o WHERE o.support_act_id = a.id) AS oc
      FROM support_acts a) f
JOIN households h ON h.id = f.household_id
JOIN household_practices hp ON hp.household_id = f.household_id
GROUP BY f.act_date, hp.practice_id, h.target_group, f.rc, f.support_type, f.mobilised_by;
