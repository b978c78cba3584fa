// The one CSV field writer of the research exports (RFC 4180, UTF-8).
#pragma once

#include <string>
#include <string_view>

namespace dichtbij::research {

// Appends value to line as RFC 4180 wants it: quoted when it holds a comma,
// a quote or a line break, a quote doubled inside.
void append_csv_field(std::string& line, std::string_view value);

}  // namespace dichtbij::research
