// REFI-QDA exchange (QDA-XML 1.0, docs/research.md): a project's codebook as
// a .qdc, the whole project as a .qdpx (a zip of project.qde and sources/),
// and the codings as CSV; and reading a .qdc back into codes. Pure
// computation over values store/ read: no SQL, no HTTP. libxml2 writes and
// reads the XML, libzip packs the archive; both stay behind this header.
//
// GUIDs are not stored: guid_of derives each from the project and the
// record's id (research/pseudonyms.hpp refi_guid), so a re-export gives every
// record the same GUID and a QDA program can match it to the last import.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/research.hpp"
#include "core/result.hpp"

namespace dichtbij::research {

// The GUID of the record of kind ("code", "note", "coding", …) with id:
// the same for the same kind and id on every call.
using GuidOf = std::function<std::string(std::string_view kind, const std::string& id)>;

// A UUID (canonical lower-case form) from 32 hex digits of a digest: the
// version nibble set to 8 (RFC 9562 "custom": the bits come from a keyed
// BLAKE2b, not from SHA-1 as in version 5) and the RFC 4122 variant.
// REQUIRES: hex holds at least 32 hex digits.
[[nodiscard]] std::string uuid_from_digest(std::string_view hex);

struct QdaPractice {
  PracticeId id;
  std::string name;
};

// What one project export holds: only what may leave (the caller leaves
// out notes outside research consent, and their codings and memos).
struct QdaProject {
  ResearchProjectId id;
  std::string name;
  std::string description;
  std::vector<QdaPractice> practices;  // the project's, as cases
  std::vector<Code> codes;             // any order; parents need not come first
  std::vector<FieldNote> notes;        // pseudonymised text
  std::vector<Coding> codings;         // on notes
  std::vector<Memo> memos;             // on notes, codes or codings of this export
};

// The codebook as a QDC document (valid against Codebook.xsd): codes as a
// tree in name order, descriptions and colours; every code codable.
[[nodiscard]] std::string codebook_qdc(const std::vector<Code>& codes, const GuidOf& guid_of);

// project.qde (valid against Project.xsd): coders and authors as Users (by
// account id, no names), the codebook, the variables perspective, site and
// observedOn, practices as Cases, each note as a TextSource whose text is
// the file sources/<guid>.txt, codings as PlainTextSelections (code-point
// offsets) and memos as Notes referred to from what they are on.
[[nodiscard]] std::string project_qde(const QdaProject& project, const GuidOf& guid_of);

// The .qdpx archive: project.qde and sources/<note guid>.txt (UTF-8), with
// fixed timestamps so that equal projects give equal bytes. internal when
// libzip fails.
[[nodiscard]] Result<std::string> project_qdpx(const QdaProject& project, const GuidOf& guid_of);

// The codings as CSV (RFC 4180, CRLF, a header row): project, note,
// practice, perspective, code_path (names from the top, " / " between),
// start, end, coder, fragment (the coded text). By note, start, end.
[[nodiscard]] std::string codings_csv(const QdaProject& project);

// A code read from a .qdc, in document order (a parent before its
// children). parent indexes the list.
struct ImportedCode {
  CodeFields fields;  // fields.parent unset: parent says where it sits
  std::optional<std::size_t> parent;
};

// Most codes one import may hold: a codebook, not a corpus.
inline constexpr std::size_t kMaxImportedCodes = 5000;

// The codes of a QDC document. invalid_input, its invalid param "body"
// naming the line and what is wrong, when the text is not well-formed XML, not
// valid against Codebook.xsd, or holds a code this codebook cannot keep (a
// name or description too long, more than kMaxImportedCodes codes).
// Colours #rgb become #rrggbb; a code without one gets #888888.
// Thread-safe.
[[nodiscard]] Result<std::vector<ImportedCode>> read_codebook_qdc(std::string_view xml);

}  // namespace dichtbij::research
