#include "analysis/measure_table.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

namespace dichtbij::analysis {

namespace {

class RowBuilder {
 public:
  explicit RowBuilder(MeasureRow& row) : row_(row) {}
  void add(std::string_view csv, std::string_view json, MeasureValue value) {
    row_.push_back({csv, json, std::move(value)});
  }
  void count(std::string_view csv, std::string_view json, int value) {
    add(csv, json, static_cast<long long>(value));
  }
  void number(std::string_view csv, std::string_view json, const std::optional<double>& value) {
    add(csv, json, value && std::isfinite(*value) ? MeasureValue(*value) : MeasureValue());
  }

 private:
  MeasureRow& row_;
};

std::string camel(std::string_view prefix, std::string_view suffix) {
  std::string name(prefix);
  name += static_cast<char>(std::toupper(static_cast<unsigned char>(suffix.front())));
  name += suffix.substr(1);
  return name;
}

std::string snake(std::string_view code) {
  std::string name;
  for (char c : code) {
    if (std::isupper(static_cast<unsigned char>(c)) != 0) {
      name += '_';
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      name += c;
    }
  }
  return name;
}

// Shortest text that reads back as the same double.
std::string number_text(double value) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, error == std::errc() ? end : buffer);
}

std::string csv_field(const MeasureValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "";
        } else if constexpr (std::is_same_v<T, long long>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          return number_text(v);
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? "1" : "0";
        } else {
          if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
          std::string quoted = "\"";
          for (char c : v) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
          return quoted + '"';
        }
      },
      value);
}

struct Names {
  std::string csv, json;
};

// role_<code> / role<Code> for the ten roles and "noRole".
const std::vector<Names>& role_names() {
  static const std::vector<Names> names = [] {
    std::vector<Names> made;
    for (int k = 0; k != kRoleCategories; ++k) {
      const std::string code = k + 1 == kRoleCategories
                                   ? std::string("noRole")
                                   : std::string(EnumTraits<PersonRole>::kValues[k].code);
      made.push_back({"role_" + snake(code), camel("role", code)});
    }
    return made;
  }();
  return names;
}

constexpr std::array<std::string_view, 10> kCapacityParts{
    "informalProviders", "coverage",     "redundancy", "informalActs", "formalActs",
    "concentration",     "largestShare", "given",      "received",     "balance"};

// <type>_<part> / <type><Part>, per support type, in kCapacityParts order.
const std::vector<Names>& capacity_names() {
  static const std::vector<Names> names = [] {
    std::vector<Names> made;
    for (const EnumValue& type : EnumTraits<SupportType>::kValues) {
      for (std::string_view part : kCapacityParts) {
        made.push_back({snake(type.code) + "_" + snake(part), camel(type.code, part)});
      }
    }
    return made;
  }();
  return names;
}

}  // namespace

MeasureRow measure_row(const HouseholdAnalysis& analysis, std::string_view household_label) {
  MeasureRow row;
  row.reserve(96);
  RowBuilder add(row);
  const NetworkMeasures& m = analysis.measures;
  add.add("household", "household", std::string(household_label));
  add.add("date", "date", format_date(analysis.on));
  add.count("size", "size", m.size);
  add.count("informal", "informal", m.informal);
  add.number("informal_share", "informalShare", m.informal_share);
  add.count("kin", "kin", m.kin);
  add.number("kin_share", "kinShare", m.kin_share);
  add.count("professional", "professional", m.professional);
  add.number("professional_share", "professionalShare", m.professional_share);
  std::array<int, kRoleCategories> role_counts{};
  for (const RoleCount& role : m.roles) {
    role_counts[role.role ? static_cast<std::size_t>(*role.role) : kRoleCategories - 1] =
        role.count;
  }
  for (std::size_t k = 0; k != role_counts.size(); ++k) {
    add.count(role_names()[k].csv, role_names()[k].json, role_counts[k]);
  }
  add.number("blau", "blau", m.blau);
  add.number("iqv", "iqv", m.iqv);
  add.count("alter_ties", "alterTies", m.alter_ties);
  add.number("density", "density", m.density);
  add.count("components", "components", m.components);
  add.count("isolates", "isolates", m.isolates);
  add.count("ego_degree", "egoDegree", m.ego_degree);
  add.count("ego_alter_ties", "egoAlterTies", m.ego_alter_ties);
  add.number("effective_size", "effectiveSize", m.effective_size);
  add.number("efficiency", "efficiency", m.efficiency);
  add.number("constraint", "constraint", m.constraint);
  add.count("support_ties", "supportTies", m.support_ties);
  add.count("multiplex", "multiplex", m.multiplex);
  add.number("multiplexity", "multiplexity", m.multiplexity);
  add.count("reciprocal", "reciprocal", m.reciprocal);
  add.number("reciprocity", "reciprocity", m.reciprocity);
  add.add("capacity_from", "capacityFrom", format_date(analysis.capacity.from));
  const std::vector<Names>& names = capacity_names();
  std::size_t n = 0;
  for (const SupportTypeCapacity& type : analysis.capacity.per_type) {
    auto name = [&]() -> const Names& { return names[n++]; };
    const Names& providers = name();
    add.count(providers.csv, providers.json, type.informal_providers);
    const Names& coverage = name();
    add.add(coverage.csv, coverage.json, type.coverage);
    const Names& redundancy = name();
    add.add(redundancy.csv, redundancy.json, type.redundancy);
    const Names& informal_acts = name();
    add.count(informal_acts.csv, informal_acts.json, type.informal_acts);
    const Names& formal_acts = name();
    add.count(formal_acts.csv, formal_acts.json, type.formal_acts);
    const Names& concentration = name();
    add.number(concentration.csv, concentration.json, type.concentration);
    const Names& largest = name();
    add.number(largest.csv, largest.json, type.largest_share);
    const Names& given = name();
    add.count(given.csv, given.json, type.given);
    const Names& received = name();
    add.count(received.csv, received.json, type.received);
    const Names& balance = name();
    add.number(balance.csv, balance.json, type.balance);
  }
  return row;
}

MeasureRow measure_change(const MeasureRow& before, const MeasureRow& after) {
  auto numeric = [](const MeasureValue& value) {
    return std::holds_alternative<long long>(value) || std::holds_alternative<double>(value) ||
           std::holds_alternative<std::monostate>(value);
  };
  MeasureRow change;
  for (std::size_t i = 0; i != after.size() && i != before.size(); ++i) {
    const MeasureValue& a = before[i].value;
    const MeasureValue& b = after[i].value;
    if (!numeric(a) || !numeric(b)) continue;
    MeasureValue difference;  // undefined when either side is
    if (std::holds_alternative<long long>(a) && std::holds_alternative<long long>(b)) {
      difference = std::get<long long>(b) - std::get<long long>(a);
    } else if (std::holds_alternative<double>(a) && std::holds_alternative<double>(b)) {
      difference = std::get<double>(b) - std::get<double>(a);
    }
    change.push_back({after[i].csv_name, after[i].json_name, std::move(difference)});
  }
  return change;
}

void write_csv_header(std::ostream& out, const MeasureRow& row) {
  for (std::size_t i = 0; i != row.size(); ++i) out << (i == 0 ? "" : ",") << row[i].csv_name;
  out << "\r\n";
}

void write_csv_row(std::ostream& out, const MeasureRow& row) {
  for (std::size_t i = 0; i != row.size(); ++i) {
    out << (i == 0 ? "" : ",") << csv_field(row[i].value);
  }
  out << "\r\n";
}

nlohmann::json to_json(const MeasureRow& row) {
  nlohmann::json object = nlohmann::json::object();
  for (const MeasureCell& cell : row) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            object[std::string(cell.json_name)] = nullptr;
          } else {
            object[std::string(cell.json_name)] = v;
          }
        },
        cell.value);
  }
  return object;
}

}  // namespace dichtbij::analysis
