// A digest of the domain data, to tell whether two databases hold the same
// records: `dichtbij demo` run twice with one seed must give the same data,
// on SQLite and on PostgreSQL alike.
#pragma once

#include <string>

#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// BLAKE2b-256 (hex) over every row of the domain tables (organisations,
// practices, persons, households, ties, agreements and their versions,
// support acts, assessments, consents and their child rows), leaving out
// the columns that say when or by whom a row was written (created_at,
// updated_at, created_by, recorded_by, recorded_at and the withdrawal's),
// which differ between two loads of the same records. Independent of row
// order and of the engine: each row is hashed on its own, and the sorted
// row hashes are hashed together. Holds one hash per row in memory: meant
// for tests and checks of generated data, not for a city's worth of rows
// on a busy server.
[[nodiscard]] Result<std::string> content_digest(Transaction& transaction);

}  // namespace dichtbij::store
