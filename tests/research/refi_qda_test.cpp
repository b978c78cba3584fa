// The REFI-QDA writer and reader: what they write is valid against the
// schemas (the copies in src/research/refi_qda/), the archive holds the
// texts the selections point into, GUIDs are stable, and a bad codebook is
// refused naming the problem.
#include "research/refi_qda.hpp"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <zip.h>

#include <map>
#include <memory>
#include <regex>

#include "core/code_points.hpp"
#include "store/hashing.hpp"

namespace dichtbij::research {
namespace {

std::string schema_path(std::string_view name) {
  return std::string(DICHTBIJ_SOURCE_DIR) + "/src/research/refi_qda/" + std::string(name);
}

// The first validation error of xml against the schema file, or "" when it
// is valid.
std::string validate(const std::string& xml, std::string_view schema_name) {
  std::unique_ptr<xmlSchemaParserCtxt, decltype(&xmlSchemaFreeParserCtxt)> parser(
      xmlSchemaNewParserCtxt(schema_path(schema_name).c_str()), &xmlSchemaFreeParserCtxt);
  std::unique_ptr<xmlSchema, decltype(&xmlSchemaFree)> schema(xmlSchemaParse(parser.get()),
                                                              &xmlSchemaFree);
  if (!schema) return "the schema does not parse";
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> document(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "test.xml", nullptr, 0), &xmlFreeDoc);
  if (!document) return "not well-formed";
  std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> validator(
      xmlSchemaNewValidCtxt(schema.get()), &xmlSchemaFreeValidCtxt);
  std::string first;
  xmlSchemaSetValidStructuredErrors(
      validator.get(),
      [](void* self, xmlErrorPtr error) {
        auto& text = *static_cast<std::string*>(self);
        if (text.empty() && error && error->message) text = error->message;
      },
      &first);
  if (xmlSchemaValidateDoc(validator.get(), document.get()) != 0) {
    return first.empty() ? "invalid" : first;
  }
  return "";
}

// The entries of a zip, by name.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::map<std::string, std::string> entries;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(source);
    ADD_FAILURE() << "not a zip: " << zip_error_strerror(&error);
    zip_error_fini(&error);
    return entries;
  }
  for (zip_int64_t i = 0; i != zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    std::string content(stat.size, '\0');
    zip_fread(file, content.data(), content.size());
    zip_fclose(file);
    entries.emplace(stat.name, std::move(content));
  }
  zip_close(archive);
  zip_error_fini(&error);
  return entries;
}

GuidOf test_guids(const std::string& project) {
  return [project](std::string_view kind, const std::string& id) {
    return uuid_from_digest(store::blake2b_hex(project + ":" + std::string(kind) + ":" + id));
  };
}

Code code(const std::string& id, const std::string& name, std::optional<std::string> parent = {},
          std::string description = "", std::string colour = "#3366cc") {
  Code result;
  result.id = CodeId(id);
  result.fields.name = name;
  result.fields.description = std::move(description);
  result.fields.colour = std::move(colour);
  if (parent) result.fields.parent = CodeId(*parent);
  return result;
}

// A project with a note in French and emoji, Windows line ends, two
// coders, and a memo on each kind of thing.
QdaProject sample_project() {
  QdaProject project;
  project.id = ResearchProjectId("11111111-1111-4111-8111-111111111111");
  project.name = "Mobilisatie & \"buren\"";
  project.description = "Hoe buren elkaar vinden.";
  project.practices = {{PracticeId("22222222-2222-4222-8222-222222222222"), "Maatjes"},
                       {PracticeId("33333333-3333-4333-8333-333333333333"), "Buurtkamer"}};
  project.codes = {code("c0000000-0000-4000-8000-000000000002", "Hulp vragen",
                        "c0000000-0000-4000-8000-000000000001", "Iemand vraagt <hulp>"),
                   code("c0000000-0000-4000-8000-000000000001", "Netwerk", std::nullopt,
                        "Alles over het netwerk")};
  FieldNote note;
  note.id = FieldNoteId("a0000000-0000-4000-8000-000000000001");
  note.project = project.id;
  note.author = AccountId("b0000000-0000-4000-8000-000000000001");
  note.fields.practice = project.practices[0].id;
  note.fields.site = "Buurthuis";
  note.fields.observed_on = *parse_date("2025-03-04");
  note.fields.perspective = Perspective::experientialExpert;
  note.fields.text = "Café 😀 gesprek,\r\nPersoon 1 zei: \"kom\".";
  note.length = *utf8_code_points(note.fields.text);
  project.notes.push_back(note);
  Coding first;
  first.id = CodingId("d0000000-0000-4000-8000-000000000001");
  first.fields = {note.id, project.codes[0].id, 0, 6};  // "Café 😀"
  first.coder = note.author;
  first.created_at = "2025-03-05T10:00:00Z";
  Coding second;
  second.id = CodingId("d0000000-0000-4000-8000-000000000002");
  second.fields = {note.id, project.codes[1].id, 17, 26};  // "Persoon 1"
  second.coder = AccountId("b0000000-0000-4000-8000-000000000002");
  second.created_at = "2025-03-06 11:00:00";
  project.codings = {second, first};
  Memo on_note, on_code, on_coding;
  on_note.id = MemoId("e0000000-0000-4000-8000-000000000001");
  on_note.author = note.author;
  on_note.fields.note = note.id;
  on_note.fields.text = "Let op de toon.";
  on_code.id = MemoId("e0000000-0000-4000-8000-000000000002");
  on_code.author = second.coder;
  on_code.fields.code = project.codes[1].id;
  on_code.fields.text = "Breder dan familie.";
  on_coding.id = MemoId("e0000000-0000-4000-8000-000000000003");
  on_coding.author = note.author;
  on_coding.fields.coding = first.id;
  on_coding.fields.text = "Emoji telt als één.";
  project.memos = {on_note, on_code, on_coding};
  return project;
}

TEST(RefiQda, GuidsAreUuidsAndStable) {
  const std::string guid = uuid_from_digest(store::blake2b_hex("x"));
  EXPECT_TRUE(std::regex_match(
      guid, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
      << guid;
  EXPECT_EQ(guid, uuid_from_digest(store::blake2b_hex("x")));
  EXPECT_NE(guid, uuid_from_digest(store::blake2b_hex("y")));
  const QdaProject project = sample_project();
  EXPECT_EQ(project_qde(project, test_guids("p")), project_qde(project, test_guids("p")));
  EXPECT_EQ(*project_qdpx(project, test_guids("p")), *project_qdpx(project, test_guids("p")))
      << "a re-export has equal bytes";
}

TEST(RefiQda, CodebookIsValidAndReadsBackAsTheSameTree) {
  const QdaProject project = sample_project();
  std::vector<Code> codes = project.codes;
  codes.push_back(
      code("c0000000-0000-4000-8000-000000000003", "Zorgen & <zorg>", std::nullopt, "", "#ABCDEF"));
  const std::string qdc = codebook_qdc(codes, test_guids("p"));
  EXPECT_EQ(validate(qdc, "Codebook.xsd"), "") << qdc;
  Result<std::vector<ImportedCode>> read = read_codebook_qdc(qdc);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read->size(), 3u);
  // Name order at each level, a parent before its children.
  EXPECT_EQ((*read)[0].fields.name, "Netwerk");
  EXPECT_EQ((*read)[0].fields.description, "Alles over het netwerk");
  EXPECT_FALSE((*read)[0].parent);
  EXPECT_EQ((*read)[1].fields.name, "Hulp vragen");
  EXPECT_EQ((*read)[1].fields.description, "Iemand vraagt <hulp>");
  EXPECT_EQ((*read)[1].parent, 0u);
  EXPECT_EQ((*read)[2].fields.name, "Zorgen & <zorg>");
  EXPECT_EQ((*read)[2].fields.colour, "#abcdef");
}

TEST(RefiQda, ProjectIsValidAndPointsIntoTheSources) {
  const QdaProject project = sample_project();
  const GuidOf guid_of = test_guids("p");
  Result<std::string> archive = project_qdpx(project, guid_of);
  ASSERT_TRUE(archive.ok()) << archive.error().message;
  const std::map<std::string, std::string> entries = unzip(*archive);
  ASSERT_TRUE(entries.contains("project.qde"));
  const std::string& qde = entries.at("project.qde");
  EXPECT_EQ(validate(qde, "Project.xsd"), "") << qde;

  const std::string note_guid = guid_of("note", project.notes[0].id.str());
  const std::string source = "sources/" + note_guid + ".txt";
  ASSERT_TRUE(entries.contains(source));
  EXPECT_EQ(entries.at(source), project.notes[0].fields.text) << "verbatim, CRLF kept";
  EXPECT_NE(qde.find("plainTextPath=\"internal://" + note_guid + ".txt\""), std::string::npos);
  EXPECT_NE(qde.find("startPosition=\"0\" endPosition=\"6\""), std::string::npos);
  EXPECT_EQ(code_point_slice(entries.at(source), 0, 6), "Café 😀");
  EXPECT_EQ(code_point_slice(entries.at(source), 17, 26), "Persoon 1");
  EXPECT_NE(qde.find("creationDateTime=\"2025-03-06T11:00:00Z\""), std::string::npos);
  // Cases, the perspective variable, memos and users by account id.
  EXPECT_NE(qde.find("<Case guid=\"" + guid_of("practice", project.practices[0].id.str()) +
                     "\" name=\"Maatjes\""),
            std::string::npos);
  EXPECT_NE(qde.find("<TextValue>experientialExpert</TextValue>"), std::string::npos);
  EXPECT_NE(qde.find("<DateValue>2025-03-04</DateValue>"), std::string::npos);
  for (const Memo& memo : project.memos) {
    EXPECT_NE(qde.find("<NoteRef targetGUID=\"" + guid_of("memo", memo.id.str()) + "\"/>"),
              std::string::npos)
        << memo.fields.text;
  }
  EXPECT_NE(qde.find("name=\"b0000000-0000-4000-8000-000000000002\""), std::string::npos);
  EXPECT_NE(qde.find("Mobilisatie &amp; &quot;buren&quot;"), std::string::npos);
}

TEST(RefiQda, AnEmptyProjectIsValidToo) {
  QdaProject project;
  project.id = ResearchProjectId("11111111-1111-4111-8111-111111111111");
  project.name = "Leeg";
  EXPECT_EQ(validate(project_qde(project, test_guids("p")), "Project.xsd"), "");
}

TEST(RefiQda, ControlCharactersDoNotBreakTheXml) {
  QdaProject project = sample_project();
  project.memos[0].fields.text = std::string("bel\x07 en\x01 tab\t");
  const std::string qde = project_qde(project, test_guids("p"));
  EXPECT_EQ(validate(qde, "Project.xsd"), "");
  EXPECT_NE(qde.find("bel en tab\t"), std::string::npos);
}

TEST(RefiQda, CodingsCsvHasPathsAndFragments) {
  const QdaProject project = sample_project();
  const std::string csv = codings_csv(project);
  const std::string header =
      "project,note,practice,perspective,code_path,start,end,coder,fragment\r\n";
  ASSERT_EQ(csv.substr(0, header.size()), header);
  const std::string prefix = project.id.str() + "," + project.notes[0].id.str() + "," +
                             project.practices[0].id.str() + ",experientialExpert,";
  EXPECT_NE(csv.find(prefix + "Netwerk / Hulp vragen,0,6,b0000000-0000-4000-8000-000000000001,"
                              "Café 😀\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(prefix + "Netwerk,17,26,b0000000-0000-4000-8000-000000000002,Persoon 1\r\n"),
            std::string::npos)
      << csv;
  // By start: the emoji's coding first although it came second.
  EXPECT_LT(csv.find("Café"), csv.find("Persoon 1"));
}

TEST(RefiQda, CsvQuotesFragmentsWithCommasQuotesAndLineEnds) {
  QdaProject project = sample_project();
  project.codings[0].fields.start = 6;
  project.codings[0].fields.end = 26;  // " gesprek,\r\nPersoon 1"
  const std::string csv = codings_csv(project);
  EXPECT_NE(csv.find(",\" gesprek,\r\nPersoon 1\"\r\n"), std::string::npos) << csv;
}

struct BadCodebook {
  std::string name;
  std::string xml;
  std::string reason;  // part of the invalid param's reason
};

constexpr std::string_view kHead = R"(<?xml version="1.0" encoding="UTF-8"?>)";
std::string book(const std::string& codes) {
  return std::string(kHead) + R"(<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>)" + codes +
         "</Codes></CodeBook>";
}
constexpr std::string_view kGuid = "01234567-89ab-4def-8123-456789abcdef";

TEST(RefiQda, BadCodebooksAreRefusedNamingTheProblem) {
  const std::string guid(kGuid);
  const std::vector<BadCodebook> cases{
      {"empty", "", "is empty"},
      {"not XML", "this is no XML", "not well-formed XML: line 1"},
      {"cut off", book("<Code guid=\"" + guid + "\" name=\"A\" isCodable=\"true\">"),
       "not well-formed XML"},
      {"another root", std::string(kHead) + "<Project xmlns=\"urn:QDA-XML:project:1.0\"/>",
       "not valid against Codebook.xsd"},
      {"no namespace", std::string(kHead) + "<CodeBook><Codes/></CodeBook>",
       "not valid against Codebook.xsd"},
      {"no codes", book(""), "not valid against Codebook.xsd"},
      {"no isCodable", book("<Code guid=\"" + guid + "\" name=\"A\"/>"), "isCodable"},
      {"bad guid", book("<Code guid=\"nope\" name=\"A\" isCodable=\"true\"/>"), "guid"},
      {"bad colour",
       book("<Code guid=\"" + guid + "\" name=\"A\" isCodable=\"true\" color=\"red\"/>"), "color"},
      {"blank name", book("<Code guid=\"" + guid + "\" name=\"  \" isCodable=\"true\"/>"),
       "has no name"},
      {"long name",
       book("<Code guid=\"" + guid + "\" name=\"" + std::string(101, 'a') +
            "\" isCodable=\"true\"/>"),
       "longer than 100"},
      {"long description",
       book("<Code guid=\"" + guid + "\" name=\"A\" isCodable=\"true\"><Description>" +
            std::string(2001, 'a') + "</Description></Code>"),
       "description longer than 2000"},
      {"external entity",
       std::string(kHead) +
           "<!DOCTYPE CodeBook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
           "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"" +
           guid + "\" name=\"&x;\" isCodable=\"true\"/></Codes></CodeBook>",
       ""},
  };
  for (const BadCodebook& bad : cases) {
    SCOPED_TRACE(bad.name);
    Result<std::vector<ImportedCode>> read = read_codebook_qdc(bad.xml);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::invalid_input);
    ASSERT_EQ(read.error().invalid_params.size(), 1u);
    EXPECT_EQ(read.error().invalid_params[0].name, "body");
    EXPECT_NE(read.error().invalid_params[0].reason.find(bad.reason), std::string::npos)
        << read.error().invalid_params[0].reason;
  }
}

TEST(RefiQda, ShortColoursAndMissingOnesAreFilledIn) {
  const std::string guid(kGuid);
  Result<std::vector<ImportedCode>> read =
      read_codebook_qdc(book("<Code guid=\"" + guid +
                             "\" name=\"A\" isCodable=\"true\" color=\"#F0a\"/>"
                             "<Code guid=\"" +
                             guid + "\" name=\"B\" isCodable=\"false\"/>"));
  ASSERT_TRUE(read.ok()) << read.error().invalid_params.at(0).reason;
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[0].fields.colour, "#ff00aa");
  EXPECT_EQ((*read)[1].fields.colour, "#888888");
}

}  // namespace
}  // namespace dichtbij::research
