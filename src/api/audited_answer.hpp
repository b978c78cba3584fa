// Answers to reads of personal data, sent only once their audit event has
// committed, without a worker thread waiting for the commit.
#pragma once

#include "access/audit.hpp"
#include "api/http.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// response, held back (Response::hold) until event is in the audit log; if
// the event cannot be written, the caller gets a problem naming why instead
// (503 while the database is unavailable) and never the data.
// REQUIRES: database outlives the server that sends the answer.
[[nodiscard]] Response once_audited(store::Database& database, access::AuditEvent event,
                                    Response response);

}  // namespace dichtbij::api
