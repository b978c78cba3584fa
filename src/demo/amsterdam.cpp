#include "demo/amsterdam.hpp"

#include <array>
#include <cstdio>

namespace dichtbij::demo {

namespace {

using K = OrganisationKind;
using Z = ZrmDomain;

// Weight: inhabitants (thousands, rounded) times how much more often the
// practices' target groups live there (docs/demo-data.md, "Where").
constexpr std::array<District, 8> kDistricts{{
    {"Centrum", 0, 6, 87 * 0.8},
    {"West", 10, 6, 145 * 1.0},
    {"Nieuw-West", 20, 8, 165 * 1.6},
    {"Zuid", 30, 6, 147 * 0.7},
    {"Oost", 40, 7, 135 * 1.1},
    {"Noord", 50, 7, 100 * 1.5},
    {"Zuidoost", 60, 7, 90 * 1.7},
    {"Weesp", 70, 2, 21 * 0.8},
}};

const std::vector<PracticeSpec>& practice_list() {
  static const std::vector<PracticeSpec> list{
      {"Maatjes tegen eenzaamheid",
       "Vrijwillige maatjes en mentoren voor ernstig eenzame Amsterdammers, via een zorg- en "
       "wijkloket.",
       TargetGroup::severe_loneliness,
       HouseholdKind::person,
       {{"Zorg- en Wijkloket Amstel", K::welfare, true},
        {"Buurtteam (demo)", K::welfare, true},
        {"Maatjesnetwerk Mokum", K::volunteer_organisation, false},
        {"Ouderensoos Het Zonnetje", K::volunteer_organisation, false}},
       {"Centrum", "West", "Zuid", "Oost", "Noord", "Nieuw-West", "Zuidoost"},
       1.3,
       0.6,
       0.45,
       {Z::social_network, Z::social_participation, Z::time_use, Z::mental_health,
        Z::physical_health, Z::instrumental_adl},
       {"Minder alleen zijn", "Wekelijks iemand om mee te praten", "Weer naar buiten gaan",
        "Contact met familie herstellen", "Meedoen aan een activiteit in de buurt"},
       "maatjes"},
      {"Jongerenaanpak op straat",
       "Gemeente, politie en jongerenwerk samen rond groepen jongeren die overlast geven.",
       TargetGroup::youth_group,
       HouseholdKind::group,
       {{"Gemeente Amsterdam, Veiligheid (demo)", K::municipality, true},
        {"Politie basisteam (demo)", K::police, true},
        {"Jongerenwerk De Sprong", K::welfare, true},
        {"Moedervereniging Samen Sterk", K::self_organisation, false}},
       {"Nieuw-West", "Noord", "Zuidoost", "West", "Oost"},
       0.5,
       0.15,
       0.25,
       {Z::work_and_education, Z::time_use, Z::justice, Z::substance_use, Z::social_participation},
       {"Minder overlast op het plein", "Iedereen naar school of werk",
        "Een eigen plek om samen te komen", "Ouders betrekken bij de groep"},
       "jongeren"},
      {"Steunsysteem voor geïsoleerde huishoudens",
       "Overheid, professionele organisaties en zelforganisaties bouwen samen een steunsysteem "
       "rond huishoudens die niemand meer zien.",
       TargetGroup::socially_isolated,
       HouseholdKind::household,
       {{"Gemeente Amsterdam, Zorg (demo)", K::municipality, true},
        {"Buurtteam (demo)", K::welfare, true},
        {"GGZ-wijkteam Aan de Amstel", K::healthcare, true},
        {"Stichting Eigen Kracht Oost", K::self_organisation, false},
        {"Migrantenvereniging Al Amal", K::self_organisation, false}},
       {"Nieuw-West", "Noord", "Zuidoost", "Oost", "West", "Weesp"},
       1.2,
       0.2,
       0.4,
       {Z::social_network, Z::finances, Z::housing, Z::domestic_relations, Z::mental_health,
        Z::social_participation},
       {"Administratie op orde", "Schulden in beeld", "Kinderen gaan naar school",
        "Iemand in de buurt om op terug te vallen", "Huis schoon en veilig"},
       "geisoleerd"},
      {"Tienermoeders en lotgenoten",
       "Jonge moeders ondersteund door lotgenoten, een moedergroep en de jeugdgezondheidszorg.",
       TargetGroup::teenage_mother,
       HouseholdKind::household,
       {{"Jeugdgezondheidszorg Amsterdam (demo)", K::healthcare, true},
        {"Buurtteam (demo)", K::welfare, true},
        {"Moedergroep Jong & Sterk", K::self_organisation, false},
        {"Vrijwilligerscentrale West", K::volunteer_organisation, false}},
       {"Nieuw-West", "Zuidoost", "Noord", "West"},
       0.6,
       0.35,
       0.5,
       {Z::social_network, Z::work_and_education, Z::finances, Z::housing, Z::domestic_relations,
        Z::mental_health},
       {"Opleiding afmaken", "Kinderopvang regelen", "Eigen woonruimte",
        "Een netwerk van andere moeders", "Financiën op orde"},
       "tienermoeders"},
      {"Zelfstandig wonen na de opvang",
       "Voormalig daklozen wonen zelfstandig; bewoners sturen mee en sommigen worden "
       "ervaringsdeskundig peer-werker.",
       TargetGroup::formerly_homeless,
       HouseholdKind::person,
       {{"Woningcorporatie Thuis aan het IJ", K::housing, true},
        {"Stichting Opvang en Wonen (demo)", K::healthcare, true},
        {"Bewonersraad Nieuw Begin", K::self_organisation, false},
        {"Vrijwilligerscentrale West", K::volunteer_organisation, false}},
       {"Centrum", "West", "Oost", "Noord", "Zuidoost", "Nieuw-West"},
       0.7,
       0.25,
       0.35,
       {Z::housing, Z::social_network, Z::finances, Z::mental_health, Z::substance_use,
        Z::instrumental_adl, Z::justice},
       {"Huur op tijd betalen", "Dagbesteding vinden", "Contact met familie herstellen",
        "Zelf boodschappen en huishouden doen", "Schulden regelen"},
       "wonen"},
      {"Welzijn nieuwe stijl in de buurt",
       "Professionals en vrijwilligers in een aandachtswijk: eerst kijken wat bewoners zelf en "
       "samen kunnen.",
       TargetGroup::deprived_neighbourhood,
       HouseholdKind::household,
       {{"Buurtteam (demo)", K::welfare, true},
        {"Woningcorporatie Thuis aan het IJ", K::housing, true},
        {"Buurthuis De Kraal", K::volunteer_organisation, false},
        {"Bewonersplatform Vogelbuurt", K::self_organisation, false}},
       {"Noord", "Nieuw-West", "Zuidoost", "Oost"},
       1.4,
       0.2,
       0.4,
       {Z::social_network, Z::finances, Z::time_use, Z::housing, Z::physical_health,
        Z::social_participation},
       {"Meedoen in de buurt", "Hulp bij formulieren", "Eenzaamheid doorbreken",
        "Gezond eten en bewegen", "Vrijwilligerswerk vinden"},
       "buurt"},
  };
  return list;
}

constexpr auto kGivenNames = std::to_array<std::string_view>(
    {"Anna",    "Bram",   "Carla",  "Daan",    "Eva",    "Fleur",  "Gerrit",  "Henk",    "Ingrid",
     "Jan",     "Kees",   "Lotte",  "Marieke", "Niels",  "Olga",   "Pieter",  "Ria",     "Sanne",
     "Thijs",   "Ursula", "Vera",   "Wim",     "Yvonne", "Zoë",    "Mohamed", "Fatima",  "Youssef",
     "Khadija", "Said",   "Naima",  "Ayoub",   "Samira", "Mehmet", "Ayşe",    "Emre",    "Elif",
     "Mustafa", "Zeynep", "Kemal",  "Fatma",   "Kwame",  "Akosua", "Kofi",    "Ama",     "Yaw",
     "Efua",    "Kojo",   "Abena",  "Roy",     "Shanti", "Ravi",   "Priya",   "Dennis",  "Melissa",
     "Glenn",   "Gracia", "Joyce",  "Stanley", "Romano", "Sharon", "Marco",   "Chantal", "Patrick",
     "Natasha", "Sem",    "Noah",   "Liam",    "Lucas",  "Finn",   "Levi",    "Julia",   "Mila",
     "Tess",    "Nora",   "Sara",   "Lina",    "Adam",   "Amir",   "Ilyas",   "Rayan",   "Ahmed",
     "Hamza",   "Imane",  "Aya",    "Nour",    "Salma",  "Aziz",   "Jamal",   "Truus",   "Joop",
     "Bep",     "Gijs",   "Hennie", "Corrie",  "Ans",    "Frits"});

constexpr auto kFamilyNames = std::to_array<std::string_view>(
    {"de Vries",    "Jansen",       "de Jong",        "Bakker",    "Visser",
     "Smit",        "Meijer",       "de Boer",        "Mulder",    "de Groot",
     "Bos",         "Vos",          "Peters",         "Hendriks",  "van Dijk",
     "van Leeuwen", "Dekker",       "Brouwer",        "de Wit",    "Dijkstra",
     "Kok",         "van der Meer", "Verhoeven",      "Koster",    "Prins",
     "Blom",        "Huisman",      "Schouten",       "van Vliet", "Kuiper",
     "El Amrani",   "Bennani",      "El Idrissi",     "Ouali",     "Ait Said",
     "Boukhari",    "Tahiri",       "El Khatib",      "Yilmaz",    "Kaya",
     "Demir",       "Şahin",        "Çelik",          "Öztürk",    "Aydın",
     "Arslan",      "Mensah",       "Owusu",          "Boateng",   "Asante",
     "Appiah",      "Osei",         "Sedney",         "Pinas",     "Kross",
     "Biswane",     "Ramdin",       "Sewnarain",      "Pengel",    "Vanenburg",
     "Lie",         "Tjon",         "Nijmeijer",      "Zwart",     "Groen",
     "Kramer",      "van den Berg", "van der Linden", "Hoekstra",  "Postma",
     "Veenstra",    "Wijnberg",     "Dogan",          "Koç",       "Amrani",
     "Chaouch",     "Mahabier",     "Doelahasan",     "Adjei",     "Tuinstra"});

constexpr auto kInformalActions = std::to_array<std::string_view>(
    {"Gaat elke week op bezoek", "Belt twee keer per week", "Gaat mee naar afspraken",
     "Helpt met boodschappen", "Doet samen de post", "Neemt mee naar de buurtkamer",
     "Past een middag op de kinderen", "Kookt af en toe samen", "Helpt met formulieren",
     "Wandelt samen in het park", "Is aanspreekpunt bij zorgen",
     "Brengt in contact met de moedergroep"});

constexpr auto kProfessionalActions = std::to_array<std::string_view>(
    {"Regelt een afspraak bij de schuldhulp", "Zoekt een maatje via de vrijwilligerscentrale",
     "Overlegt met de woningcorporatie", "Bespreekt de situatie met de huisarts",
     "Brengt het netwerk bij elkaar", "Maakt een plan met het huishouden",
     "Vraagt een uitkering aan", "Zoekt dagbesteding", "Begeleidt naar een opleiding",
     "Houdt het overzicht over de hulp"});

constexpr auto kEmotionalNotes = std::to_array<std::string_view>(
    {"Goed gesprek gehad", "Even stoom afgeblazen", "Samen zorgen besproken",
     "Was somber, nu iets beter", "Luisterend oor geboden"});
constexpr auto kPracticalNotes =
    std::to_array<std::string_view>({"Boodschappen gedaan", "Lamp gerepareerd", "Post doorgenomen",
                                     "Mee naar de huisarts", "Kinderen van school gehaald"});
constexpr auto kInformationalNotes = std::to_array<std::string_view>(
    {"Uitleg over toeslagen", "Folder buurthuis meegegeven", "Telefoonnummer schuldhulp gegeven",
     "Uitgelegd hoe DigiD werkt", "Informatie over dagbesteding"});
constexpr auto kCompanionshipNotes =
    std::to_array<std::string_view>({"Samen koffie gedronken", "Wandeling gemaakt",
                                     "Samen naar de markt", "Spelletje gedaan", "Samen gegeten"});

constexpr auto kSkills =
    std::to_array<std::string_view>({"luisteren", "administratie", "koken", "klussen", "wandelen",
                                     "fietsen", "taalmaatje", "computerhulp", "muziek", "tuinieren",
                                     "voetbal", "kinderopvang", "ervaringskennis", "vervoer"});

constexpr auto kOtherLanguages =
    std::to_array<std::string_view>({"en", "ar", "tr", "tzm", "srn", "tw", "pap", "pl", "es"});

constexpr auto kMeetingPlaces = std::to_array<std::string_view>(
    {"Plein 40-45", "Osdorpplein", "Mercatorplein", "Bijlmerplein", "Waterlandplein", "Kraaiennest",
     "Balboaplein", "Dapperplein", "Van der Pekplein", "Meerwijk"});

}  // namespace

std::span<const District> districts() {
  return kDistricts;
}

std::string buurt_code(const District& district, int wijk_offset, int buurt) {
  char code[16];
  std::snprintf(code, sizeof code, "BU0363%02d%02d", district.wijk_first + wijk_offset, buurt);
  return code;
}

std::span<const PracticeSpec> practices() {
  return practice_list();
}

std::span<const std::string_view> given_names() {
  return kGivenNames;
}
std::span<const std::string_view> family_names() {
  return kFamilyNames;
}
std::span<const std::string_view> informal_actions() {
  return kInformalActions;
}
std::span<const std::string_view> professional_actions() {
  return kProfessionalActions;
}

std::span<const std::string_view> act_notes(SupportType type) {
  switch (type) {
    case SupportType::emotional: return kEmotionalNotes;
    case SupportType::practical: return kPracticalNotes;
    case SupportType::informational: return kInformationalNotes;
    case SupportType::companionship: return kCompanionshipNotes;
  }
  return kPracticalNotes;
}

std::span<const std::string_view> skills() {
  return kSkills;
}
std::span<const std::string_view> other_languages() {
  return kOtherLanguages;
}
std::span<const std::string_view> meeting_places() {
  return kMeetingPlaces;
}

}  // namespace dichtbij::demo
