#include "api/today.hpp"

#include "store/timestamps.hpp"

namespace dichtbij::api {

Date today() {
  // The text is always a valid date.
  return *parse_date(store::local_today_text());
}

}  // namespace dichtbij::api
