// Idempotency-Key on creates: a phone on a bad connection that retries a
// POST gets the first answer back, and nothing is created twice.
#pragma once

#include <functional>

#include "api/http.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// Runs create in one write transaction. When the request carries an
// Idempotency-Key (1–255 visible ASCII characters), the answer is recorded in
// that same transaction, and a later request with the key gets the recorded
// answer (with Idempotent-Replayed: true) without running create; the key
// with a different method, path or body is a 400. An error from create, or
// an error status in its answer, rolls everything back and records nothing,
// so the client may retry with the same key.
[[nodiscard]] Response create_once(
    store::Database& database, const Request& request,
    const std::function<Result<Response>(store::Transaction&)>& create);

}  // namespace dichtbij::api
