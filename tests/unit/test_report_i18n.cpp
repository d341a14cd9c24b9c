#include <doctest/doctest.h>
#include <fmt/args.h>

#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "parplan/i18n.hpp"
#include "parplan/unicode.hpp"

using parplan::i18n::Catalog;
using parplan::i18n::Language;

namespace {

std::map<std::string, std::string> table(Language language) {
  std::map<std::string, std::string> out;
  for (const auto& entry : parplan::i18n::entries(language)) {
    INFO("duplicate key ", entry.key);
    CHECK(out.emplace(std::string(entry.key), std::string(entry.text)).second);
  }
  return out;
}

// The names in braces: "{done} of {total}" -> {done, total}.
std::set<std::string> arguments(const std::string& text) {
  std::set<std::string> names;
  for (std::size_t open = text.find('{'); open != std::string::npos;
       open = text.find('{', open + 1)) {
    std::size_t close = text.find('}', open);
    REQUIRE(close != std::string::npos);
    names.insert(text.substr(open + 1, close - open - 1));
  }
  return names;
}

}  // namespace

TEST_CASE("i18n: the English and Vietnamese tables have the same keys") {
  auto en = table(Language::en);
  auto vi = table(Language::vi);
  std::set<std::string> en_keys, vi_keys;
  for (const auto& [key, text] : en) en_keys.insert(key);
  for (const auto& [key, text] : vi) vi_keys.insert(key);
  CHECK(en_keys == vi_keys);
  CHECK(en_keys.size() > 50);
  for (const auto& [key, text] : vi) {
    INFO(key);
    CHECK_FALSE(text.empty());
  }
}

TEST_CASE("i18n: each text takes the same named arguments in both languages and formats") {
  auto en = table(Language::en);
  auto vi = table(Language::vi);
  for (const auto& [key, text] : en) {
    INFO(key);
    auto names = arguments(text);
    CHECK(names == arguments(vi[key]));
    for (const std::string& name : names) CHECK_FALSE(name.empty());
    // Formatting with every argument filled in must not throw: no stray or misspelt braces.
    for (Language language : {Language::en, Language::vi}) {
      fmt::dynamic_format_arg_store<fmt::format_context> store;
      for (const std::string& name : names) store.push_back(fmt::arg(name.c_str(), "x"));
      CHECK_NOTHROW((void)fmt::vformat(Catalog(language).text(key), store));
    }
  }
}

TEST_CASE("i18n: month names follow the language") {
  // Lower case: a month sits mid-sentence ("Tính đến tháng 6/2024").
  CHECK(Catalog(Language::vi).month({2024, 6}) == "tháng 6/2024");
  CHECK(Catalog(Language::en).month({2024, 6}) == "June 2024");
  CHECK(Catalog(Language::vi).month({2025, 12}) == "tháng 12/2025");
  CHECK(Catalog(Language::en).month({2025, 1}) == "January 2025");
}

TEST_CASE("i18n: texts are looked up and formatted by key") {
  Catalog vi(Language::vi);
  CHECK(vi.text("overdue.heading") == "Quá hạn");
  CHECK(vi.format("due.heading", fmt::arg("month", vi.month({2024, 6}))) ==
        "Đến hạn trong tháng 6/2024");
  CHECK(vi.count("diff.slipped", 2) == "lùi 2 tháng");
  CHECK(Catalog(Language::en).count("diff.slipped", 1) == "slipped 1 month");
  CHECK(vi.status(parplan::Status::cancelled) == "đã hủy");
  CHECK(Catalog(Language::en).text("overdue.heading") == "Overdue");
  CHECK_THROWS_AS((void)vi.text("no.such.key"), std::logic_error);
}

TEST_CASE("i18n: capitalize starts a sentence with a lower-case catalog text") {
  CHECK(parplan::unicode::capitalize("tháng 6/2024") == "Tháng 6/2024");
  CHECK(parplan::unicode::capitalize("đã hủy") == "Đã hủy");
  CHECK(parplan::unicode::capitalize("ổn") == "Ổn");
  CHECK(parplan::unicode::capitalize("") == "");
  CHECK(parplan::unicode::capitalize("\xFF"
                                     "abc") ==
        "\xFF"
        "abc");
}

TEST_CASE("i18n: the language is --lang, then the plan's, then English") {
  using parplan::i18n::choose_language;
  CHECK(choose_language(std::string("en"), "vi") == Language::en);
  CHECK(choose_language(std::nullopt, "vi") == Language::vi);
  CHECK(choose_language(std::nullopt, "") == Language::en);
  CHECK(choose_language(std::nullopt, "fr") == Language::en);
}

TEST_CASE("i18n: language codes") {
  CHECK(parplan::i18n::parse_language("vi") == Language::vi);
  CHECK(parplan::i18n::parse_language("en") == Language::en);
  CHECK_FALSE(parplan::i18n::parse_language("fr"));
  CHECK_FALSE(parplan::i18n::parse_language(""));
  CHECK(std::string(parplan::i18n::code(Language::vi)) == "vi");
}
