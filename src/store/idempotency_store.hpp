// IdempotencyStore: the first answer to each POST that carried an
// Idempotency-Key, so that a retry gets that answer back instead of creating
// a second record.
//
// Record the answer in the same transaction as the create it answers: then
// either both are committed or neither, and a concurrent retry with the same
// key fails on the primary key and finds the committed answer.
//
// Answers hold personal data, so they are kept only kRetention: long enough
// for a phone to retry, not a second copy of the records.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

struct StoredAnswer {
  int status = 0;
  std::string headers_json;  // a JSON array of [name, value] pairs
  std::string body;
};

struct IdempotentRequest {
  std::string_view principal;  // who sent it; "" until accounts exist
  std::string_view key;
  std::string_view method;
  std::string_view path;
  std::string_view body;
};

class IdempotencyStore {
 public:
  static constexpr std::chrono::hours kRetention{24};

  explicit IdempotencyStore(Transaction& transaction) : transaction_(transaction) {}

  // The answer recorded for this principal and key; nullopt when none.
  // invalid_input when the key was used before for a different request
  // (another method, path or body).
  [[nodiscard]] Result<std::optional<StoredAnswer>> find(const IdempotentRequest& request);

  // Records the answer, and forgets answers older than kRetention. Throws (a
  // conflict, via in_transaction) when the key was recorded concurrently.
  void record(const IdempotentRequest& request, const StoredAnswer& answer);

 private:
  Transaction& transaction_;
};

}  // namespace dichtbij::store
