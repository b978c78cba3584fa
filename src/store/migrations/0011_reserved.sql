-- Placeholder: version 0011 belongs to another branch that lands before this
-- one. It only keeps the versions without gaps while this branch runs on its
-- own. Drop this file when merging (the real 0011 takes its place).
SELECT 1;
