// The closed enumerations of DESIGN.md §2, with their codes and labels.
// Codes are stable: they are stored in the database and spoken by the API.
#pragma once

#include "core/enumeration.hpp"

namespace dichtbij {

#define DICHTBIJ_ENUM_TRAITS(Type, api_name, ...)                            \
  template <>                                                                \
  struct EnumTraits<Type> {                                                  \
    static constexpr std::string_view kName = api_name;                      \
    static constexpr auto kValues = std::to_array<EnumValue>({__VA_ARGS__}); \
  }

enum class OrganisationKind {
  municipality,
  welfare,
  police,
  housing,
  healthcare,
  school,
  volunteer_organisation,
  self_organisation,
  other
};
DICHTBIJ_ENUM_TRAITS(
    OrganisationKind, "organisationKind", {"municipality", "Gemeente", "Municipality"},
    {"welfare", "Welzijnsorganisatie", "Welfare organisation"}, {"police", "Politie", "Police"},
    {"housing", "Woningcorporatie", "Housing corporation"},
    {"healthcare", "Zorgaanbieder", "Healthcare provider"}, {"school", "School", "School"},
    {"volunteerOrganisation", "Vrijwilligersorganisatie", "Volunteer organisation"},
    {"selfOrganisation", "Zelforganisatie", "Self-organisation"}, {"other", "Overig", "Other"});

// A role a person holds for a time; a person can move from client to
// volunteer to peer worker, and that history is data.
enum class PersonRole {
  client,
  family,
  partner,
  friend_,
  neighbour,
  peer,
  volunteer,
  mentor,
  experiential_expert,
  professional
};
DICHTBIJ_ENUM_TRAITS(PersonRole, "personRole", {"client", "Cliënt", "Client"},
                     {"family", "Familie", "Family"}, {"partner", "Partner", "Partner"},
                     {"friend", "Vriend(in)", "Friend"}, {"neighbour", "Buurtbewoner", "Neighbour"},
                     {"peer", "Lotgenoot", "Peer"}, {"volunteer", "Vrijwilliger", "Volunteer"},
                     {"mentor", "Maatje of mentor", "Mentor"},
                     {"experientialExpert", "Ervaringsdeskundige", "Experiential expert"},
                     {"professional", "Professional", "Professional"});

// Formal roles are paid or mandated help; the rest is the informal network.
[[nodiscard]] constexpr bool is_formal(PersonRole role) noexcept {
  return role == PersonRole::professional;
}

enum class HouseholdKind { household, person, group };
DICHTBIJ_ENUM_TRAITS(HouseholdKind, "householdKind", {"household", "Huishouden", "Household"},
                     {"person", "Alleenstaande", "Single person"}, {"group", "Groep", "Group"});

enum class TargetGroup {
  severe_loneliness,
  youth_group,
  socially_isolated,
  teenage_mother,
  formerly_homeless,
  deprived_neighbourhood,
  other
};
DICHTBIJ_ENUM_TRAITS(
    TargetGroup, "targetGroup", {"severeLoneliness", "Ernstig eenzamen", "Severely lonely people"},
    {"youthGroup", "Overlastgevende jeugdgroep", "Youth group causing nuisance"},
    {"sociallyIsolated", "Sociaal geïsoleerd huishouden", "Socially isolated household"},
    {"teenageMother", "Tienermoeder", "Teenage mother"},
    {"formerlyHomeless", "Ex-dak- en thuisloze", "Formerly homeless"},
    {"deprivedNeighbourhood", "Bewoner aandachtswijk", "Resident of a deprived neighbourhood"},
    {"other", "Overig", "Other"});

enum class HouseholdStatus { intake, active, aftercare, closed };
DICHTBIJ_ENUM_TRAITS(HouseholdStatus, "householdStatus", {"intake", "Aanmelding", "Intake"},
                     {"active", "Actief", "Active"}, {"aftercare", "Nazorg", "Aftercare"},
                     {"closed", "Afgesloten", "Closed"});

enum class RelationKind {
  partner,
  parent,
  child,
  sibling,
  other_family,
  friend_,
  neighbour,
  colleague,
  peer,
  volunteer,
  mentor,
  experiential_expert,
  professional,
  other
};
DICHTBIJ_ENUM_TRAITS(RelationKind, "relationKind", {"partner", "Partner", "Partner"},
                     {"parent", "Ouder", "Parent"}, {"child", "Kind", "Child"},
                     {"sibling", "Broer of zus", "Sibling"},
                     {"otherFamily", "Overige familie", "Other family"},
                     {"friend", "Vriend(in)", "Friend"}, {"neighbour", "Buur", "Neighbour"},
                     {"colleague", "Collega of medestudent", "Colleague or fellow student"},
                     {"peer", "Lotgenoot", "Peer"}, {"volunteer", "Vrijwilliger", "Volunteer"},
                     {"mentor", "Maatje of mentor", "Mentor"},
                     {"experientialExpert", "Ervaringsdeskundige", "Experiential expert"},
                     {"professional", "Professional", "Professional"},
                     {"other", "Overig", "Other"});

// Kin for the network's kin share.
[[nodiscard]] constexpr bool is_kin(RelationKind kind) noexcept {
  return kind == RelationKind::partner || kind == RelationKind::parent ||
         kind == RelationKind::child || kind == RelationKind::sibling ||
         kind == RelationKind::other_family;
}

// After Tracy & Whittaker's Social Support Network Map.
enum class SupportType { emotional, practical, informational, companionship };
DICHTBIJ_ENUM_TRAITS(SupportType, "supportType",
                     {"emotional", "Emotionele steun", "Emotional support"},
                     {"practical", "Praktische hulp", "Practical help"},
                     {"informational", "Informatie en advies", "Information and advice"},
                     {"companionship", "Gezelschap", "Companionship"});

enum class ContactFrequency { daily, weekly, monthly, few_times_a_year, rarely };
DICHTBIJ_ENUM_TRAITS(ContactFrequency, "contactFrequency", {"daily", "Dagelijks", "Daily"},
                     {"weekly", "Wekelijks", "Weekly"}, {"monthly", "Maandelijks", "Monthly"},
                     {"fewTimesAYear", "Een paar keer per jaar", "A few times a year"},
                     {"rarely", "Zelden", "Rarely"});

// Seen from the household member of the tie.
enum class HelpDirection { gives, receives, both };
DICHTBIJ_ENUM_TRAITS(HelpDirection, "helpDirection", {"gives", "Geeft steun", "Gives support"},
                     {"receives", "Ontvangt steun", "Receives support"},
                     {"both", "Wederzijds", "Both ways"});

// Ecomap line styles (Hartman 1978).
enum class TieQuality { strong, ordinary, tenuous, stressful };
DICHTBIJ_ENUM_TRAITS(TieQuality, "tieQuality", {"strong", "Sterk", "Strong"},
                     {"ordinary", "Gewoon", "Ordinary"}, {"tenuous", "Zwak", "Tenuous"},
                     {"stressful", "Belastend", "Stressful"});

enum class SupportMode { in_person, phone, video, message };
DICHTBIJ_ENUM_TRAITS(SupportMode, "supportMode", {"inPerson", "Face-to-face", "In person"},
                     {"phone", "Telefonisch", "By phone"}, {"video", "Beeldbellen", "Video call"},
                     {"message", "Bericht", "Message"});

// Who set a support act in motion: the research's central question.
enum class MobilisedBy { self, network, professional };
DICHTBIJ_ENUM_TRAITS(MobilisedBy, "mobilisedBy",
                     {"self", "Huishouden zelf", "The household itself"},
                     {"network", "Iemand uit het netwerk", "Someone from the network"},
                     {"professional", "Professional", "A professional"});

enum class AgreementStatus { planned, in_progress, done, cancelled };
DICHTBIJ_ENUM_TRAITS(AgreementStatus, "agreementStatus", {"planned", "Gepland", "Planned"},
                     {"inProgress", "Loopt", "In progress"}, {"done", "Afgerond", "Done"},
                     {"cancelled", "Vervallen", "Cancelled"});

// Zelfredzaamheid-Matrix 2017: domain names only (the indicator texts belong
// to GGD Amsterdam and are not shipped).
enum class ZrmDomain {
  finances,
  work_and_education,
  time_use,
  housing,
  domestic_relations,
  mental_health,
  physical_health,
  substance_use,
  basic_adl,
  instrumental_adl,
  social_network,
  social_participation,
  justice
};
DICHTBIJ_ENUM_TRAITS(
    ZrmDomain, "zrmDomain", {"finances", "Financiën", "Finances"},
    {"workAndEducation", "Werk & opleiding", "Work and education"},
    {"timeUse", "Tijdsbesteding", "Use of time"}, {"housing", "Huisvesting", "Housing"},
    {"domesticRelations", "Huiselijke relaties", "Domestic relations"},
    {"mentalHealth", "Geestelijke gezondheid", "Mental health"},
    {"physicalHealth", "Lichamelijke gezondheid", "Physical health"},
    {"substanceUse", "Middelengebruik", "Substance use"},
    {"basicAdl", "Basale ADL", "Basic activities of daily living"},
    {"instrumentalAdl", "Instrumentele ADL", "Instrumental activities of daily living"},
    {"socialNetwork", "Sociaal netwerk", "Social network"},
    {"socialParticipation", "Maatschappelijke participatie", "Social participation"},
    {"justice", "Justitie", "Justice"});

// ZRM scores 1–5; codes are the digits so the API can speak them as numbers.
enum class ZrmScore { acute = 0, not_self_reliant, limited, sufficient, fully };
DICHTBIJ_ENUM_TRAITS(ZrmScore, "zrmScore", {"1", "Acute problematiek", "Acute problems"},
                     {"2", "Niet zelfredzaam", "Not self-reliant"},
                     {"3", "Beperkt zelfredzaam", "Limited self-reliance"},
                     {"4", "Voldoende zelfredzaam", "Sufficiently self-reliant"},
                     {"5", "Volledig zelfredzaam", "Fully self-reliant"});

// Who carries a ZRM domain.
enum class Carrier { self, network, professionals };
DICHTBIJ_ENUM_TRAITS(Carrier, "carrier", {"self", "Zelf", "Self"},
                     {"network", "Netwerk", "Network"},
                     {"professionals", "Professionals", "Professionals"});

enum class FacilityKind { community_centre, food_bank, walk_in, debt_help, meeting_place, other };
DICHTBIJ_ENUM_TRAITS(FacilityKind, "facilityKind",
                     {"communityCentre", "Buurthuis", "Community centre"},
                     {"foodBank", "Voedselbank", "Food bank"}, {"walkIn", "Inloop", "Walk-in"},
                     {"debtHelp", "Schuldhulp", "Debt help"},
                     {"meetingPlace", "Ontmoetingsplek", "Meeting place"},
                     {"other", "Overig", "Other"});

enum class ReferralStatus { proposed, made, used, not_used };
DICHTBIJ_ENUM_TRAITS(ReferralStatus, "referralStatus", {"proposed", "Voorgesteld", "Proposed"},
                     {"made", "Verwezen", "Referred"}, {"used", "Gebruikt", "Used"},
                     {"notUsed", "Niet gebruikt", "Not used"});

// What a household consents to (DESIGN.md §2): sharing its data between
// organisations, and the use of its (pseudonymised) data in research.
enum class ConsentPurpose { sharing, research };
DICHTBIJ_ENUM_TRAITS(ConsentPurpose, "consentPurpose",
                     {"sharing", "Gegevens delen tussen organisaties",
                      "Sharing between organisations"},
                     {"research", "Gebruik voor onderzoek", "Use in research"});

#undef DICHTBIJ_ENUM_TRAITS

}  // namespace dichtbij
