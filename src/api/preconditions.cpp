#include "api/preconditions.hpp"

#include <charconv>

namespace dichtbij::api {

std::string etag(int version) {
  return "\"" + std::to_string(version) + "\"";
}

Result<std::optional<int>> if_match_version(const Request& request, bool required) {
  if (request.header_count("If-Match") > 1) {
    Error error = make_error(ErrorCode::invalid_input, "send one If-Match header");
    error.invalid_params.push_back({"If-Match", "is given more than once"});
    return error;
  }
  const std::optional<std::string_view> header = request.header("If-Match");
  // "*" matches any version: it cannot protect a change that needs a version.
  if (!header || *header == "*") {
    if (!required) return std::optional<int>();
    Error error = make_error(ErrorCode::precondition_required,
                             "send If-Match with the ETag you read, so that no one else's change "
                             "is overwritten");
    error.invalid_params.push_back({"If-Match", "is required for this change"});
    return error;
  }
  std::string_view tag = *header;
  int version = 0;
  if (tag.size() >= 3 && tag.front() == '"' && tag.back() == '"') {
    tag = tag.substr(1, tag.size() - 2);
    const auto [end, ec] = std::from_chars(tag.data(), tag.data() + tag.size(), version);
    // "0" names a record not written yet (a framework matrix cell): it
    // matches nothing that exists, so a change based on it gets 412.
    if (ec == std::errc() && end == tag.data() + tag.size() && version >= 0) {
      return std::optional<int>(version);
    }
  }
  Error error = make_error(ErrorCode::invalid_input, "If-Match is not an ETag of this API");
  error.invalid_params.push_back({"If-Match", "must be one ETag as the API sent it, e.g. \"3\""});
  return error;
}

}  // namespace dichtbij::api
