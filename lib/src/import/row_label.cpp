#include "row_label.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "parplan/unicode.hpp"

namespace parplan::import {

namespace {

struct Word {
  std::string folded;
  std::size_t begin, end;  // bytes in the original text
};

std::vector<Word> words_of(std::string_view text, std::size_t max_words) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size() && words.size() < max_words) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    std::size_t begin = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
    if (i > begin) words.push_back({unicode::fold(text.substr(begin, i - begin)), begin, i});
  }
  return words;
}

bool is_punctuation(char c) { return c == '.' || c == ':' || c == ')' || c == '-' || c == ','; }

// The word without its trailing punctuation; `punctuated` says whether there was some.
std::string_view core(std::string_view word, bool& punctuated) {
  punctuated = false;
  while (!word.empty() && is_punctuation(word.back())) {
    word.remove_suffix(1);
    punctuated = true;
  }
  return word;
}

int roman_value(std::string_view s) {
  if (s.empty() || s.size() > 8) return 0;
  int total = 0, previous = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int v = *it == 'i'   ? 1
            : *it == 'v' ? 5
            : *it == 'x' ? 10
            : *it == 'l' ? 50
            : *it == 'c' ? 100
                         : 0;
    if (v == 0) return 0;
    total += v < previous ? -v : v;
    previous = std::max(previous, v);
  }
  // Only canonical numerals: "IIII" or "VX" are words, not numbers.
  std::string canonical = to_roman(total);
  for (char& c : canonical) c = static_cast<char>(c - 'A' + 'a');
  return canonical == s ? total : 0;
}

// "2.1" -> {2, 1}; empty when not dotted digits.
std::vector<int> dotted_numbers(std::string_view s) {
  std::vector<int> numbers;
  while (!s.empty()) {
    auto dot = s.find('.');
    std::string_view part = s.substr(0, dot);
    int n = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), n);
    if (part.empty() || part.size() > 4 || ec != std::errc() || end != part.data() + part.size())
      return {};
    numbers.push_back(n);
    if (dot == std::string_view::npos) break;
    s.remove_prefix(dot + 1);
  }
  return numbers;
}

}  // namespace

std::string to_roman(int n) {
  static const std::pair<int, const char*> table[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  std::string out;
  for (const auto& [value, letters] : table)
    for (; n >= value; n -= value) out += letters;
  return out;
}

int roman_number(std::string_view numeral) {
  std::string lower(numeral);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return roman_value(lower);
}

RowLabel parse_row_label(std::string_view text, bool whole_cell) {
  RowLabel label;
  std::vector<Word> words = words_of(text, 4);
  if (words.empty()) return label;
  std::size_t used = 0;  // words the label takes
  bool punctuated = false;
  auto finish = [&](RowLabel::Kind kind) {
    label.kind = kind;
    std::size_t end = words[used - 1].end;
    label.text = std::string(text.substr(0, end));
    while (!label.text.empty() && is_punctuation(label.text.back())) label.text.pop_back();
    // Skip separators such as " - " or ": " between the label and the title.
    std::size_t rest = end;
    while (rest < text.size() &&
           (text[rest] == ' ' || is_punctuation(text[rest]) || text[rest] == '\n'))
      ++rest;
    if (text.substr(rest).starts_with("\xe2\x80\x93")) rest += 3;  // an en dash
    while (rest < text.size() && text[rest] == ' ') ++rest;
    label.rest = std::string(text.substr(rest));
    return label;
  };
  const std::string& w0 = words[0].folded;
  auto second = [&](std::size_t i) {
    return i < words.size() ? std::string_view(words[i].folded) : "";
  };

  // "Lĩnh vực II", "Phần 2"
  if (((w0 == "linh" && second(1) == "vuc") || w0 == "phan") && words.size() >= 2) {
    std::size_t at = w0 == "phan" ? 1 : 2;
    std::string_view n = core(second(at), punctuated);
    int value = roman_value(n);
    if (value == 0) {
      auto digits = dotted_numbers(n);
      if (digits.size() == 1 && digits[0] > 0 && digits[0] < 100) value = digits[0];
    }
    if (value > 0) {
      label.field = to_roman(value);
      label.numbers = {value};
      used = at + 1;
      return finish(RowLabel::Kind::field);
    }
  }
  // "Nhiệm vụ 1", "Hoạt động 1.1"
  bool task_word = w0 == "nhiem" && second(1) == "vu";
  bool activity_word = w0 == "hoat" && second(1) == "dong";
  if ((task_word || activity_word) && words.size() >= 3) {
    std::vector<int> numbers = dotted_numbers(core(second(2), punctuated));
    if (!numbers.empty() && (task_word ? numbers.size() == 1 : numbers.size() <= 3)) {
      label.numbers = numbers;
      used = 3;
      return finish(task_word ? RowLabel::Kind::task : RowLabel::Kind::activity);
    }
  }
  std::string_view first = core(w0, punctuated);
  // Roman numerals are written in capitals; "c)" is the third activity, not field C.
  std::string_view original = text.substr(words[0].begin, first.size());
  bool capitals =
      std::all_of(original.begin(), original.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  bool alone = whole_cell && words.size() == 1;
  bool marked = punctuated || alone;
  used = 1;
  // A full activity id, as `parplan list` exports write it: "II.1.2".
  if (auto dot = first.find('.'); dot != std::string_view::npos) {
    std::string_view numeral = text.substr(words[0].begin, dot);
    std::vector<int> numbers = dotted_numbers(first.substr(dot + 1));
    bool upper =
        std::all_of(numeral.begin(), numeral.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (int value = upper ? roman_value(first.substr(0, dot)) : 0;
        value > 0 && numbers.size() == 2) {
      label.field = to_roman(value);
      label.numbers = numbers;
      return finish(RowLabel::Kind::activity);
    }
  }
  if (int value = capitals ? roman_value(first) : 0; value > 0 && marked) {
    label.field = to_roman(value);
    label.numbers = {value};
    return finish(RowLabel::Kind::field);
  }
  if (std::vector<int> numbers = dotted_numbers(first); !numbers.empty() && numbers.size() <= 3) {
    if (numbers.size() > 1) {
      label.numbers = numbers;
      return finish(RowLabel::Kind::activity);
    }
    if (marked) {
      label.numbers = numbers;
      return finish(RowLabel::Kind::number);
    }
  }
  // "a)", "b." in a title; "a" alone in a TT cell. đ folds to d, so Vietnamese order is kept
  // as the ASCII one.
  if (first.size() == 1 && first[0] >= 'a' && first[0] <= 'z' &&
      (alone || w0.ends_with(')') || (whole_cell && punctuated))) {
    label.numbers = {first[0] - 'a' + 1};
    return finish(RowLabel::Kind::letter);
  }
  return RowLabel{};
}

}  // namespace parplan::import
