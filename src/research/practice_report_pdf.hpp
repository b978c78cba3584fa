// A practice report (research/practice_report.hpp) as a PDF, in Dutch: A4
// pages with the figures, three charts (mobilisation per month,
// collaboration per month, carrying capacity at the start and end of the
// period) and the qualitative tables. Drawn with cairo, text laid out by
// Pango in DejaVu Sans (fonts-dejavu-core), so any Unicode a researcher
// writes comes out as written. Headings and paragraphs are tagged, and the
// document carries its title and language, for screen readers.
#pragma once

#include <string>

#include "core/result.hpp"
#include "research/practice_report.hpp"

namespace dichtbij::research {

// The PDF's bytes. internal when cairo fails (out of memory). Thread-safe:
// each call draws on its own surface.
[[nodiscard]] Result<std::string> practice_report_pdf(const PracticeReport& report);

}  // namespace dichtbij::research
