#include "research/practice_report_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string_view>

namespace dichtbij::research {

namespace {

// A4 in points, with 2 cm margins.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.7;
constexpr double kWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin;

struct Rgb {
  double r, g, b;
};

constexpr Rgb kText{0.106, 0.106, 0.106};
constexpr Rgb kMuted{0.35, 0.35, 0.35};
constexpr Rgb kRule{0.8, 0.8, 0.8};
// The web app's colours (web/src/pages/Dashboard/chartData.ts), safe for
// colour-blind readers (Okabe–Ito).
constexpr Rgb kSelf{0.0, 0.447, 0.698};
constexpr Rgb kNetwork{0.0, 0.620, 0.451};
constexpr Rgb kProfessional{0.835, 0.369, 0.0};
constexpr Rgb kJoint{0.114, 0.310, 0.451};

Rgb from_hex(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return kMuted;
  auto part = [&](std::size_t at) {
    return std::stoi(std::string(hex.substr(at, 2)), nullptr, 16) / 255.0;
  };
  return {part(1), part(3), part(5)};
}

std::string percent(long long part, long long whole) {
  if (whole == 0) return "–";
  return std::to_string(static_cast<long long>(std::lround(100.0 * part / whole))) + "%";
}

std::string percent(double share) {
  return std::to_string(static_cast<long long>(std::lround(100.0 * share))) + "%";
}

struct CairoDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
  void operator()(cairo_t* cairo) const { cairo_destroy(cairo); }
};
struct GObjectDeleter {
  void operator()(void* object) const { g_object_unref(object); }
};
struct FontDeleter {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Draws the report top to bottom, starting a page when the next block does
// not fit.
class Writer {
 public:
  Writer(std::string& out, const PracticeReport& report)
      : report_(report),
        surface_(cairo_pdf_surface_create_for_stream(append, &out, kPageWidth, kPageHeight)),
        cairo_(cairo_create(surface_.get())),
        layout_(pango_cairo_create_layout(cairo_.get())) {
    // Points as Pango's units: the PDF's 72 per inch, not the screen's 96.
    pango_cairo_context_set_resolution(pango_layout_get_context(layout_.get()), 72);
    pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_TITLE,
                                   ("Praktijkrapport " + report.practice_name).c_str());
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_SUBJECT,
                                   ("Onderzoeksproject " + report.project_name).c_str());
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_CREATOR, "Dichtbij");
    cairo_tag_begin(cairo_.get(), "Document", "");
  }

  [[nodiscard]] cairo_status_t status() const { return cairo_status(cairo_.get()); }

  // Ends the document; the stream has every byte after this.
  cairo_status_t finish() {
    footer();
    cairo_tag_end(cairo_.get(), "Document");
    cairo_show_page(cairo_.get());
    cairo_surface_finish(surface_.get());
    return cairo_surface_status(surface_.get());
  }

  // Text in font ("DejaVu Sans 10"), wrapped to width, at the cursor;
  // moves the cursor below it. tag: the structure element it is.
  void text(std::string_view words, std::string_view font, const Rgb& colour = kText,
            const char* tag = "P", double width = kWidth, double indent = 0) {
    const double height = measure(words, font, width);
    if (y_ + height > kBottom) new_page();
    cairo_tag_begin(cairo_.get(), tag, "");
    draw(words, font, colour, kMargin + indent, y_, width);
    cairo_tag_end(cairo_.get(), tag);
    y_ += height;
  }

  void gap(double points) { y_ += points; }

  // Starts a page unless `height` fits below the cursor.
  void keep(double height) {
    if (y_ + height > kBottom) new_page();
  }

  void heading(std::string_view words, int level) {
    keep(level == 1 ? 60 : 120);
    gap(level == 1 ? 4 : 10);
    text(words, level == 1 ? "DejaVu Sans Bold 18" : "DejaVu Sans Bold 13", kText,
         level == 1 ? "H1" : "H2");
    gap(4);
  }

  // A row of cells at the given x offsets and widths; the tallest cell sets
  // its height. A swatch, when given, is drawn before the first cell. A
  // header row (bold) is remembered and drawn again at the top of a page
  // that its table's rows run on to.
  void row(const std::vector<std::string>& cells, const std::vector<double>& widths, bool bold,
           const Rgb* swatch = nullptr) {
    const std::string font = bold ? "DejaVu Sans Bold 9" : "DejaVu Sans 9";
    double height = 0;
    for (std::size_t i = 0; i != cells.size(); ++i) {
      height = std::max(height, measure(cells[i], font, widths[i] - 6));
    }
    if (bold) header_ = {cells, widths};
    if (y_ + height + 4 > kBottom) {
      new_page();
      if (!bold && !header_.first.empty()) row(header_.first, header_.second, true);
    }
    double x = kMargin;
    for (std::size_t i = 0; i != cells.size(); ++i) {
      double inset = 0;
      if (i == 0 && swatch) {
        fill(*swatch, x, y_ + 2, 8, 8);
        inset = 12;
      }
      draw(cells[i], font, kText, x + inset, y_, widths[i] - 6 - inset);
      x += widths[i];
    }
    y_ += height + 3;
    line(kRule, kMargin, y_, kMargin + kWidth, y_, 0.5);
    y_ += 3;
  }

  // Bars per month, stacked by who mobilised the acts, with a legend.
  void mobilisation_chart(const std::vector<ReportMonth>& months) {
    long long top = 0;
    for (const ReportMonth& month : months) top = std::max(top, month.acts);
    Chart chart = start_chart(160, static_cast<double>(top), false);
    const double slot = chart.width / static_cast<double>(std::max<std::size_t>(months.size(), 1));
    for (std::size_t i = 0; i != months.size(); ++i) {
      const ReportMonth& month = months[i];
      double base = chart.bottom;
      const double x = chart.left + i * slot + slot * 0.15;
      for (const auto& [count, colour] : {std::pair{month.self, kSelf},
                                          {month.network, kNetwork},
                                          {month.professional, kProfessional}}) {
        const double height = chart.scale * static_cast<double>(count);
        fill(colour, x, base - height, slot * 0.7, height);
        base -= height;
      }
      month_label(months, i, chart, slot);
    }
    legend({{"Huishouden zelf", kSelf}, {"Netwerk", kNetwork}, {"Professional", kProfessional}});
  }

  // The share of acts per month that were joint, and that a professional
  // set in motion and someone informal gave.
  void collaboration_chart(const std::vector<ReportMonth>& months) {
    Chart chart = start_chart(140, 1.0, true);
    const double slot = chart.width / static_cast<double>(std::max<std::size_t>(months.size(), 1));
    auto series = [&](auto share_of, const Rgb& colour, bool dashed) {
      cairo_t* cr = cairo_.get();
      cairo_save(cr);
      cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
      cairo_set_line_width(cr, 1.5);
      if (dashed) {
        const double dash[] = {4, 3};
        cairo_set_dash(cr, dash, 2, 0);
      }
      bool drawing = false;
      for (std::size_t i = 0; i != months.size(); ++i) {
        if (months[i].acts == 0) {
          drawing = false;
          continue;
        }
        const double x = chart.left + (i + 0.5) * slot;
        const double y = chart.bottom - chart.scale * share_of(months[i]);
        if (drawing) {
          cairo_line_to(cr, x, y);
        } else {
          cairo_move_to(cr, x, y);
        }
        drawing = true;
      }
      cairo_stroke(cr);
      for (std::size_t i = 0; i != months.size(); ++i) {
        if (months[i].acts == 0) continue;
        cairo_arc(cr, chart.left + (i + 0.5) * slot,
                  chart.bottom - chart.scale * share_of(months[i]), 2, 0, 2 * M_PI);
        cairo_fill(cr);
      }
      cairo_restore(cr);
    };
    series([](const ReportMonth& m) { return static_cast<double>(m.joint_acts) / m.acts; }, kJoint,
           false);
    series([](const ReportMonth& m) { return static_cast<double>(m.activations) / m.acts; },
           kNetwork, true);
    for (std::size_t i = 0; i != months.size(); ++i) month_label(months, i, chart, slot);
    legend({{"Samen met formele en informele helpers", kJoint},
            {"Door professional in gang gezet, informeel gegeven", kNetwork}});
  }

  // Per support type, the share of households with informal coverage at the
  // start and at the end of the period, as pairs of horizontal bars.
  void capacity_chart(const ReportCapacityDay& start, const ReportCapacityDay& end) {
    const double label_width = 120;
    const double bar_width = kWidth - label_width - 40;
    const double height = 4 * 28 + 30;
    keep(height);
    const double top = y_;
    for (std::size_t t = 0; t != start.per_type.size(); ++t) {
      const double y = top + t * 28;
      const SupportType type = start.per_type[t].support_type;
      draw(std::string(EnumTraits<SupportType>::kValues[static_cast<std::size_t>(type)].nl),
           "DejaVu Sans 9", kText, kMargin, y + 4, label_width - 6);
      const auto bar = [&](const ReportCapacityDay& day, double at, const Rgb& colour) {
        const double share =
            day.households == 0 ? 0 : static_cast<double>(day.per_type[t].covered) / day.households;
        fill(colour, kMargin + label_width, y + at, bar_width * share, 10);
        draw(day.households == 0 ? "–" : percent(share), "DejaVu Sans 8", kMuted,
             kMargin + label_width + bar_width * share + 3, y + at, 40);
      };
      bar(start, 0, kRule);
      bar(end, 12, kJoint);
    }
    line(kText, kMargin + label_width, top - 2, kMargin + label_width, top + 4 * 28 - 2, 0.5);
    y_ = top + 4 * 28;
    legend(
        {{"Begin " + format_date(start.on) + " (" + std::to_string(start.households) +
              " huishoudens)",
          kRule},
         {"Eind " + format_date(end.on) + " (" + std::to_string(end.households) + " huishoudens)",
          kJoint}});
  }

 private:
  struct Chart {
    double left, bottom, width, scale;
  };

  // Axes with three gridlines for a chart of `height` whose values go up to
  // top (shares when `shares`); the cursor moves below it.
  Chart start_chart(double height, double top, bool shares) {
    keep(height + 48);
    y_ += 8;  // room for the top label
    const double axis = 36;
    Chart chart{kMargin + axis, y_ + height, kWidth - axis, 0};
    // Gridlines at round values: steps of 1, 2 or 5 times a power of ten.
    double step = 0.25;
    if (!shares) {
      const double raw = std::max(top, 1.0) / 4;
      const double power = std::pow(10.0, std::floor(std::log10(raw)));
      const double fraction = raw / power;
      step = std::max(1.0, (fraction <= 1   ? 1
                            : fraction <= 2 ? 2
                            : fraction <= 5 ? 5
                                            : 10) *
                               power);
    }
    const int steps = shares ? 4 : static_cast<int>(std::ceil(std::max(top, 1.0) / step));
    chart.scale = height / (step * steps);
    for (int i = 0; i <= steps; ++i) {
      const double value = step * i;
      const double y = chart.bottom - chart.scale * value;
      line(i == 0 ? kText : kRule, chart.left, y, chart.left + chart.width, y, 0.5);
      const std::string label =
          shares ? percent(value) : std::to_string(static_cast<long long>(std::lround(value)));
      draw(label, "DejaVu Sans 8", kMuted, kMargin, y - 5, axis - 4);
    }
    y_ = chart.bottom + 4;
    return chart;
  }

  // Every month's label, or every third's when there are many.
  void month_label(const std::vector<ReportMonth>& months, std::size_t i, const Chart& chart,
                   double slot) {
    const std::size_t every = months.size() > 13 ? 3 : 1;
    if (i % every != 0) return;
    draw(months[i].month, "DejaVu Sans 7", kMuted, chart.left + i * slot, chart.bottom + 3,
         slot * static_cast<double>(every));
  }

  void legend(const std::vector<std::pair<std::string, Rgb>>& entries) {
    y_ += 14;
    double x = kMargin;
    for (const auto& [label, colour] : entries) {
      const double width = measure_width(label, "DejaVu Sans 8");
      if (x + width + 14 > kMargin + kWidth) {
        x = kMargin;
        y_ += 12;
      }
      fill(colour, x, y_ + 1, 8, 8);
      draw(label, "DejaVu Sans 8", kText, x + 11, y_, width + 2);
      x += width + 26;
    }
    y_ += 18;
  }

  void set_text(std::string_view words, std::string_view font, double width) {
    std::unique_ptr<PangoFontDescription, FontDeleter> description(
        pango_font_description_from_string(std::string(font).c_str()));
    pango_layout_set_font_description(layout_.get(), description.get());
    pango_layout_set_width(layout_.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_text(layout_.get(), words.data(), static_cast<int>(words.size()));
  }

  double measure(std::string_view words, std::string_view font, double width) {
    set_text(words, font, width);
    int w = 0, h = 0;
    pango_layout_get_size(layout_.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  double measure_width(std::string_view words, std::string_view font) {
    set_text(words, font, kWidth);
    int w = 0, h = 0;
    pango_layout_get_size(layout_.get(), &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
  }

  void draw(std::string_view words, std::string_view font, const Rgb& colour, double x, double y,
            double width) {
    set_text(words, font, width);
    cairo_set_source_rgb(cairo_.get(), colour.r, colour.g, colour.b);
    cairo_move_to(cairo_.get(), x, y);
    pango_cairo_show_layout(cairo_.get(), layout_.get());
  }

  void fill(const Rgb& colour, double x, double y, double width, double height) {
    cairo_set_source_rgb(cairo_.get(), colour.r, colour.g, colour.b);
    cairo_rectangle(cairo_.get(), x, y, width, height);
    cairo_fill(cairo_.get());
  }

  void line(const Rgb& colour, double x1, double y1, double x2, double y2, double width) {
    cairo_set_source_rgb(cairo_.get(), colour.r, colour.g, colour.b);
    cairo_set_line_width(cairo_.get(), width);
    cairo_move_to(cairo_.get(), x1, y1);
    cairo_line_to(cairo_.get(), x2, y2);
    cairo_stroke(cairo_.get());
  }

  void footer() {
    draw("Dichtbij · " + report_.practice_name + " · pagina " + std::to_string(page_),
         "DejaVu Sans 8", kMuted, kMargin, kPageHeight - kMargin + 16, kWidth);
  }

  void new_page() {
    footer();
    cairo_show_page(cairo_.get());
    ++page_;
    y_ = kMargin;
  }

  const PracticeReport& report_;
  std::unique_ptr<cairo_surface_t, CairoDeleter> surface_;
  std::unique_ptr<cairo_t, CairoDeleter> cairo_;
  std::unique_ptr<PangoLayout, GObjectDeleter> layout_;
  double y_ = kMargin;
  int page_ = 1;
  // The last table's header row, for a page its rows run on to.
  std::pair<std::vector<std::string>, std::vector<double>> header_;
};

std::string count_and_share(long long part, long long whole) {
  return std::to_string(part) + " (" + percent(part, whole) + ")";
}

void quantitative(Writer& writer, const PracticeReport& report) {
  writer.heading("Kwantitatief beeld", 2);
  const ReportMonth total = report_total(report.months);
  writer.text(
      "Alleen huishoudens van de praktijk met toestemming voor onderzoek. Steunacties in de "
      "periode: " +
          std::to_string(total.acts) + ". In gang gezet door het huishouden zelf " +
          count_and_share(total.self, total.acts) + ", door het netwerk " +
          count_and_share(total.network, total.acts) + ", door een professional " +
          count_and_share(total.professional, total.acts) + ". Samen met formele en informele " +
          "helpers: " + count_and_share(total.joint_acts, total.acts) +
          "; door een professional in gang gezet en informeel gegeven: " +
          count_and_share(total.activations, total.acts) + "; taken overgedragen aan informele " +
          "helpers: " + std::to_string(total.handovers) + ".",
      "DejaVu Sans 10");
  writer.gap(8);
  writer.text("Mobilisatie per maand (steunacties)", "DejaVu Sans Bold 10", kText, "H3");
  writer.gap(4);
  writer.mobilisation_chart(report.months);
  writer.text("Samenwerking per maand (aandeel van de steunacties)", "DejaVu Sans Bold 10", kText,
              "H3");
  writer.gap(4);
  writer.collaboration_chart(report.months);
  writer.text("Dragend vermogen: huishoudens met informele steun per soort (90 dagen)",
              "DejaVu Sans Bold 10", kText, "H3");
  writer.gap(6);
  writer.capacity_chart(report.capacity_start, report.capacity_end);
  const std::vector<double> widths{150, 80, 80, 80, 91};
  writer.row({"Soort steun", "Gedekt begin", "Gedekt eind", "Redundant begin", "Redundant eind"},
             widths, true);
  for (std::size_t t = 0; t != report.capacity_end.per_type.size(); ++t) {
    const ReportCapacity& then = report.capacity_start.per_type[t];
    const ReportCapacity& now = report.capacity_end.per_type[t];
    writer.row(
        {std::string(
             EnumTraits<SupportType>::kValues[static_cast<std::size_t>(now.support_type)].nl),
         count_and_share(then.covered, report.capacity_start.households),
         count_and_share(now.covered, report.capacity_end.households),
         count_and_share(then.redundant, report.capacity_start.households),
         count_and_share(now.redundant, report.capacity_end.households)},
        widths, false);
  }
}

void qualitative(Writer& writer, const PracticeReport& report) {
  writer.heading("Kwalitatief beeld", 2);
  writer.text(std::to_string(report.notes) +
                  (report.notes == 1 ? " veldnotitie" : " veldnotities") +
                  " van de praktijk in de analyses (notities bij huishoudens zonder "
                  "toestemming voor onderzoek tellen niet mee); codeboekversie " +
                  std::to_string(report.codebook_version) + ".",
              "DejaVu Sans 10");
  writer.gap(8);
  writer.text("Meest gebruikte codes", "DejaVu Sans Bold 10", kText, "H3");
  writer.gap(4);
  if (report.codes.empty()) {
    writer.text("Nog geen codes toegepast op notities van deze praktijk.", "DejaVu Sans 9", kMuted);
  } else {
    const std::vector<double> widths{241, 80, 80, 80};
    writer.row({"Code", "Notities", "Aandeel", "Coderingen"}, widths, true);
    for (const ReportCode& code : report.codes) {
      const Rgb swatch = from_hex(code.colour);
      writer.row({code.name, std::to_string(code.notes), percent(code.share),
                  std::to_string(code.codings)},
                 widths, false, &swatch);
    }
  }
  for (const ReportFrameworkRow& row : report.framework) {
    writer.gap(8);
    writer.text("Framework-matrix: " + row.name, "DejaVu Sans Bold 10", kText, "H3");
    writer.gap(4);
    const std::vector<double> widths{140, 341};
    writer.row({"Thema", "Samenvatting"}, widths, true);
    for (const ReportFrameworkCell& cell : row.cells) {
      std::string summary = cell.summary.empty() ? "(nog niet geschreven)" : cell.summary;
      if (cell.fragments != 0) {
        summary += " [" + std::to_string(cell.fragments) +
                   (cell.fragments == 1 ? " fragment]" : " fragmenten]");
      }
      writer.row({cell.theme_name, summary}, widths, false);
    }
  }
  writer.gap(8);
  writer.text("Terugkoppeling aan betrokkenen (member checks)", "DejaVu Sans Bold 10", kText, "H3");
  writer.gap(4);
  if (report.findings.empty()) {
    writer.text("Nog geen bevindingen voorgelegd aan de betrokkenen van deze praktijk.",
                "DejaVu Sans 9", kMuted);
    return;
  }
  const std::vector<double> widths{201, 50, 55, 55, 60, 60};
  writer.row({"Bevinding", "Versie", "Eens", "Deels", "Oneens", "Open"}, widths, true);
  for (const ReportFinding& finding : report.findings) {
    writer.row({finding.title, std::to_string(finding.version),
                std::to_string(finding.answers.agree), std::to_string(finding.answers.partly),
                std::to_string(finding.answers.disagree), std::to_string(finding.answers.open)},
               widths, false);
  }
}

}  // namespace

Result<std::string> practice_report_pdf(const PracticeReport& report) {
  std::string out;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  {
    Writer writer(out, report);
    writer.text("Praktijkrapport: " + report.practice_name, "DejaVu Sans Bold 18", kText, "H1");
    writer.gap(2);
    writer.text("Onderzoeksproject " + report.project_name + " · periode " +
                    format_date(report.from) + " t/m " + format_date(report.to) + " · gemaakt " +
                    report.made_at,
                "DejaVu Sans 9", kMuted);
    writer.gap(6);
    quantitative(writer, report);
    qualitative(writer, report);
    status = writer.finish();
  }
  if (status != CAIRO_STATUS_SUCCESS) {
    return make_error(ErrorCode::internal, std::string("the report could not be drawn: ") +
                                               cairo_status_to_string(status));
  }
  return out;
}

}  // namespace dichtbij::research
