#include "api/field_reader.hpp"

#include <algorithm>
#include <limits>

#include "api/text.hpp"
#include "core/code_points.hpp"

namespace dichtbij::api {

namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

nlohmann::json described(nlohmann::json property, std::string_view description) {
  property["description"] = description;
  return property;
}

std::string list_codes(const EnumerationInfo& info) {
  std::string text;
  for (std::size_t i = 0; i != info.values.size(); ++i) {
    if (i != 0) text += ", ";
    text += info.values[i].code;
  }
  return text;
}

}  // namespace

nlohmann::json enum_schema(const EnumerationInfo& info) {
  nlohmann::json codes = nlohmann::json::array();
  for (const EnumValue& value : info.values) codes.push_back(value.code);
  return {{"type", "string"}, {"enum", codes}};
}

FieldReader::FieldReader(const nlohmann::json& body) : body_(&body) {
  if (!body.is_object()) errors_.push_back({"body", "must be a JSON object"});
}

FieldReader FieldReader::describer() {
  return FieldReader();
}

const nlohmann::json* FieldReader::take(std::string_view name, bool required) {
  if (body_ == nullptr || !body_->is_object()) return nullptr;
  seen_.emplace(name);
  const auto it = body_->find(name);
  if (it == body_->end() || it->is_null()) {
    if (required) errors_.push_back({std::string(name), "is required"});
    return nullptr;
  }
  return &*it;
}

const nlohmann::json* FieldReader::take_list(std::string_view name, std::size_t max_items,
                                             std::string_view not_a_list,
                                             std::string_view too_many) {
  const nlohmann::json* value = take(name, false);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    errors_.push_back({std::string(name), std::string(not_a_list)});
    return nullptr;
  }
  if (value->size() > max_items) {
    errors_.push_back({std::string(name), std::string(too_many)});
    return nullptr;
  }
  return value;
}

bool FieldReader::required_present(std::string_view name) {
  if (body_ == nullptr) {
    required_.emplace_back(name);
    return true;
  }
  return take(name, true) != nullptr;
}

void FieldReader::describe(std::string_view name, nlohmann::json property, bool required) {
  properties_[std::string(name)] = std::move(property);
  if (required) required_.emplace_back(name);
}

void FieldReader::text(std::string_view name, std::string& out, std::size_t max_length,
                       std::string_view description) {
  std::optional<std::string> value;
  if (!required_present(name)) return;
  optional_text(name, value, max_length, description);
  if (body_ == nullptr) properties_[std::string(name)]["minLength"] = 1;
  if (value) out = std::move(*value);
}

void FieldReader::verbatim_text(std::string_view name, std::string& out, std::size_t max_length,
                                std::string_view description) {
  if (body_ == nullptr) {
    describe(
        name,
        described({{"type", "string"}, {"minLength", 1}, {"maxLength", max_length}}, description),
        true);
    return;
  }
  const nlohmann::json* value = take(name, true);
  if (value == nullptr) return;
  if (!value->is_string()) {
    errors_.push_back({std::string(name), "must be a string"});
    return;
  }
  const std::string& text = value->get_ref<const std::string&>();
  const std::optional<std::size_t> length = utf8_code_points(text);
  if (!length) {
    errors_.push_back({std::string(name), "must be valid UTF-8"});
  } else if (*length == 0) {
    errors_.push_back({std::string(name), "must not be empty"});
  } else if (*length > max_length) {
    errors_.push_back(
        {std::string(name), "must be at most " + std::to_string(max_length) + " characters"});
  } else if (std::any_of(text.begin(), text.end(), [](char c) {
               const auto byte = static_cast<unsigned char>(c);
               return (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F;
             })) {
    errors_.push_back({std::string(name), "must not contain control characters"});
  } else {
    out = text;
  }
}

void FieldReader::optional_text(std::string_view name, std::optional<std::string>& out,
                                std::size_t max_length, std::string_view description) {
  if (body_ == nullptr) {
    describe(name, described({{"type", "string"}, {"maxLength", max_length}}, description), false);
    return;
  }
  const nlohmann::json* value = take(name, false);
  if (value == nullptr) return;
  if (!value->is_string()) {
    errors_.push_back({std::string(name), "must be a string"});
    return;
  }
  std::string text = trimmed(value->get_ref<const std::string&>());
  if (text.empty()) {
    errors_.push_back({std::string(name), "must not be empty"});
    return;
  }
  if (code_points(text) > max_length) {
    errors_.push_back(
        {std::string(name), "must be at most " + std::to_string(max_length) + " characters"});
    return;
  }
  if (has_control_characters(text)) {
    errors_.push_back({std::string(name), "must not contain control characters"});
    return;
  }
  out = std::move(text);
}

void FieldReader::integer(std::string_view name, int& out, int min, int max,
                          std::string_view description) {
  std::optional<int> value;
  if (!required_present(name)) return;
  optional_integer(name, value, min, max, description);
  if (value) out = *value;
}

void FieldReader::optional_integer(std::string_view name, std::optional<int>& out, int min, int max,
                                   std::string_view description) {
  if (body_ == nullptr) {
    describe(
        name,
        described({{"type", "integer"}, {"format", "int32"}, {"minimum", min}, {"maximum", max}},
                  description),
        false);
    return;
  }
  const nlohmann::json* value = take(name, false);
  if (value == nullptr) return;
  if (!value->is_number_integer()) {
    errors_.push_back({std::string(name), "must be a whole number"});
    return;
  }
  const auto number = value->get<long long>();
  if (number < min || number > max) {
    errors_.push_back({std::string(name),
                       "must be between " + std::to_string(min) + " and " + std::to_string(max)});
    return;
  }
  out = static_cast<int>(number);
}

void FieldReader::boolean(std::string_view name, bool& out, std::string_view description) {
  if (body_ == nullptr) {
    describe(name, described({{"type", "boolean"}}, description), true);
    return;
  }
  const nlohmann::json* value = take(name, true);
  if (value == nullptr) return;
  if (!value->is_boolean()) {
    errors_.push_back({std::string(name), "must be true or false"});
    return;
  }
  out = value->get<bool>();
}

void FieldReader::date(std::string_view name, Date& out, std::string_view description) {
  std::optional<Date> value;
  if (!required_present(name)) return;
  optional_date(name, value, description);
  if (value) out = *value;
}

void FieldReader::optional_date(std::string_view name, std::optional<Date>& out,
                                std::string_view description) {
  if (body_ == nullptr) {
    describe(name, described({{"type", "string"}, {"format", "date"}}, description), false);
    return;
  }
  const nlohmann::json* value = take(name, false);
  if (value == nullptr) return;
  std::optional<Date> parsed;
  if (value->is_string()) parsed = parse_date(value->get_ref<const std::string&>());
  if (!parsed) {
    errors_.push_back({std::string(name), "must be a date written YYYY-MM-DD"});
    return;
  }
  out = parsed;
}

void FieldReader::text_list(std::string_view name, std::vector<std::string>& out,
                            std::size_t max_items, std::size_t max_length,
                            std::string_view description) {
  out.clear();
  if (body_ == nullptr) {
    describe(
        name,
        described({{"type", "array"},
                   {"maxItems", max_items},
                   {"items", {{"type", "string"}, {"minLength", 1}, {"maxLength", max_length}}}},
                  description),
        false);
    return;
  }
  const nlohmann::json* value =
      take_list(name, max_items, "must be a list of strings",
                "must have at most " + std::to_string(max_items) + " items");
  if (value == nullptr) return;
  for (const nlohmann::json& item : *value) {
    if (!item.is_string() || trimmed(item.get_ref<const std::string&>()).empty() ||
        code_points(trimmed(item.get_ref<const std::string&>())) > max_length ||
        has_control_characters(item.get_ref<const std::string&>())) {
      errors_.push_back({std::string(name), "each item must be a non-empty string of at most " +
                                                std::to_string(max_length) + " characters"});
      out.clear();
      return;
    }
    out.push_back(trimmed(item.get_ref<const std::string&>()));
  }
}

void FieldReader::read_enumeration(std::string_view name, const EnumerationInfo& info,
                                   bool required, std::string_view description,
                                   const std::function<void(std::size_t)>& set) {
  if (body_ == nullptr) {
    describe(name, described(enum_schema(info), description), required);
    return;
  }
  const nlohmann::json* value = take(name, required);
  if (value == nullptr) return;
  if (value->is_string()) {
    for (std::size_t i = 0; i != info.values.size(); ++i) {
      if (info.values[i].code == value->get_ref<const std::string&>()) {
        set(i);
        return;
      }
    }
  }
  errors_.push_back({std::string(name), "must be one of " + list_codes(info)});
}

void FieldReader::read_enumeration_list(std::string_view name, const EnumerationInfo& info,
                                        std::size_t min_items, std::string_view description,
                                        const std::function<void(std::size_t)>& add) {
  if (body_ == nullptr) {
    describe(name,
             described({{"type", "array"},
                        {"uniqueItems", true},
                        {"minItems", min_items},
                        {"items", enum_schema(info)}},
                       description),
             min_items > 0);
    return;
  }
  const nlohmann::json* value = take(name, min_items > 0);
  if (value == nullptr) return;
  if (!value->is_array()) {
    errors_.push_back({std::string(name), "must be a list"});
    return;
  }
  if (value->size() < min_items) {
    errors_.push_back(
        {std::string(name), "must have at least " + std::to_string(min_items) + " item(s)"});
    return;
  }
  std::set<std::size_t> chosen;
  for (const nlohmann::json& item : *value) {
    std::optional<std::size_t> index;
    if (item.is_string()) {
      for (std::size_t i = 0; i != info.values.size(); ++i) {
        if (info.values[i].code == item.get_ref<const std::string&>()) index = i;
      }
    }
    if (!index) {
      errors_.push_back({std::string(name), "each item must be one of " + list_codes(info)});
      return;
    }
    if (!chosen.insert(*index).second) {
      errors_.push_back(
          {std::string(name), "lists " + std::string(info.values[*index].code) + " twice"});
      return;
    }
  }
  for (std::size_t index : chosen) add(index);
}

void FieldReader::read_id(std::string_view name, bool required, std::string_view description,
                          std::optional<std::string>& out) {
  if (body_ == nullptr) {
    describe(name, described({{"type", "string"}, {"format", "uuid"}}, description), required);
    return;
  }
  const nlohmann::json* value = take(name, required);
  if (value == nullptr) return;
  if (!value->is_string() || !is_uuid(value->get_ref<const std::string&>())) {
    errors_.push_back({std::string(name), "must be an id (a lower-case UUID)"});
    return;
  }
  out = value->get<std::string>();
}

void FieldReader::read_id_list(std::string_view name, std::size_t max_items,
                               std::string_view description, std::vector<std::string>& out) {
  if (body_ == nullptr) {
    describe(name,
             described({{"type", "array"},
                        {"uniqueItems", true},
                        {"maxItems", max_items},
                        {"items", {{"type", "string"}, {"format", "uuid"}}}},
                       description),
             false);
    return;
  }
  const std::string reason = "must be a list of at most " + std::to_string(max_items) + " ids";
  const nlohmann::json* value = take_list(name, max_items, reason, reason);
  if (value == nullptr) return;
  std::set<std::string> distinct;
  for (const nlohmann::json& item : *value) {
    if (!item.is_string() || !is_uuid(item.get_ref<const std::string&>())) {
      errors_.push_back({std::string(name), "each item must be an id (a lower-case UUID)"});
      out.clear();
      return;
    }
    if (!distinct.insert(item.get<std::string>()).second) {
      errors_.push_back({std::string(name), "lists " + item.get<std::string>() + " twice"});
      out.clear();
      return;
    }
    out.push_back(item.get<std::string>());
  }
}

void FieldReader::read_object_list(std::string_view name, std::size_t max_items,
                                   std::string_view description,
                                   const std::function<void(FieldReader&, bool)>& read_item) {
  if (body_ == nullptr) {
    FieldReader item = describer();
    read_item(item, false);
    describe(name,
             described({{"type", "array"}, {"maxItems", max_items}, {"items", item.schema()}},
                       description),
             false);
    return;
  }
  const nlohmann::json* value =
      take_list(name, max_items, "must be a list",
                "must have at most " + std::to_string(max_items) + " items");
  if (value == nullptr) return;
  for (std::size_t i = 0; i != value->size(); ++i) {
    FieldReader item((*value)[i]);
    read_item(item, true);
    if (Result<void> checked = item.finish(); !checked.ok()) {
      const std::string prefix = std::string(name) + "[" + std::to_string(i) + "]";
      for (const InvalidParam& param : checked.error().invalid_params) {
        errors_.push_back(
            {param.name == "body" ? prefix : prefix + "." + param.name, param.reason});
      }
    }
  }
}

void FieldReader::add_error(std::string name, std::string reason) {
  errors_.push_back({std::move(name), std::move(reason)});
}

Result<void> FieldReader::finish() {
  if (body_ != nullptr && body_->is_object()) {
    for (const auto& [key, value] : body_->items()) {
      if (!seen_.contains(key)) errors_.push_back({key, "is not a field of this resource"});
    }
  }
  if (errors_.empty()) return {};
  Error error =
      make_error(ErrorCode::invalid_input,
                 errors_.size() == 1 ? "1 field is invalid"
                                     : std::to_string(errors_.size()) + " fields are invalid");
  error.invalid_params = std::move(errors_);
  errors_.clear();
  return error;
}

nlohmann::json FieldReader::schema() const {
  nlohmann::json schema{
      {"type", "object"}, {"additionalProperties", false}, {"properties", properties_}};
  if (!required_.empty()) schema["required"] = required_;
  return schema;
}

}  // namespace dichtbij::api
