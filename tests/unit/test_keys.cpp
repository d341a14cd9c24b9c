// The key table the loader reads plan files with (parplan/keys.hpp).

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "parplan/keys.hpp"
#include "parplan/loader.hpp"

using namespace parplan::keys;

namespace {

std::vector<std::string> names(Section section, bool required_only = false) {
  std::vector<std::string> out;
  for (const KeyInfo& key : keys_of(section))
    if (!required_only || key.required) out.emplace_back(key.name);
  return out;
}

}  // namespace

TEST_CASE("keys: every section lists its keys in the docs' order") {
  using V = std::vector<std::string>;
  CHECK(names(Section::plan_file) == V{"plan", "owners"});
  CHECK(names(Section::plan) == V{"id", "title", "year", "issued_by", "language"});
  CHECK(names(Section::owner) == V{"name", "aliases"});
  CHECK(names(Section::field) == V{"field", "title", "tasks", "note"});
  CHECK(names(Section::task) == V{"id", "title", "activities", "note"});
  CHECK(names(Section::activity) == V{"id", "title", "result", "output", "note", "lead", "support",
                                      "start", "end", "schedule", "after", "per", "status",
                                      "completed", "progress"});
  CHECK(names(Section::activity, true) == V{"id", "title", "lead"});
  CHECK(names(Section::plan, true) == V{"id", "title", "year"});
}

TEST_CASE("keys: each key is described in both languages and nested sections are named") {
  for (Section section : {Section::plan_file, Section::plan, Section::owner, Section::field,
                          Section::task, Section::activity}) {
    std::set<std::string_view> seen;
    for (const KeyInfo& key : keys_of(section)) {
      CAPTURE(key.name);
      CHECK(seen.insert(key.name).second);
      CHECK_FALSE(key.english.empty());
      CHECK_FALSE(key.vietnamese.empty());
      bool nested = key.kind == ValueKind::map || key.kind == ValueKind::list ||
                    key.kind == ValueKind::owner_map;
      CHECK(key.items.has_value() == nested);
    }
  }
  CHECK(*keys_of(Section::field)[2].items == Section::task);
  CHECK(std::string(to_string(keys_of(Section::activity)[5].kind)) == "owner_list");
  CHECK(std::string(to_string(Section::activity)) == "activity");
}

TEST_CASE("keys: the loader accepts exactly the table's keys") {
  // An unknown key's message lists the table, so the two cannot drift apart.
  auto result = parplan::load_plan_from_sources(
      "p", {{"plan.yaml", "plan: {id: p, title: P, year: 2024, colour: red}\nowners: {a: A}\n"}});
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message ==
        "unknown key 'colour' in plan (expected one of: id, title, year, issued_by, language)");
}
