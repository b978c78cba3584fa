#include "demo/rollup_counts.hpp"

#include "core/domain_enums.hpp"

namespace dichtbij::demo {

namespace {

bool professional_on(const Person* person, const Date& day) {
  if (person == nullptr) return false;
  for (const RoleSpell& spell : person->fields.roles) {
    if (spell.role == PersonRole::professional && spell.period.contains(day)) return true;
  }
  return false;
}

bool research_consent_on(const HouseholdRecords& records, const Date& day) {
  for (const Consent& consent : records.consents) {
    const ConsentFields& fields = consent.fields;
    if (fields.purpose == ConsentPurpose::research && fields.granted_on <= day &&
        (!fields.withdrawn_on || day < *fields.withdrawn_on)) {
      return true;
    }
  }
  return false;
}

}  // namespace

RollupCounter::RollupCounter(const Base& base, const Date& today) : today_(today) {
  for (const Practice& practice : base.practices) {
    practice_index_.emplace(practice.id.str(), practices_.size());
    practices_.push_back(practice.id.str());
  }
  for (const Person& person : base.staff) staff_.emplace(person.id.str(), &person);
}

void RollupCounter::count(std::span<const HouseholdRecords> households) {
  std::unordered_map<std::string, const Person*> own;
  std::vector<std::size_t> practices;
  for (const HouseholdRecords& records : households) {
    own.clear();
    for (const Person& person : records.persons) own.emplace(person.id.str(), &person);
    auto find = [&](const PersonId& id) -> const Person* {
      if (const auto found = own.find(id.str()); found != own.end()) return found->second;
      const auto found = staff_.find(id.str());
      return found == staff_.end() ? nullptr : found->second;
    };
    const HouseholdFields& household = records.household.fields;
    practices.clear();
    for (const PracticeId& practice : household.practices) {
      if (const auto found = practice_index_.find(practice.str()); found != practice_index_.end()) {
        practices.push_back(found->second);
      }
    }
    const int consent = research_consent_on(records, today_) ? 1 : 0;
    for (const SupportAct& act : records.acts) {
      const SupportActFields& fields = act.fields;
      const bool formal = professional_on(find(fields.provider), fields.date);
      std::size_t formal_others = 0;
      for (const PersonId& other : fields.others_involved) {
        if (professional_on(find(other), fields.date)) ++formal_others;
      }
      // docs/measures.md: formal and informal together; a professional
      // mobilised an informal provider.
      const bool joint = formal ? fields.others_involved.size() > formal_others : formal_others > 0;
      const bool activation = fields.mobilised_by == MobilisedBy::professional && !formal;
      for (const std::size_t practice : practices) {
        Counts& counts = counts_[{fields.date, practice, household.target_group, consent,
                                  fields.support_type, fields.mobilised_by}];
        ++counts.acts;
        if (joint) ++counts.joint_acts;
        if (activation) ++counts.activations;
      }
    }
  }
}

std::vector<store::RollupGroup> RollupCounter::groups() const {
  std::vector<store::RollupGroup> groups;
  groups.reserve(counts_.size());
  for (const auto& [key, counts] : counts_) {
    const auto& [day, practice, target_group, consent, support_type, mobilised_by] = key;
    groups.push_back({day, practices_[practice], std::string(to_code(target_group)),
                      std::string(to_code(support_type)), std::string(to_code(mobilised_by)),
                      consent, counts.acts, counts.joint_acts, counts.activations});
  }
  return groups;
}

}  // namespace dichtbij::demo
