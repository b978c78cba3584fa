-- The GROUP BY of store::mobilisation_counts over every practice and
-- household, for the sqlite3 command line (bench/analyze_acts.sh).
SELECT hp.practice_id, h.target_group, a.support_type, SUBSTR(a.act_date, 1, 7), a.mobilised_by,
       COUNT(*)
FROM households h CROSS JOIN household_practices hp CROSS JOIN support_acts a
WHERE hp.household_id = h.id AND a.household_id = h.id AND a.act_date >= :from
  AND a.act_date <= :to
GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;
