// The JSON Schemas in schema/ and the loader's key table (parplan/keys.hpp) must not drift: the
// same keys in every section, the same required ones, and the same kind of value.

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "parplan/keys.hpp"
#include "test_support.hpp"

using nlohmann::json;
using parplan::keys::Section;
using parplan::keys::ValueKind;

namespace {

json read_schema(const std::string& name) {
  std::ifstream in(parplan::test::source_path("schema/" + name));
  REQUIRE(in);
  return json::parse(in);
}

// Where each section's object schema lives in the two files.
json section_schema(Section section) {
  static const json plan = read_schema("plan.schema.json");
  static const json field = read_schema("field.schema.json");
  switch (section) {
    case Section::plan_file:
      return plan;
    case Section::plan:
      return plan["properties"]["plan"];
    case Section::owner:
      return plan["properties"]["owners"]["additionalProperties"]["anyOf"][1];
    case Section::field:
      return field;
    case Section::task:
      return field["$defs"]["task"];
    case Section::activity:
      return field["$defs"]["activity"];
  }
  return {};
}

// The $defs a key of this kind refers to in the schema (empty: described inline).
std::set<std::string> refs_for(ValueKind kind, bool required) {
  switch (kind) {
    case ValueKind::text:
      return {required ? "#/$defs/required_text" : "#/$defs/text", "#/$defs/required_text"};
    case ValueKind::id:
      return {"#/$defs/id"};
    case ValueKind::month:
      return {"#/$defs/month"};
    case ValueKind::owner_list:
      return {"#/$defs/owner_list"};
    case ValueKind::text_list:
      return {"#/$defs/text_list"};
    default:
      return {};
  }
}

}  // namespace

TEST_CASE("schema: every section has the loader's keys, required ones and kinds") {
  for (Section section : {Section::plan_file, Section::plan, Section::owner, Section::field,
                          Section::task, Section::activity}) {
    CAPTURE(parplan::keys::to_string(section));
    const json schema = section_schema(section);
    REQUIRE(schema.is_object());
    CHECK(schema["additionalProperties"] == false);

    std::set<std::string> loader_keys, loader_required, schema_keys, schema_required;
    for (const auto& key : parplan::keys::keys_of(section)) {
      loader_keys.emplace(key.name);
      if (key.required) loader_required.emplace(key.name);
    }
    for (const auto& [name, property] : schema["properties"].items()) schema_keys.insert(name);
    for (const auto& name : schema["required"]) schema_required.insert(name.get<std::string>());
    CHECK(schema_keys == loader_keys);
    CHECK(schema_required == loader_required);

    for (const auto& key : parplan::keys::keys_of(section)) {
      CAPTURE(std::string(key.name));
      const json& property = schema["properties"][std::string(key.name)];
      CHECK(property.contains("description"));
      std::set<std::string> refs = refs_for(key.kind, key.required);
      if (refs.empty())
        CHECK(!property.contains("$ref"));
      else
        CHECK(refs.count(property.value("$ref", "")) == 1);
    }
  }
}

TEST_CASE("schema: the allowed words are the loader's") {
  const json activity = section_schema(Section::activity)["properties"];
  CHECK(activity["status"]["enum"] == json({"planned", "in-progress", "done", "cancelled"}));
  CHECK(activity["schedule"]["enum"] == json({"ongoing"}));
  for (const char* status : {"planned", "in-progress", "done", "cancelled"})
    CHECK(parplan::parse_status(status).has_value());
  CHECK_FALSE(parplan::parse_status("yes").has_value());
  const json plan = section_schema(Section::plan)["properties"];
  CHECK(plan["language"]["enum"] == json({"vi", "en", "", nullptr}));
}
