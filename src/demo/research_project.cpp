#include "demo/research_project.hpp"

#include <array>
#include <map>
#include <string_view>

#include "core/code_points.hpp"
#include "core/framework_matrix.hpp"
#include "core/member_check.hpp"
#include "core/research.hpp"
#include "store/codebook_repository.hpp"
#include "store/coding_repository.hpp"
#include "store/field_note_repository.hpp"
#include "store/finding_repository.hpp"
#include "store/framework_matrix_repository.hpp"
#include "store/memo_repository.hpp"
#include "store/research_project_repository.hpp"

namespace dichtbij::demo {

namespace {

struct CodeSpec {
  std::string_view key;
  std::string_view parent;  // a key, or empty
  std::string_view name;
  std::string_view colour;
  std::string_view description;
};

constexpr std::array<CodeSpec, 9> kCodes{{
    {"mobilisation", "", "Mobilisatie", "#0072b2", "Hoe steun op gang komt, en door wie."},
    {"self", "mobilisation", "Zelf gevraagd", "#56b4e9",
     "Het huishouden vraagt zelf om hulp of spreekt zelf iets af."},
    {"network", "mobilisation", "Via het netwerk", "#009e73",
     "Familie, buren of vrienden zetten de steun in gang."},
    {"professional", "mobilisation", "Via een professional", "#d55e00",
     "Een professional legt het contact met informele helpers."},
    {"collaboration", "", "Samenwerking formeel–informeel", "#1d4f73",
     "Hoe professionals en informele helpers samen optrekken."},
    {"together", "collaboration", "Samen optrekken", "#3b7ea1",
     "Afstemmen, elkaar bellen, samen iets doen."},
    {"handover", "collaboration", "Taak overgedragen", "#6a9fc1",
     "Een taak gaat van een professional naar een informele helper."},
    {"trust", "", "Vertrouwen", "#cc79a7",
     "Vertrouwen tussen huishouden, helpers en professionals."},
    {"barriers", "", "Drempels", "#e69f00", "Wat mensen tegenhoudt om hulp te vragen of te geven."},
}};

struct Phrase {
  std::string_view text;  // as it occurs in the note
  std::string_view code;  // a key of kCodes
};

struct NoteSpec {
  Perspective perspective;
  std::string_view site;
  std::string_view text;
  std::array<Phrase, 3> phrases;  // empty text: none
};

constexpr std::array<NoteSpec, 9> kNotes{{
    {Perspective::professional,
     "Huisbezoek",
     "Mevrouw vroeg zelf of iemand haar naar de huisarts kon brengen. Ik heb de buurvrouw "
     "gebeld; die rijdt nu elke week. We spraken af dat ik me terugtrek zodra het loopt.",
     {{{"Mevrouw vroeg zelf", "self"},
       {"Ik heb de buurvrouw gebeld", "professional"},
       {"We spraken af dat ik me terugtrek zodra het loopt", "handover"}}}},
    {Perspective::volunteer,
     "Koffieochtend",
     "Als maatje kom ik er op dinsdag. De wijkcoach en ik bellen elkaar als er iets is; zo hoeft "
     "meneer niet alles twee keer te vertellen.",
     {{{"De wijkcoach en ik bellen elkaar", "together"},
       {"zo hoeft meneer niet alles twee keer te vertellen", "trust"},
       {"", ""}}}},
    {Perspective::citizen,
     "Buurthuis",
     "Ik wil best helpen, maar ik weet niet wie hulp nodig heeft. Niemand vraagt het je.",
     {{{"ik weet niet wie hulp nodig heeft", "barriers"},
       {"Niemand vraagt het je", "barriers"},
       {"", ""}}}},
    {Perspective::citizen,
     "Huisbezoek",
     "Ik vraag niet graag om hulp, ik wil niemand tot last zijn. Mijn dochter regelt nu de "
     "boodschappen, en de buurman brengt de krant.",
     {{{"Ik vraag niet graag om hulp", "barriers"},
       {"Mijn dochter regelt nu de boodschappen", "network"},
       {"de buurman brengt de krant", "network"}}}},
    {Perspective::manager,
     "Teamoverleg",
     "We sturen op minder zorg door professionals, maar informele hulp kost ook tijd van onze "
     "mensen: contact houden, terugkoppelen, bijspringen als het even niet gaat.",
     {{{"informele hulp kost ook tijd van onze mensen", "together"},
       {"bijspringen als het even niet gaat", "together"},
       {"", ""}}}},
    {Perspective::experientialExpert,
     "Wijkcentrum",
     "Wat hielp was dat de buurtwerker gewoon bleef komen, ook toen ik niets wilde. Pas daarna "
     "durfde ik de buren te vragen.",
     {{{"de buurtwerker gewoon bleef komen", "trust"},
       {"durfde ik de buren te vragen", "self"},
       {"", ""}}}},
    {Perspective::civilServant,
     "Stadsdeelkantoor",
     "De subsidie telt contacten, niet wat buren voor elkaar doen. Daardoor blijft de inzet van "
     "vrijwilligers onzichtbaar in de verantwoording.",
     {{{"De subsidie telt contacten, niet wat buren voor elkaar doen", "barriers"},
       {"", ""},
       {"", ""}}}},
    {Perspective::researcher,
     "Koffieochtend",
     "Tijdens de koffieochtend spreken drie bewoners af om samen naar de markt te gaan; de "
     "opbouwwerker zet het in de groepsapp.",
     {{{"spreken drie bewoners af om samen naar de markt te gaan", "self"},
       {"de opbouwwerker zet het in de groepsapp", "together"},
       {"", ""}}}},
    {Perspective::professional,
     "Teamoverleg",
     "Het plan is overgedragen aan het maatje; ik bel één keer per maand om te horen hoe het "
     "gaat. Zijn zus vertrouwt het maatje nog niet helemaal.",
     {{{"Het plan is overgedragen aan het maatje", "handover"},
       {"ik bel één keer per maand", "together"},
       {"Zijn zus vertrouwt het maatje nog niet helemaal", "trust"}}}},
}};

// The code-point range of phrase in text. REQUIRES: phrase occurs in text
// (the specs above are checked by the demo's tests).
CodingFields range_of(const FieldNoteId& note, const CodeId& code, std::string_view text,
                      std::string_view phrase) {
  const std::size_t at = text.find(phrase);
  const std::size_t start = utf8_code_points(text.substr(0, at)).value_or(0);
  return {note, code, start, start + utf8_code_points(phrase).value_or(0)};
}

Result<void> write(store::Transaction& transaction, const ResearchSeed& seed) {
  ResearchProjectFields fields;
  fields.name = "Samen sterker in de buurt";
  fields.description =
      "Meervoudige casestudy (demo): hoe formele en informele helpers samen steun mobiliseren "
      "in drie praktijken, gezien vanuit elke betrokkene en teruggelegd bij de betrokkenen.";
  const std::size_t studied = std::min<std::size_t>(3, seed.practices.size());
  for (std::size_t i = 0; i != studied; ++i) fields.practices.push_back(seed.practices[i].id);
  Result<ResearchProject> project =
      store::ResearchProjectRepository(transaction).create(fields, seed.researcher);
  if (!project.ok()) return std::move(project).error();
  if (Result<void> member =
          store::ResearchProjectRepository(transaction)
              .put_member(project->id,
                          {seed.stakeholder, ProjectRole::stakeholder, fields.practices.front()});
      !member.ok()) {
    return member;
  }

  store::CodebookRepository codebook(transaction, project->id);
  std::map<std::string_view, CodeId> codes;
  for (const CodeSpec& spec : kCodes) {
    CodeFields code{std::string(spec.name), std::string(spec.description), std::string(spec.colour),
                    std::nullopt};
    if (!spec.parent.empty()) code.parent = codes.at(spec.parent);
    Result<Code> created = codebook.create(code, seed.researcher);
    if (!created.ok()) return std::move(created).error();
    codes.emplace(spec.key, created->id);
  }

  // Six notes a practice: two thirds of the specs, each practice its own
  // mix, observed a week apart going back from today.
  store::FieldNoteRepository notes(transaction, project->id);
  store::CodingRepository codings(transaction, project->id);
  std::vector<CodingId> handovers_of_first;
  std::vector<CodingId> barriers_of_first;
  int week = 1;
  for (std::size_t p = 0; p != studied; ++p) {
    for (std::size_t n = 0; n != kNotes.size(); ++n) {
      if (n % 3 == (p + 2) % 3) continue;
      const NoteSpec& spec = kNotes[n];
      FieldNoteFields note;
      note.practice = fields.practices[p];
      note.site = std::string(spec.site);
      note.observed_on = Date{std::chrono::sys_days(seed.today) - std::chrono::weeks(week++)};
      note.perspective = spec.perspective;
      note.text = std::string(spec.text);
      Result<FieldNote> written =
          notes.create(note, utf8_code_points(note.text).value_or(0), seed.researcher);
      if (!written.ok()) return std::move(written).error();
      for (const Phrase& phrase : spec.phrases) {
        if (phrase.text.empty()) continue;
        Result<Coding> coded = codings.create(
            range_of(written->id, codes.at(phrase.code), spec.text, phrase.text), seed.researcher);
        if (!coded.ok()) return std::move(coded).error();
        if (p == 0 && phrase.code == "handover") handovers_of_first.push_back(coded->id);
        if (p == 0 && phrase.code == "barriers") barriers_of_first.push_back(coded->id);
      }
    }
  }

  MemoFields memo;
  memo.code = codes.at("barriers");
  memo.text =
      "Drempels komen in de notities vooral van bewoners zelf (niet tot last willen zijn), en "
      "van de verantwoording. Vergelijken met wat professionals als drempel noemen.";
  if (Result<Memo> written =
          store::MemoRepository(transaction, project->id).create(memo, seed.researcher);
      !written.ok()) {
    return std::move(written).error();
  }

  // A framework matrix of the practices on the four themes, with the first
  // practice's row begun.
  store::FrameworkMatrixRepository matrices(transaction, project->id);
  Result<FrameworkMatrix> matrix =
      matrices.create({"Voorwaarden voor samenwerking",
                       {codes.at("mobilisation"), codes.at("collaboration"), codes.at("trust"),
                        codes.at("barriers")}},
                      FrameworkCaseKind::practice, seed.researcher);
  if (!matrix.ok()) return std::move(matrix).error();
  const std::array<std::pair<std::string_view, FrameworkCellFields>, 2> cells{{
      {"collaboration",
       {"Professionals zetten buren en maatjes in en trekken zich dan stap voor stap terug, met "
        "een vast belmoment.",
        handovers_of_first}},
      {"barriers",
       {"Bewoners vragen niet graag om hulp; wie wil helpen weet niet wie het nodig heeft.",
        barriers_of_first}},
  }};
  for (const auto& [theme, cell] : cells) {
    if (Result<FrameworkCell> written = matrices.put_cell(
            matrix->id, fields.practices.front(), codes.at(theme), 0, cell, seed.researcher, {});
        !written.ok()) {
      return std::move(written).error();
    }
  }

  FindingFields finding;
  finding.practice = fields.practices.front();
  finding.title = "Professionals dragen taken bewust over";
  finding.text =
      "In deze praktijk zetten professionals een informele helper in en trekken zich daarna "
      "stap voor stap terug, met een vast moment om te horen hoe het gaat. Herkent u dat?";
  finding.codings = handovers_of_first;
  // The demo's notes link to no household, so no consent can withhold them.
  if (Result<Finding> published =
          store::FindingRepository(transaction).publish(project->id, finding, seed.researcher, {});
      !published.ok()) {
    return std::move(published).error();
  }
  return {};
}

}  // namespace

Result<void> seed_research_project(store::Database& database, const ResearchSeed& seed) {
  if (seed.practices.empty()) return {};
  return database.in_transaction(
      store::TransactionKind::write,
      [&](store::Transaction& transaction) { return write(transaction, seed); });
}

}  // namespace dichtbij::demo
