#include "research/refi_qda.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "core/code_points.hpp"
#include "research/csv_field.hpp"
#include "research/refi_qda_schema.hpp"

namespace dichtbij::research {

namespace {

constexpr std::string_view kProjectNamespace = "urn:QDA-XML:project:1.0";
constexpr std::string_view kCodebookNamespace = "urn:QDA-XML:codebook:1.0";
constexpr std::string_view kOrigin = "Dichtbij";
// The variables every source carries; their GUIDs derive from these names.
constexpr std::string_view kPerspective = "perspective";
constexpr std::string_view kSite = "site";
constexpr std::string_view kObservedOn = "observedOn";

const xmlChar* x(const char* text) {
  return reinterpret_cast<const xmlChar*>(text);
}

// Characters XML 1.0 cannot carry (C0 controls other than tab, line feed
// and carriage return) are dropped: a note is text, and one stray control
// character must not make the whole export unreadable.
std::string xml_safe(std::string_view text) {
  std::string safe;
  safe.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    safe += c;
  }
  return safe;
}

// xsd:dateTime from a stored UTC timestamp ("YYYY-MM-DDTHH:MM:SSZ", or
// with a space as some engines give it back); nullopt when it is neither.
std::optional<std::string> date_time(std::string_view stored) {
  if (stored.size() < 19 || (stored[10] != 'T' && stored[10] != ' ')) return std::nullopt;
  std::string text(stored.substr(0, 19));
  text[10] = 'T';
  return text + "Z";
}

// One XML document being written to memory. Every call checks libxml2's
// answer: a failure is a bug or memory exhaustion, so it throws (the API
// answers 500).
class XmlWriter {
 public:
  XmlWriter() : buffer_(xmlBufferCreate(), &xmlBufferFree) {
    if (!buffer_) throw std::runtime_error("libxml2 could not allocate a buffer");
    writer_.reset(xmlNewTextWriterMemory(buffer_.get(), 0));
    if (!writer_) throw std::runtime_error("libxml2 could not start a writer");
    check(xmlTextWriterSetIndent(writer_.get(), 1));
    check(xmlTextWriterSetIndentString(writer_.get(), x("  ")));
    check(xmlTextWriterStartDocument(writer_.get(), nullptr, "UTF-8", nullptr));
  }

  void start(const char* element) { check(xmlTextWriterStartElement(writer_.get(), x(element))); }
  void end() { check(xmlTextWriterEndElement(writer_.get())); }
  void attribute(const char* name, std::string_view value) {
    const std::string safe = xml_safe(value);
    check(xmlTextWriterWriteAttribute(writer_.get(), x(name), x(safe.c_str())));
  }
  // <element>text</element>
  void text_element(const char* element, std::string_view text) {
    const std::string safe = xml_safe(text);
    check(xmlTextWriterWriteElement(writer_.get(), x(element), x(safe.c_str())));
  }
  // <element attribute="value"/>
  void empty_element(const char* element, const char* name, std::string_view value) {
    start(element);
    attribute(name, value);
    end();
  }

  // The whole document. The writer is done after this.
  std::string finish() {
    check(xmlTextWriterEndDocument(writer_.get()));
    writer_.reset();  // flushes into the buffer
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                       static_cast<std::size_t>(xmlBufferLength(buffer_.get())));
  }

 private:
  static void check(int answer) {
    if (answer < 0) throw std::runtime_error("libxml2 failed to write XML");
  }
  struct WriterFree {
    void operator()(xmlTextWriterPtr writer) const { xmlFreeTextWriter(writer); }
  };
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer_;
  std::unique_ptr<xmlTextWriter, WriterFree> writer_;
};

// The codes by parent (the top under ""), each list in name, then id, order.
std::map<std::string, std::vector<const Code*>> codes_by_parent(const std::vector<Code>& codes) {
  std::set<std::string> known;
  for (const Code& code : codes) known.insert(code.id.str());
  std::map<std::string, std::vector<const Code*>> children;
  for (const Code& code : codes) {
    // A parent outside the list (it cannot happen with a whole codebook)
    // puts the code at the top rather than losing it.
    const std::string parent = code.fields.parent && known.contains(code.fields.parent->str())
                                   ? code.fields.parent->str()
                                   : "";
    children[parent].push_back(&code);
  }
  for (auto& [parent, list] : children) {
    std::sort(list.begin(), list.end(), [](const Code* a, const Code* b) {
      return std::tie(a->fields.name, a->id) < std::tie(b->fields.name, b->id);
    });
  }
  return children;
}

// Code elements of parent's children, recursively. note_refs names the
// memo GUIDs on each code (the project file only; the QDC has no notes).
void write_codes(XmlWriter& out, const std::map<std::string, std::vector<const Code*>>& children,
                 const std::string& parent, const GuidOf& guid_of,
                 const std::map<std::string, std::vector<std::string>>* note_refs,
                 std::set<std::string>& written) {
  const auto found = children.find(parent);
  if (found == children.end()) return;
  for (const Code* code : found->second) {
    // A cycle in the data would recurse forever; each code once.
    if (!written.insert(code->id.str()).second) continue;
    out.start("Code");
    out.attribute("guid", guid_of("code", code->id.str()));
    out.attribute("name", code->fields.name);
    out.attribute("isCodable", "true");
    out.attribute("color", code->fields.colour);
    if (!code->fields.description.empty())
      out.text_element("Description", code->fields.description);
    if (note_refs) {
      if (const auto refs = note_refs->find(code->id.str()); refs != note_refs->end()) {
        for (const std::string& ref : refs->second) out.empty_element("NoteRef", "targetGUID", ref);
      }
    }
    write_codes(out, children, code->id.str(), guid_of, note_refs, written);
    out.end();
  }
}

std::string note_name(const FieldNote& note) {
  std::string name = format_date(note.fields.observed_on);
  if (!note.fields.site.empty()) name += " " + note.fields.site;
  return name + " (" + std::string(to_code(note.fields.perspective)) + ")";
}

std::string source_file(const GuidOf& guid_of, const FieldNote& note) {
  return guid_of("note", note.id.str()) + ".txt";
}

// "Parent / Child" for each code id.
std::unordered_map<std::string, std::string> code_paths(const std::vector<Code>& codes) {
  std::unordered_map<std::string, const Code*> by_id;
  for (const Code& code : codes) by_id.emplace(code.id.str(), &code);
  std::unordered_map<std::string, std::string> paths;
  for (const Code& code : codes) {
    std::vector<std::string_view> names{code.fields.name};
    std::optional<CodeId> at = code.fields.parent;
    for (std::size_t depth = 0; at && depth != codes.size(); ++depth) {
      const auto parent = by_id.find(at->str());
      if (parent == by_id.end()) break;
      names.push_back(parent->second->fields.name);
      at = parent->second->fields.parent;
    }
    std::string path;
    for (auto name = names.rbegin(); name != names.rend(); ++name) {
      if (!path.empty()) path += " / ";
      path += *name;
    }
    paths.emplace(code.id.str(), std::move(path));
  }
  return paths;
}

}  // namespace

std::string uuid_from_digest(std::string_view hex) {
  std::string text(hex.substr(0, 32));
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  text[12] = '8';  // version 8
  constexpr std::string_view kDigits = "0123456789abcdef";
  const std::size_t variant = kDigits.find(text[16]);
  text[16] = kDigits[(variant == std::string_view::npos ? 0 : (variant & 0x3)) | 0x8];
  return text.substr(0, 8) + "-" + text.substr(8, 4) + "-" + text.substr(12, 4) + "-" +
         text.substr(16, 4) + "-" + text.substr(20, 12);
}

std::string codebook_qdc(const std::vector<Code>& codes, const GuidOf& guid_of) {
  XmlWriter out;
  out.start("CodeBook");
  out.attribute("xmlns", kCodebookNamespace);
  out.attribute("origin", kOrigin);
  out.start("Codes");
  std::set<std::string> written;
  write_codes(out, codes_by_parent(codes), "", guid_of, nullptr, written);
  out.end();
  out.end();
  return out.finish();
}

std::string project_qde(const QdaProject& project, const GuidOf& guid_of) {
  // Who appears: authors of notes and memos, and coders. By account id.
  std::set<std::string> accounts;
  for (const FieldNote& note : project.notes) accounts.insert(note.author.str());
  for (const Coding& coding : project.codings) accounts.insert(coding.coder.str());
  for (const Memo& memo : project.memos) accounts.insert(memo.author.str());

  // Where each memo is referred to from.
  std::map<std::string, std::vector<std::string>> memos_on_note, memos_on_code, memos_on_coding;
  for (const Memo& memo : project.memos) {
    const std::string guid = guid_of("memo", memo.id.str());
    if (memo.fields.note) memos_on_note[memo.fields.note->str()].push_back(guid);
    if (memo.fields.code) memos_on_code[memo.fields.code->str()].push_back(guid);
    if (memo.fields.coding) memos_on_coding[memo.fields.coding->str()].push_back(guid);
  }
  std::map<std::string, std::vector<const Coding*>> codings_of_note;
  for (const Coding& coding : project.codings) {
    codings_of_note[coding.fields.note.str()].push_back(&coding);
  }
  for (auto& [note, codings] : codings_of_note) {
    std::sort(codings.begin(), codings.end(), [](const Coding* a, const Coding* b) {
      return std::tie(a->fields.start, a->fields.end, a->id) <
             std::tie(b->fields.start, b->fields.end, b->id);
    });
  }
  std::vector<const FieldNote*> notes;
  for (const FieldNote& note : project.notes) notes.push_back(&note);
  std::sort(notes.begin(), notes.end(), [](const FieldNote* a, const FieldNote* b) {
    return std::tie(a->fields.observed_on, a->id) < std::tie(b->fields.observed_on, b->id);
  });
  auto user = [&](const AccountId& account) { return guid_of("account", account.str()); };

  XmlWriter out;
  out.start("Project");
  out.attribute("xmlns", kProjectNamespace);
  out.attribute("name", project.name);
  out.attribute("origin", kOrigin);

  if (!accounts.empty()) {
    out.start("Users");
    for (const std::string& account : accounts) {
      out.start("User");
      out.attribute("guid", guid_of("account", account));
      // The account id, as the research routes show coders; no names.
      out.attribute("name", account);
      out.attribute("id", account);
      out.end();
    }
    out.end();
  }

  if (!project.codes.empty()) {
    out.start("CodeBook");
    out.start("Codes");
    std::set<std::string> written;
    write_codes(out, codes_by_parent(project.codes), "", guid_of, &memos_on_code, written);
    out.end();
    out.end();
  }

  out.start("Variables");
  auto variable = [&](std::string_view name, const char* type, std::string_view description) {
    out.start("Variable");
    out.attribute("guid", guid_of("variable", std::string(name)));
    out.attribute("name", name);
    out.attribute("typeOfVariable", type);
    out.text_element("Description", description);
    out.end();
  };
  variable(kPerspective, "Text",
           "Whose view the note records: professional, manager, civilServant, "
           "experientialExpert, volunteer, citizen or researcher.");
  variable(kSite, "Text", "Where the note was made.");
  variable(kObservedOn, "Date", "The day observed.");
  out.end();

  std::map<std::string, std::vector<const FieldNote*>> notes_of_practice;
  for (const FieldNote* note : notes)
    notes_of_practice[note->fields.practice.str()].push_back(note);
  if (!project.practices.empty()) {
    out.start("Cases");
    for (const QdaPractice& practice : project.practices) {
      out.start("Case");
      out.attribute("guid", guid_of("practice", practice.id.str()));
      out.attribute("name", practice.name);
      for (const FieldNote* note : notes_of_practice[practice.id.str()]) {
        out.empty_element("SourceRef", "targetGUID", guid_of("note", note->id.str()));
      }
      out.end();
    }
    out.end();
  }

  auto variable_value = [&](std::string_view name, const char* element, std::string_view value) {
    out.start("VariableValue");
    out.empty_element("VariableRef", "targetGUID", guid_of("variable", std::string(name)));
    out.text_element(element, value);
    out.end();
  };
  if (!notes.empty()) {
    out.start("Sources");
    for (const FieldNote* note : notes) {
      out.start("TextSource");
      out.attribute("guid", guid_of("note", note->id.str()));
      out.attribute("name", note_name(*note));
      out.attribute("plainTextPath", "internal://" + source_file(guid_of, *note));
      out.attribute("creatingUser", user(note->author));
      for (const Coding* coding : codings_of_note[note->id.str()]) {
        out.start("PlainTextSelection");
        out.attribute("guid", guid_of("selection", coding->id.str()));
        out.attribute("startPosition", std::to_string(coding->fields.start));
        out.attribute("endPosition", std::to_string(coding->fields.end));
        out.attribute("creatingUser", user(coding->coder));
        const std::optional<std::string> when = date_time(coding->created_at);
        if (when) out.attribute("creationDateTime", *when);
        out.start("Coding");
        out.attribute("guid", guid_of("coding", coding->id.str()));
        out.attribute("creatingUser", user(coding->coder));
        if (when) out.attribute("creationDateTime", *when);
        out.empty_element("CodeRef", "targetGUID", guid_of("code", coding->fields.code.str()));
        out.end();
        for (const std::string& ref : memos_on_coding[coding->id.str()]) {
          out.empty_element("NoteRef", "targetGUID", ref);
        }
        out.end();
      }
      for (const std::string& ref : memos_on_note[note->id.str()]) {
        out.empty_element("NoteRef", "targetGUID", ref);
      }
      variable_value(kPerspective, "TextValue", to_code(note->fields.perspective));
      variable_value(kSite, "TextValue", note->fields.site);
      variable_value(kObservedOn, "DateValue", format_date(note->fields.observed_on));
      out.end();
    }
    out.end();
  }

  if (!project.memos.empty()) {
    out.start("Notes");
    for (const Memo& memo : project.memos) {
      out.start("Note");
      out.attribute("guid", guid_of("memo", memo.id.str()));
      out.attribute("name", "Memo");
      out.attribute("creatingUser", user(memo.author));
      out.text_element("PlainTextContent", memo.fields.text);
      out.end();
    }
    out.end();
  }

  if (!project.description.empty()) out.text_element("Description", project.description);
  out.end();
  return out.finish();
}

Result<std::string> project_qdpx(const QdaProject& project, const GuidOf& guid_of) {
  // Every buffer handed to libzip must live until zip_close.
  std::vector<std::pair<std::string, std::string>> files;
  files.emplace_back("project.qde", project_qde(project, guid_of));
  for (const FieldNote& note : project.notes) {
    files.emplace_back("sources/" + source_file(guid_of, note), note.fields.text);
  }

  zip_error_t error;
  zip_error_init(&error);
  auto failed = [&](std::string_view what) {
    Error result = make_error(ErrorCode::internal, "libzip failed to " + std::string(what) + ": " +
                                                       zip_error_strerror(&error));
    zip_error_fini(&error);
    return result;
  };
  zip_source_t* archive_source = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!archive_source) return failed("create a buffer");
  // Kept past zip_close, which would otherwise free it: the archive's bytes
  // are read back from it.
  zip_source_keep(archive_source);
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> kept(archive_source, &zip_source_free);
  zip_t* archive = zip_open_from_source(archive_source, ZIP_TRUNCATE, &error);
  if (!archive) return failed("open an archive");
  // 2020-01-01T00:00:00Z: a fixed time, so that a re-export has equal bytes.
  constexpr time_t kFixedTime = 1577836800;
  for (const auto& [name, content] : files) {
    zip_source_t* file = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (!file) {
      zip_discard(archive);
      return failed("add " + name);
    }
    const zip_int64_t index = zip_file_add(archive, name.c_str(), file, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(file);
      zip_discard(archive);
      return failed("add " + name);
    }
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), kFixedTime, 0);
  }
  if (zip_close(archive) != 0) {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    zip_error_fini(&error);
    return make_error(ErrorCode::internal, "libzip failed to write the archive: " + why);
  }
  if (zip_source_open(archive_source) != 0) return failed("read the archive back");
  zip_source_seek(archive_source, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(archive_source);
  zip_source_seek(archive_source, 0, SEEK_SET);
  std::string bytes(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)), '\0');
  const zip_int64_t read = zip_source_read(archive_source, bytes.data(), bytes.size());
  zip_source_close(archive_source);
  if (read != size) return failed("read the archive back");
  zip_error_fini(&error);
  return bytes;
}

std::string codings_csv(const QdaProject& project) {
  const std::unordered_map<std::string, std::string> paths = code_paths(project.codes);
  std::unordered_map<std::string, const FieldNote*> notes;
  for (const FieldNote& note : project.notes) notes.emplace(note.id.str(), &note);
  std::vector<const Coding*> codings;
  for (const Coding& coding : project.codings) {
    if (notes.contains(coding.fields.note.str())) codings.push_back(&coding);
  }
  std::sort(codings.begin(), codings.end(), [](const Coding* a, const Coding* b) {
    return std::tie(a->fields.note, a->fields.start, a->fields.end, a->id) <
           std::tie(b->fields.note, b->fields.start, b->fields.end, b->id);
  });
  std::string csv = "project,note,practice,perspective,code_path,start,end,coder,fragment\r\n";
  for (const Coding* coding : codings) {
    const FieldNote& note = *notes.at(coding->fields.note.str());
    const auto path = paths.find(coding->fields.code.str());
    std::string line;
    for (std::string_view value :
         {std::string_view(project.id.str()), std::string_view(note.id.str()),
          std::string_view(note.fields.practice.str()), to_code(note.fields.perspective)}) {
      append_csv_field(line, value);
      line += ',';
    }
    append_csv_field(line, path == paths.end() ? std::string_view() : path->second);
    line +=
        ',' + std::to_string(coding->fields.start) + ',' + std::to_string(coding->fields.end) + ',';
    append_csv_field(line, coding->coder.str());
    line += ',';
    append_csv_field(line,
                     code_point_slice(note.fields.text, coding->fields.start, coding->fields.end));
    csv += line + "\r\n";
  }
  return csv;
}

// ---- reading a .qdc

namespace {

struct SchemaHolder {
  SchemaHolder() {
    xmlInitParser();
    std::unique_ptr<xmlSchemaParserCtxt, decltype(&xmlSchemaFreeParserCtxt)> parser(
        xmlSchemaNewMemParserCtxt(kCodebookXsd.data(), static_cast<int>(kCodebookXsd.size())),
        &xmlSchemaFreeParserCtxt);
    if (parser) schema = xmlSchemaParse(parser.get());
    if (!schema) throw std::runtime_error("the built-in Codebook.xsd does not parse");
  }
  ~SchemaHolder() { xmlSchemaFree(schema); }
  xmlSchemaPtr schema = nullptr;
};

// Parsed once; a parsed schema is only read while validating, which
// libxml2 allows from several threads at once.
const SchemaHolder& codebook_schema() {
  static const SchemaHolder holder;
  return holder;
}

// The first error libxml2 reports, as "line N: message".
struct FirstError {
  std::optional<std::string> text;
  static void collect(void* self, xmlErrorPtr error) {
    auto& first = static_cast<FirstError*>(self)->text;
    if (first || !error || !error->message) return;
    std::string message = error->message;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    first = "line " + std::to_string(error->line) + ": " + message;
  }
};

Error unreadable(std::string reason) {
  Error error = make_error(ErrorCode::invalid_input, "the codebook is not a REFI-QDA codebook");
  error.invalid_params.push_back({"body", std::move(reason)});
  return error;
}

std::string attribute_of(xmlNodePtr node, const char* name) {
  xmlChar* value = xmlGetProp(node, x(name));
  if (!value) return "";
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

bool is_element(xmlNodePtr node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, x(name));
}

// Without white space at either end, as the API keeps names and
// descriptions.
std::string trimmed(std::string text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// #rgb → #rrggbb, lower case; #888888 when absent.
std::string colour_of(const std::string& colour) {
  if (colour.empty()) return "#888888";
  std::string full = "#";
  if (colour.size() == 4) {
    for (std::size_t i = 1; i != 4; ++i) full += std::string(2, colour[i]);
  } else {
    full += colour.substr(1);
  }
  for (char& c : full) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return full;
}

Result<void> read_code(xmlNodePtr node, std::optional<std::size_t> parent,
                       std::vector<ImportedCode>& codes) {
  if (codes.size() == kMaxImportedCodes) {
    return unreadable("holds more than " + std::to_string(kMaxImportedCodes) + " codes");
  }
  ImportedCode code;
  code.parent = parent;
  code.fields.name = trimmed(attribute_of(node, "name"));
  code.fields.colour = colour_of(attribute_of(node, "color"));
  const std::string where = "line " + std::to_string(xmlGetLineNo(node)) + ": the code \"" +
                            code.fields.name.substr(0, 100) + "\" ";
  const std::optional<std::size_t> name_length = utf8_code_points(code.fields.name);
  if (!name_length || *name_length == 0) {
    return unreadable(where + "has no name");
  }
  if (*name_length > CodeFields::kMaxNameLength) {
    return unreadable(where + "has a name longer than " +
                      std::to_string(CodeFields::kMaxNameLength) + " characters");
  }
  std::vector<xmlNodePtr> children;
  for (xmlNodePtr child = node->children; child; child = child->next) {
    if (is_element(child, "Description")) {
      xmlChar* text = xmlNodeGetContent(child);
      if (text) {
        code.fields.description = trimmed(reinterpret_cast<const char*>(text));
        xmlFree(text);
      }
    } else if (is_element(child, "Code")) {
      children.push_back(child);
    }
  }
  if (utf8_code_points(code.fields.description).value_or(0) > CodeFields::kMaxDescriptionLength) {
    return unreadable(where + "has a description longer than " +
                      std::to_string(CodeFields::kMaxDescriptionLength) + " characters");
  }
  const std::size_t index = codes.size();
  codes.push_back(std::move(code));
  for (xmlNodePtr child : children) {
    if (Result<void> read = read_code(child, index, codes); !read.ok()) return read;
  }
  return {};
}

}  // namespace

Result<std::vector<ImportedCode>> read_codebook_qdc(std::string_view xml) {
  const SchemaHolder& schema = codebook_schema();
  if (xml.empty()) return unreadable("is empty");
  std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> parser(xmlNewParserCtxt(),
                                                                      &xmlFreeParserCtxt);
  if (!parser) throw std::runtime_error("libxml2 could not allocate a parser");
  FirstError parse_error;
  xmlSetStructuredErrorFunc(&parse_error, &FirstError::collect);
  // No network, no DTD loading, no entity expansion: the document is
  // untrusted. Errors go to parse_error, not to stderr.
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> document(
      xmlCtxtReadMemory(parser.get(), xml.data(), static_cast<int>(xml.size()), "codebook.qdc",
                        nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      &xmlFreeDoc);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  if (!document || !parser->wellFormed) {
    const xmlError* last = xmlCtxtGetLastError(parser.get());
    if (last && last->message) {
      FirstError first;
      FirstError::collect(&first, const_cast<xmlErrorPtr>(last));
      return unreadable("is not well-formed XML: " + first.text.value_or("unknown error"));
    }
    return unreadable("is not well-formed XML" +
                      (parse_error.text ? ": " + *parse_error.text : std::string()));
  }

  std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> validator(
      xmlSchemaNewValidCtxt(schema.schema), &xmlSchemaFreeValidCtxt);
  if (!validator) throw std::runtime_error("libxml2 could not allocate a validator");
  FirstError invalid;
  xmlSchemaSetValidStructuredErrors(validator.get(), &FirstError::collect, &invalid);
  if (xmlSchemaValidateDoc(validator.get(), document.get()) != 0) {
    return unreadable("is not valid against Codebook.xsd: " +
                      invalid.text.value_or("unknown error"));
  }

  xmlNodePtr root = xmlDocGetRootElement(document.get());
  std::vector<ImportedCode> codes;
  for (xmlNodePtr child = root->children; child; child = child->next) {
    if (!is_element(child, "Codes")) continue;
    for (xmlNodePtr code = child->children; code; code = code->next) {
      if (!is_element(code, "Code")) continue;
      if (Result<void> read = read_code(code, std::nullopt, codes); !read.ok()) {
        return std::move(read).error();
      }
    }
  }
  return codes;
}

}  // namespace dichtbij::research
