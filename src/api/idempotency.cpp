#include "api/idempotency.hpp"

#include <nlohmann/json.hpp>

#include "api/problem.hpp"
#include "store/idempotency_store.hpp"

namespace dichtbij::api {

namespace {

// Headers worth replaying; the server adds the rest to every answer.
constexpr std::string_view kReplayedHeaders[] = {"Content-Type", "Location", "ETag"};

store::StoredAnswer to_stored(const Response& response) {
  nlohmann::json headers = nlohmann::json::array();
  for (const auto& [name, value] : response.headers) {
    for (std::string_view kept : kReplayedHeaders) {
      if (name == kept) headers.push_back({name, value});
    }
  }
  return {response.status, headers.dump(), response.body};
}

Response from_stored(const store::StoredAnswer& answer) {
  Response response;
  response.status = answer.status;
  response.body = answer.body;
  for (const auto& pair : nlohmann::json::parse(answer.headers_json)) {
    response.headers.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
  response.headers.emplace_back("Idempotent-Replayed", "true");
  return response;
}

bool is_valid_key(std::string_view key) {
  if (key.empty() || key.size() > 255) return false;
  for (unsigned char c : key) {
    if (c < 0x21 || c > 0x7E) return false;
  }
  return true;
}

}  // namespace

Response create_once(store::Database& database, const Request& request,
                     const std::function<Result<Response>(store::Transaction&)>& create) {
  const std::optional<std::string_view> key = request.header("Idempotency-Key");
  if (key && (!is_valid_key(*key) || request.header_count("Idempotency-Key") > 1)) {
    Error error = make_error(ErrorCode::invalid_input, "the Idempotency-Key is not usable");
    error.invalid_params.push_back(
        {"Idempotency-Key", "must be one key of 1 to 255 visible ASCII characters, e.g. a UUID"});
    return problem(error, request.request_id);
  }
  const store::IdempotentRequest idempotent{"", key.value_or(""), method_name(request.method),
                                            request.path, request.body};

  // A failure inside the transaction, carried out as an answer rather than an
  // error so that it rolls back but is still sent as it is.
  std::optional<Response> failed;
  auto attempt = [&]() -> Result<Response> {
    failed.reset();
    return database.in_transaction<Response>(
        store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<Response> {
          store::IdempotencyStore stored(transaction);
          if (key) {
            Result<std::optional<store::StoredAnswer>> earlier = stored.find(idempotent);
            if (!earlier.ok()) return std::move(earlier).error();
            if (*earlier) return from_stored(**earlier);
          }
          Result<Response> created = create(transaction);
          if (!created.ok()) return created;
          if (created->status >= 300) {
            failed = std::move(created).value();
            return make_error(ErrorCode::invalid_input, "rolled back");
          }
          if (key) stored.record(idempotent, to_stored(*created));
          return created;
        });
  };

  Result<Response> answer = attempt();
  // Two requests with one key at once: the second fails on the key's primary
  // key once the first commits; its retry finds the first answer.
  if (!answer.ok() && !failed && key && answer.error().code == ErrorCode::conflict) {
    answer = attempt();
  }
  if (failed) return std::move(*failed);
  if (!answer.ok()) return problem(answer.error(), request.request_id);
  return std::move(answer).value();
}

}  // namespace dichtbij::api
