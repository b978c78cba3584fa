// Result<T>: the value of an operation that can fail in an expected way.
//
// Expected failures (not found, invalid input, conflict, forbidden, storage
// unavailable) travel as values, not exceptions, so every caller sees them in
// the signature and the compiler warns when one is ignored. The API layer maps
// each ErrorCode to one HTTP status in a single place (api/problem.hpp).
//
// std::expected is C++23; this is the small subset of it that we use.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace dichtbij {

enum class ErrorCode {
  invalid_input,           // the caller sent something we cannot accept
  not_found,               // the thing asked for does not exist (or may not be seen)
  conflict,                // the change clashes with the current state
  precondition_failed,     // an If-Match or similar precondition did not hold
  precondition_required,   // a change that needs If-Match came without one
  unsupported_media_type,  // the body is not in a format we read
  unauthenticated,         // the caller has not signed in (or the session ended)
  forbidden,               // the caller may not do this
  too_many_requests,       // too many attempts: wait before trying again
  unavailable,             // a dependency (the database) cannot serve us now
  internal,                // a bug or an invariant that did not hold
};

// One invalid field of an input, named as the client spelled it.
struct InvalidParam {
  std::string name;    // e.g. "port", "DICHTBIJ_PORT", "birthYear"
  std::string reason;  // a sentence a person can act on
};

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::vector<InvalidParam> invalid_params;  // filled for invalid_input
  // A camelCase name for a failure that clients must tell apart from others
  // with the same code (e.g. "secondFactorRequired" among the 401s); empty
  // for most. The API answers it as the problem's "code".
  std::string problem_code;
};

[[nodiscard]] inline Error make_error(ErrorCode code, std::string message) {
  return Error{code, std::move(message), {}, {}};
}

// Either a T or an Error. Reading the wrong alternative is a programmer error
// and asserts.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& {
    assert(!ok());
    return std::get<1>(state_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(state_));
  }

 private:
  std::variant<T, Error> state_;
};

// Result of an operation that yields nothing but can fail.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}

  bool ok() const noexcept { return !failed_; }
  explicit operator bool() const noexcept { return ok(); }

  const Error& error() const& {
    assert(failed_);
    return error_;
  }
  Error&& error() && {
    assert(failed_);
    return std::move(error_);
  }

 private:
  Error error_;
  bool failed_ = false;
};

}  // namespace dichtbij
