#include "store/idempotency_store.hpp"

#include <soci/soci.h>
#include <sodium.h>

#include "store/timestamps.hpp"

namespace dichtbij::store {

namespace {

std::string request_hash(const IdempotentRequest& request) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  for (std::string_view part : {request.method, std::string_view("\n"), request.path,
                                std::string_view("\n"), request.body}) {
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()),
                              part.size());
  }
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash_final(&state, hash, sizeof hash);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

}  // namespace

Result<std::optional<StoredAnswer>> IdempotencyStore::find(const IdempotentRequest& request) {
  const std::string principal(request.principal);
  const std::string key(request.key);
  std::string hash;
  StoredAnswer answer;
  soci::session& session = transaction_.session();
  std::string created_at;
  session << "SELECT request_hash, status, response_headers, response_body, created_at FROM "
             "idempotency_keys WHERE principal = :principal AND idempotency_key = :key",
      soci::use(principal), soci::use(key), soci::into(hash), soci::into(answer.status),
      soci::into(answer.headers_json), soci::into(answer.body), soci::into(created_at);
  if (!session.got_data() || created_at < utc_text_ago(kRetention)) {
    return std::optional<StoredAnswer>();
  }
  if (hash != request_hash(request)) {
    Error error = make_error(ErrorCode::invalid_input,
                             "this Idempotency-Key was already used for a different request");
    error.invalid_params.push_back(
        {"Idempotency-Key", "was used before with another method, path or body; use a new key"});
    return error;
  }
  return std::optional<StoredAnswer>(std::move(answer));
}

void IdempotencyStore::record(const IdempotentRequest& request, const StoredAnswer& answer) {
  const std::string principal(request.principal);
  const std::string key(request.key);
  const std::string method(request.method);
  const std::string path(request.path);
  const std::string hash = request_hash(request);
  const std::string now = utc_now_text();
  const std::string expired = utc_text_ago(kRetention);
  transaction_.session() << "DELETE FROM idempotency_keys WHERE created_at < :expired",
      soci::use(expired);
  transaction_.session()
      << "INSERT INTO idempotency_keys (principal, idempotency_key, method, path, request_hash, "
         "status, response_headers, response_body, created_at) VALUES (:principal, :key, "
         ":method, :path, :hash, :status, :headers, :body, :created_at)",
      soci::use(principal), soci::use(key), soci::use(method), soci::use(path), soci::use(hash),
      soci::use(answer.status), soci::use(answer.headers_json), soci::use(answer.body),
      soci::use(now);
}

}  // namespace dichtbij::store
