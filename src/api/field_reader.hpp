// FieldReader: reads a JSON request body into a typed struct, checking every
// field, and describes the same fields as a JSON Schema for the OpenAPI
// document.
//
// A resource writes one function, read_fields(FieldReader&, Draft&), that
// calls one method per field. Run on a request body it validates: each
// missing required field, wrong type, out-of-range value, unknown
// enumeration code or over-long string adds an InvalidParam naming the
// field, and finish() adds one for every field the body has that nobody
// read. Run on FieldReader::describer() it records the fields instead, and
// schema() returns the JSON Schema. So the validator and the document cannot
// disagree.
//
// Not thread-safe; one reader per request.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/enumeration.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace dichtbij::api {

// {"type": "string", "enum": [the codes]}: an enumeration in a schema.
[[nodiscard]] nlohmann::json enum_schema(const EnumerationInfo& info);

class FieldReader {
 public:
  // Validates body, which must be a JSON object.
  explicit FieldReader(const nlohmann::json& body);
  // Records field descriptions instead of reading.
  [[nodiscard]] static FieldReader describer();

  // Text of 1..max_length characters (UTF-8 code points); surrounding white
  // space is trimmed first.
  void text(std::string_view name, std::string& out, std::size_t max_length,
            std::string_view description);
  void optional_text(std::string_view name, std::optional<std::string>& out, std::size_t max_length,
                     std::string_view description);
  // Required text kept exactly as sent: not trimmed, tabs and line ends
  // (\r and \n) allowed, other control characters and text that is not
  // valid UTF-8 refused naming the field; max_length in code points. For
  // texts whose positions matter (a field note's codings point into it).
  void verbatim_text(std::string_view name, std::string& out, std::size_t max_length,
                     std::string_view description);
  void integer(std::string_view name, int& out, int min, int max, std::string_view description);
  void optional_integer(std::string_view name, std::optional<int>& out, int min, int max,
                        std::string_view description);
  void boolean(std::string_view name, bool& out, std::string_view description);
  void date(std::string_view name, Date& out, std::string_view description);
  void optional_date(std::string_view name, std::optional<Date>& out, std::string_view description);
  // A list of up to max_items texts of 1..max_length characters; missing is
  // an empty list.
  void text_list(std::string_view name, std::vector<std::string>& out, std::size_t max_items,
                 std::size_t max_length, std::string_view description);

  template <typename E>
  void enumeration(std::string_view name, E& out, std::string_view description) {
    read_enumeration(name, enumeration_info<E>(), true, description,
                     [&](std::size_t index) { out = static_cast<E>(index); });
  }
  template <typename E>
  void optional_enumeration(std::string_view name, std::optional<E>& out,
                            std::string_view description) {
    read_enumeration(name, enumeration_info<E>(), false, description,
                     [&](std::size_t index) { out = static_cast<E>(index); });
  }
  // Distinct codes; missing is an empty list unless min_items > 0.
  template <typename E>
  void enumeration_list(std::string_view name, std::vector<E>& out, std::size_t min_items,
                        std::string_view description) {
    out.clear();
    read_enumeration_list(name, enumeration_info<E>(), min_items, description,
                          [&](std::size_t index) { out.push_back(static_cast<E>(index)); });
  }

  template <typename Tag>
  void id(std::string_view name, Id<Tag>& out, std::string_view description) {
    std::optional<std::string> text;
    read_id(name, true, description, text);
    if (text) out = Id<Tag>(*text);
  }
  template <typename Tag>
  void optional_id(std::string_view name, std::optional<Id<Tag>>& out,
                   std::string_view description) {
    std::optional<std::string> text;
    read_id(name, false, description, text);
    if (text) out = Id<Tag>(*text);
  }
  template <typename Tag>
  void id_list(std::string_view name, std::vector<Id<Tag>>& out, std::size_t max_items,
               std::string_view description) {
    std::vector<std::string> texts;
    read_id_list(name, max_items, description, texts);
    out.clear();
    for (std::string& text : texts) out.emplace_back(std::move(text));
  }

  // A list of up to max_items objects, each read by read_item with a reader
  // of its own; errors name the item, e.g. "roles[1].from". Missing is an
  // empty list.
  template <typename T>
  void object_list(std::string_view name, std::vector<T>& out, std::size_t max_items,
                   std::string_view description, void (*read_item)(FieldReader&, T&)) {
    out.clear();
    read_object_list(name, max_items, description, [&](FieldReader& item_reader, bool keep) {
      T item;
      read_item(item_reader, item);
      if (keep) out.push_back(std::move(item));
    });
  }

  // Adds an error found by a check across fields (e.g. until before from).
  void add_error(std::string name, std::string reason);

  // Ok when every field was valid and the body had no unknown field; else
  // invalid_input listing each problem.
  [[nodiscard]] Result<void> finish();

  // The JSON Schema of the described object. REQUIRES: a describer().
  [[nodiscard]] nlohmann::json schema() const;

 private:
  FieldReader() = default;

  // The field's JSON value for reading; nullptr when describing, or when it
  // is missing or null (then a required field gets its error).
  const nlohmann::json* take(std::string_view name, bool required);
  void describe(std::string_view name, nlohmann::json property, bool required);
  // An optional list field when reading: its array, or nullptr when it is
  // missing or null, or after recording not_a_list / too_many (more than
  // max_items) as its error.
  const nlohmann::json* take_list(std::string_view name, std::size_t max_items,
                                  std::string_view not_a_list, std::string_view too_many);
  // For a required field: true when describing or when the body has it;
  // otherwise records "is required" and returns false.
  bool required_present(std::string_view name);
  void read_enumeration(std::string_view name, const EnumerationInfo& info, bool required,
                        std::string_view description, const std::function<void(std::size_t)>& set);
  void read_enumeration_list(std::string_view name, const EnumerationInfo& info,
                             std::size_t min_items, std::string_view description,
                             const std::function<void(std::size_t)>& add);
  void read_id(std::string_view name, bool required, std::string_view description,
               std::optional<std::string>& out);
  void read_id_list(std::string_view name, std::size_t max_items, std::string_view description,
                    std::vector<std::string>& out);
  // Calls read_item once per element (once on a describer when describing);
  // keep is false when describing.
  void read_object_list(std::string_view name, std::size_t max_items, std::string_view description,
                        const std::function<void(FieldReader&, bool keep)>& read_item);

  const nlohmann::json* body_ = nullptr;  // null when describing
  std::set<std::string, std::less<>> seen_;
  std::vector<InvalidParam> errors_;
  nlohmann::json properties_ = nlohmann::json::object();
  std::vector<std::string> required_;
};

}  // namespace dichtbij::api
