// One field of a research CSV export (RFC 4180), shared by the exports so
// that quoting is decided once.
#pragma once

#include <string>
#include <string_view>

namespace dichtbij::research {

// Appends value to line, quoted (with quotes doubled) when it holds a
// comma, a quote or a line break.
void append_csv_field(std::string& line, std::string_view value);

}  // namespace dichtbij::research
