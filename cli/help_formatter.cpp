#include "help_formatter.hpp"

#include <string_view>

namespace parplan::cli {

namespace {

constexpr std::size_t name_column = 30;
constexpr std::size_t line_width = 80;

// Characters, not bytes: Vietnamese letters take one column each.
std::size_t columns(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// Words joined into lines of at most `width` columns; a longer word (a comma-separated list) may
// break after a comma, and what is still too long stands alone.
std::string wrap(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t line = 0;
  auto put = [&](std::string_view piece, bool space) {
    std::size_t needed = columns(piece) + (space ? 1 : 0);
    if (line > 0 && line + needed > width) {
      out += '\n';
      line = 0;
    } else if (line > 0 && space) {
      out += ' ';
      ++line;
    }
    out += piece;
    line += columns(piece);
  };
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = std::min(text.find(' ', at), text.size());
    std::string_view word = text.substr(at, end - at);
    at = end + 1;
    if (word.empty()) continue;
    bool space = true;
    const bool too_long = columns(word) > width;
    while (too_long && word.find(',') < word.size() - 1) {
      std::size_t comma = word.find(',');
      put(word.substr(0, comma + 1), space);
      word.remove_prefix(comma + 1);
      space = false;
    }
    put(word, space);
  }
  return out;
}

}  // namespace

HelpFormatter::HelpFormatter() { column_width(name_column); }

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  if (option->get_type_size() == 0) return {};
  const std::string& type = option->get_type_name();
  return " " + type.substr(0, type.find(':'));
}

std::string HelpFormatter::make_option_desc(const CLI::Option* option) const {
  std::string text = option->get_description();
  // The choices CLI::IsMember adds to the type name ("FMT:{text,md}"), unless the text names them.
  const std::string& type = option->get_type_name();
  if (auto open = type.find(":{"); open != std::string::npos) {
    std::string choices = type.substr(open + 2, type.find('}', open) - open - 2);
    if (text.find(choices.substr(0, choices.find(','))) == std::string::npos) {
      for (std::size_t comma = choices.find(','); comma != std::string::npos;
           comma = choices.find(',', comma + 2))
        choices.insert(comma + 1, " ");
      text += (text.empty() ? "One of: " : ". One of: ") + choices;
    }
  }
  for (const CLI::Option* other : option->get_excludes())
    text += (text.empty() ? "Not with " : ". Not with ") + other->get_name();
  return wrap(text, line_width - name_column);
}

}  // namespace parplan::cli
