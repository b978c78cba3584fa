#include "research/support_act_export.hpp"

#include <string_view>

#include "research/csv_field.hpp"

namespace dichtbij::research {

namespace {

constexpr std::string_view kHeader =
    "month,household,practice_ids,provider,provider_role,receiver,receiver_role,support_type,"
    "mode,duration_minutes,mobilised_by,mobilised_by_person,others_formal,others_informal";

std::string_view role_code(store::ResearchRole role) {
  switch (role) {
    case store::ResearchRole::formal: return "formal";
    case store::ResearchRole::household: return "household";
    case store::ResearchRole::informal: return "informal";
  }
  return "";
}

}  // namespace

std::string support_acts_csv(const std::vector<store::ResearchSupportAct>& acts,
                             const Pseudonyms& pseudonyms) {
  std::string csv(kHeader);
  csv += "\r\n";
  for (const store::ResearchSupportAct& act : acts) {
    std::string practices;
    for (const PracticeId& practice : act.practices) {
      if (!practices.empty()) practices += ';';
      practices += practice.str();
    }
    const std::string fields[] = {
        act.date.substr(0, 7),
        pseudonyms.of(act.household),
        practices,
        pseudonyms.of(act.provider),
        std::string(role_code(act.provider_role)),
        pseudonyms.of(act.receiver),
        std::string(role_code(act.receiver_role)),
        std::string(to_code(act.support_type)),
        std::string(to_code(act.mode)),
        act.duration_minutes ? std::to_string(*act.duration_minutes) : std::string(),
        std::string(to_code(act.mobilised_by)),
        act.mobilised_by_person ? pseudonyms.of(*act.mobilised_by_person) : std::string(),
        std::to_string(act.others_formal),
        std::to_string(act.others_informal),
    };
    bool first = true;
    for (const std::string& field : fields) {
      if (!first) csv += ',';
      first = false;
      append_csv_field(csv, field);
    }
    csv += "\r\n";
  }
  return csv;
}

}  // namespace dichtbij::research
