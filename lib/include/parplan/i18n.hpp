#pragma once

// The words of human-facing documents (the report) in each supported language. Every language
// has one table with the same keys; texts are fmt format strings with named arguments, so a
// translation may put the arguments in its own order.

#include <fmt/format.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "parplan/calendar.hpp"

namespace parplan::i18n {

enum class Language { en, vi };

// "en" or "vi"; nullopt otherwise.
std::optional<Language> parse_language(std::string_view code);
const char* code(Language language);

struct Entry {
  std::string_view key;
  std::string_view text;
};

// The whole table of a language, for tests that compare the languages.
std::span<const Entry> entries(Language language);

class Catalog {
 public:
  explicit Catalog(Language language) : language_(language) {}

  [[nodiscard]] Language language() const { return language_; }
  // The text for `key`. An unknown key is a bug in the caller: throws std::logic_error.
  [[nodiscard]] std::string_view text(std::string_view key) const;

  // The text for `key` with its named arguments filled in: format("k", fmt::arg("n", 3)).
  template <typename... Args>
  [[nodiscard]] std::string format(std::string_view key, const Args&... args) const {
    return fmt::format(fmt::runtime(text(key)), args...);
  }

  // "June 2024" / "Tháng 6/2024".
  [[nodiscard]] std::string month(YearMonth ym) const;

 private:
  Language language_;
};

}  // namespace parplan::i18n
