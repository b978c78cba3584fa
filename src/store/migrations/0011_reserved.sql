-- Placeholder: version 0011 belongs to another branch, which lands before
-- 0012_second_factor. Delete this file when merging that branch.
CREATE TABLE reserved_0011 (id INTEGER PRIMARY KEY);
DROP TABLE reserved_0011;
