#include "api/audited_answer.hpp"

#include <utility>

namespace dichtbij::api {

Response once_audited(store::Database& database, access::AuditEvent event, Response response) {
  response.hold = [&database, event = std::move(event)](Response::Release release) mutable {
    access::record(database, std::move(event), std::move(release));
  };
  return response;
}

}  // namespace dichtbij::api
