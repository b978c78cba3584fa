-- The acts query of store::collaboration_counts over every practice and
-- household, for the sqlite3 command line (bench/analyze_acts.sh).
SELECT acts.practice_id, SUBSTR(acts.act_date, 1, 7), COUNT(*),
       SUM(CASE WHEN (pf = 1 AND oc > of_) OR (pf = 0 AND of_ > 0) THEN 1 ELSE 0 END),
       SUM(CASE WHEN mobilised_by = 'professional' AND pf = 0 THEN 1 ELSE 0 END)
FROM (SELECT a.id, a.act_date, a.mobilised_by,
             CASE WHEN EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = a.provider_id
                               AND r.role = 'professional' AND r.valid_from <= a.act_date
                               AND (r.valid_until IS NULL OR r.valid_until >= a.act_date))
                  THEN 1 ELSE 0 END AS pf,
             (SELECT COUNT(*) FROM support_act_others o WHERE o.support_act_id = a.id
              AND EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = o.person_id
                          AND r.role = 'professional' AND r.valid_from <= a.act_date
                          AND (r.valid_until IS NULL OR r.valid_until >= a.act_date))) AS of_,
             (SELECT COUNT(*) FROM support_act_others o WHERE o.support_act_id = a.id) AS oc,
             hp.practice_id
      FROM support_acts a JOIN household_practices hp ON hp.household_id = a.household_id
      WHERE a.act_date >= :from AND a.act_date <= :to) acts
GROUP BY 1, 2;
