#!/usr/bin/env bash
# bench/research_matrices.sh [BUILD_DIR] [NOTES] [CODINGS] [ROUNDS]
#
# The analyses of a research project (issue 9: 10,000 notes and 200,000
# codings, bar 200 ms each): code × practice, code × perspective and code
# co-occurrence over HTTP, as a researcher of the project — the whole path:
# session, standing in the project, reading the corpus, the consent filter,
# the computation, the audit event committed before the answer. Notes (2,000
# characters each, spread over the demo's practices and the seven
# perspectives) and codings (100 codes, three coders, ranges of 5–200 code
# points) are written straight into SQLite; the project through the API.
# Prints, per analysis, the first request (cold: computed from the
# database) and the median of the ROUNDS after it (answered from the cache
# of analyses kept under the data generation, api/research_analyses.cpp), in
# milliseconds; COLD_ROUNDS (default 3) more cold requests are made by
# writing between requests (a memo), which retires the cache.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_dir=${1:-build}
notes=${2:-10000}
codings=${3:-200000}
rounds=${4:-5}
binary="$build_dir/src/dichtbij"
database="$bench_work/research.db"
url="sqlite:$database"

DICHTBIJ_DATABASE_URL="$url" DICHTBIJ_LOG_LEVEL=warn "$binary" demo --households 20 --seed 1 \
  >/dev/null
port=$(free_port)
api="http://127.0.0.1:$port/api/v1"
start_dichtbij "$build_dir" "$port" DICHTBIJ_DATABASE_URL="$url"
sign_in "$build_dir" "$url" "$api" bench.researcher researcher
practices=$(sqlite3 "$database" "SELECT json_group_array(id) FROM practices")
project=$(curl -fsS -H "Cookie: $bench_cookie" -H "X-CSRF-Token: $bench_csrf" \
  -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench\",\"practiceIds\":$practices}" "$api/research/projects" |
  sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
account=$(sqlite3 "$database" "SELECT id FROM accounts WHERE username = 'bench.researcher'")

sqlite3 "$database" <<SQL
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TEMP TABLE bench_practices AS
  SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, id FROM practices;
CREATE TEMP TABLE bench_perspectives (n INTEGER, code TEXT);
INSERT INTO bench_perspectives VALUES (0, 'professional'), (1, 'manager'), (2, 'civilServant'),
  (3, 'experientialExpert'), (4, 'volunteer'), (5, 'citizen'), (6, 'researcher');
INSERT INTO research_codes (id, version, project_id, parent_id, name, description, colour,
                            created_at, updated_at)
  WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 99)
  SELECT printf('c0000000-0000-4000-8000-%012x', i), 1, '$project', NULL, 'code ' || i, '',
         '#888888', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM c;
UPDATE research_projects SET codebook_version = 100 WHERE id = '$project';
INSERT INTO field_notes (id, version, project_id, practice_id, site, author_id, observed_on,
                         perspective, body, body_length, created_at, updated_at)
  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $notes - 1)
  SELECT printf('a0000000-0000-4000-8000-%012x', i), 1, '$project',
         (SELECT id FROM bench_practices WHERE n = i % (SELECT COUNT(*) FROM bench_practices)),
         'site', '$account', '2026-03-03',
         (SELECT code FROM bench_perspectives WHERE n = i % 7),
         substr(replace(hex(zeroblob(1000)), '0', 'a'), 1, 2000), 2000,
         '2026-03-03T00:00:00Z', '2026-03-03T00:00:00Z' FROM n;
INSERT INTO research_codings (id, project_id, note_id, code_id, start_offset, end_offset,
                              coder_id, created_at)
  WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < $codings - 1),
  r(i, s, l, c) AS (SELECT i, abs(random()) % 1800, 5 + abs(random()) % 195,
                           abs(random()) % 100 FROM k)
  SELECT printf('b0000000-0000-4000-8000-%012x', i), '$project',
         printf('a0000000-0000-4000-8000-%012x', i % $notes),
         printf('c0000000-0000-4000-8000-%012x', c), s, s + l, '$account',
         '2026-03-03T00:00:00Z' FROM r;
COMMIT;
ANALYZE;
SQL
echo "research_matrices: $(sqlite3 "$database" 'SELECT COUNT(*) FROM field_notes') notes," \
  "$(sqlite3 "$database" 'SELECT COUNT(*) FROM research_codings') codings"

cold_rounds=${COLD_ROUNDS:-3}
request() {
  curl -fsS -o "$bench_work/answer.json" -w '%{time_total}' -H "Cookie: $bench_cookie" \
    "$api/research/projects/$project/analyses/$1" |
    awk '{ printf "%.0f\n", $1 * 1000 }'
}
retire_cache() {
  curl -fsS -o /dev/null -H "Cookie: $bench_cookie" -H "X-CSRF-Token: $bench_csrf" \
    -H 'Content-Type: application/json' \
    -d '{"codeId":"c0000000-0000-4000-8000-000000000000","text":"bench"}' \
    "$api/research/projects/$project/memos"
}

printf '| analysis | cold median ms | cold runs | cached median ms | cached runs |\n'
printf '|---|---|---|---|---|\n'
for analysis in code-practice-matrix code-perspective-matrix code-co-occurrence; do
  cold=() warm=()
  for ((i = 0; i < cold_rounds; i++)); do
    retire_cache
    cold+=("$(request "$analysis")")
  done
  for ((i = 0; i < rounds; i++)); do warm+=("$(request "$analysis")"); done
  printf '| %s | %s | %s | %s | %s |\n' "$analysis" \
    "$(printf '%s\n' "${cold[@]}" | median)" "${cold[*]}" \
    "$(printf '%s\n' "${warm[@]}" | median)" "${warm[*]}"
done
