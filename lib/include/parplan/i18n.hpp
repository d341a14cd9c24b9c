#pragma once

// Every human-facing word parplan writes (due, list, report, diff) in each supported language:
// one catalog, one table per language with the same keys (a unit test checks); texts are fmt
// format strings with named arguments, so a translation may put the arguments in its own order.
// Texts that sit mid-sentence are lower case; unicode::capitalize starts a sentence with them.

#include <fmt/format.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "parplan/calendar.hpp"
#include "parplan/model.hpp"

namespace parplan::i18n {

enum class Language { en, vi };

// "en" or "vi"; nullopt otherwise.
std::optional<Language> parse_language(std::string_view code);
const char* code(Language language);
// The language a command speaks: --lang when given, then the plan's `language:`, then English.
Language choose_language(const std::optional<std::string>& flag, std::string_view plan_language);

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

  // The `key.one` or `key.other` text for `n`, which it gets as {n}.
  template <typename... Args>
  [[nodiscard]] std::string count(std::string_view key, long n, const Args&... args) const {
    return format(std::string(key) + (n == 1 ? ".one" : ".other"), fmt::arg("n", n), args...);
  }

  // "June 2024" / "tháng 6/2024".
  [[nodiscard]] std::string month(YearMonth ym) const;

  // "in progress" / "đang thực hiện".
  [[nodiscard]] std::string status(Status s) const;

 private:
  Language language_;
};

}  // namespace parplan::i18n
