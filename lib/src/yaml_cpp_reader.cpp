// The reference reader: yaml-cpp, whose errors parplan words for people (describe_parser_error).
// yaml::parse gives it every file the libyaml reader does not take.

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <istream>
#include <new>
#include <optional>
#include <streambuf>

#include "yaml_builder.hpp"

namespace parplan::yaml {

namespace {

// Hands the text to yaml-cpp a block at a time and ends the input early once yaml-cpp has read
// more than max_lookahead_marks token marks past the last value it reported (see yaml_tree.hpp);
// yaml-cpp then stops at what looks like the end of the file, and read_with_yaml_cpp() reports the
// real reason. Counting marks rather than bytes lets long text and comments through: they cost
// yaml-cpp one token or none.
class Input : public std::streambuf {
 public:
  explicit Input(std::string_view text) : text_(text) { marks_before_.push_back(0); }

  void reached(const YAML::Mark& mark) {
    if (mark.pos > 0) progress_ = std::max(progress_, static_cast<std::size_t>(mark.pos));
  }
  [[nodiscard]] std::size_t progress() const { return progress_; }
  [[nodiscard]] bool stopped() const { return stopped_; }

 protected:
  int_type underflow() override {
    std::size_t served_blocks = marks_before_.size() - 1;
    std::size_t served = std::min(text_.size(), served_blocks * block);
    // Marks in the blocks after the one holding the last reported value.
    std::size_t since = marks_before_.back() - marks_before_[progress_ / block];
    if (since > max_lookahead_marks) stopped_ = true;
    if (served >= text_.size() || stopped_) return traits_type::eof();
    std::size_t end = std::min(text_.size(), served + block);
    std::size_t marks = 0;
    for (char c : text_.substr(served, end - served)) {
      if (c == '\n') {
        line_start_ = true;
        comment_ = false;
      } else if (line_start_ && c == '#') {
        comment_ = true;
      } else if (c != ' ' && c != '\t') {
        line_start_ = false;
        marks += !comment_ && std::string_view(",[]{}:?!&*\"'").find(c) != std::string_view::npos;
      }
    }
    marks_before_.push_back(marks_before_.back() + marks);
    // yaml-cpp only reads through the get area; the text is never written.
    char* base = const_cast<char*>(text_.data());
    setg(base + served, base + served, base + end);
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr std::size_t block = 4096;

  std::string_view text_;
  std::vector<std::size_t> marks_before_;  // token marks before each served block
  // A line that starts with '#' is a comment, or one line of a quoted or block scalar: no tokens
  // either way, so commented-out YAML costs nothing.
  bool line_start_ = true;
  bool comment_ = false;
  std::size_t progress_ = 0;
  bool stopped_ = false;
};

// Turns yaml-cpp's events into TreeBuilder calls, adding what only yaml-cpp needs: the cut-short
// input, its quirks with flow mappings, and quoted scalars that run to the end of the file.
class Events : public YAML::EventHandler {
 public:
  Events(std::string_view text, Input& input, TreeBuilder& builder)
      : text_(text), input_(input), builder_(builder) {}

  // Once the input was cut short, the events still queued describe a truncated file: ignore them.
  void OnDocumentStart(const YAML::Mark& mark) override {
    if (reached(mark)) builder_.document_start(offset(mark));
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (!reached(mark)) return;
    check_anchor(mark, anchor);
    builder_.null_value(offset(mark));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (reached(mark)) builder_.alias(offset(mark));
  }

  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    if (!reached(mark)) return;
    check_anchor(mark, anchor);
    check_quote_closed(offset(mark));
    builder_.scalar(offset(mark), value, true);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    if (!reached(mark)) return;
    check_anchor(mark, anchor);
    builder_.sequence_start(offset(mark), true);
  }
  void OnSequenceEnd() override {
    if (!input_.stopped()) builder_.end();
  }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    if (!reached(mark)) return;
    check_anchor(mark, anchor);
    // yaml-cpp wraps a single `key: value` inside [ ] in a mapping of its own, and at the end of
    // an unclosed "[[[" it does so for every '['; only mappings the user opened count as levels,
    // so that "[" x 16384 is stopped at the 65th '['.
    std::size_t pos = offset(mark);
    char first = pos < text_.size() ? text_[pos] : '\0';
    bool opened = style == YAML::EmitterStyle::Flow
                      ? first == '{'
                      : style == YAML::EmitterStyle::Block && first != '[' && first != '{';
    builder_.map_start(pos, opened);
  }
  void OnMapEnd() override {
    if (!input_.stopped()) builder_.end();
  }

 private:
  static std::size_t offset(const YAML::Mark& mark) {
    return static_cast<std::size_t>(std::max(0, mark.pos));
  }

  bool reached(const YAML::Mark& mark) {
    if (input_.stopped()) return false;
    input_.reached(mark);
    return true;
  }

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) builder_.anchor(offset(mark));
  }

  // yaml-cpp accepts a quoted scalar that runs to the end of the file; a closing quote must exist.
  void check_quote_closed(std::size_t start) {
    std::size_t pos = start;
    // The node starts at its tag or anchor, if any: `!!str "abc`.
    while (pos < text_.size() && (text_[pos] == '!' || text_[pos] == '&')) {
      pos = text_.find_first_of(" \t\n", pos);
      pos = text_.find_first_not_of(" \t", pos == text_.npos ? text_.size() : pos);
      if (pos == text_.npos) return;
    }
    if (pos >= text_.size()) return;
    char quote = text_[pos];
    if (quote != '"' && quote != '\'') return;  // plain or block (| >) scalar
    for (std::size_t i = pos + 1; i < text_.size(); ++i) {
      if (quote == '"' && text_[i] == '\\') {
        ++i;
      } else if (text_[i] == quote) {
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;
        } else {
          return;
        }
      }
    }
    auto [line, column] = builder_.index().position(start);
    throw Abort{line, column, fmt::format("unterminated quoted string: no closing {}", quote)};
  }

  std::string_view text_;
  Input& input_;
  TreeBuilder& builder_;
};

// yaml-cpp's wording is terse; say what a person editing the file should look for.
std::string describe_parser_error(const std::string& msg, std::string_view text, std::size_t pos) {
  char at = pos < text.size() ? text[pos] : '\0';
  if (at == ',' && (msg == YAML::ErrorMsg::END_OF_MAP || msg == YAML::ErrorMsg::END_OF_SEQ))
    return "syntax error: unexpected ','";
  if (msg == YAML::ErrorMsg::MAP_VALUE)
    return "syntax error: unexpected ':' (check the indentation, or quote text that contains ': ')";
  if (msg == YAML::ErrorMsg::END_OF_MAP)
    return "syntax error: mapping is not closed or indented inconsistently";
  if (msg == YAML::ErrorMsg::END_OF_SEQ)
    return "syntax error: list is not closed or indented inconsistently";
  if (msg == YAML::ErrorMsg::END_OF_MAP_FLOW) return "syntax error: '{' without a matching '}'";
  if (msg == YAML::ErrorMsg::END_OF_SEQ_FLOW) return "syntax error: '[' without a matching ']'";
  if (msg == YAML::ErrorMsg::FLOW_END && (at == ']' || at == '}'))
    return fmt::format("syntax error: '{}' without a matching '{}'", at, at == ']' ? '[' : '{');
  if (msg == YAML::ErrorMsg::TAB_IN_INDENTATION)
    return "tab character in the indentation; indent with spaces";
  if (msg == YAML::ErrorMsg::UNKNOWN_ANCHOR || msg.starts_with(YAML::ErrorMsg::UNKNOWN_ANCHOR))
    return "aliases (*name) are not supported in plan files; write the value out in full";
  if (msg.starts_with(YAML::ErrorMsg::INVALID_UNICODE))
    return fmt::format(
        "syntax error: escape sequence for U+{:04X} is not a Unicode character (a lone surrogate "
        "or beyond U+10FFFF)",
        std::strtoul(msg.c_str() + std::strlen(YAML::ErrorMsg::INVALID_UNICODE), nullptr, 10));
  if (msg.starts_with(YAML::ErrorMsg::INVALID_ESCAPE) || msg == YAML::ErrorMsg::INVALID_HEX)
    return "syntax error: invalid escape sequence; in double quotes a backslash starts one, as in "
           "\\n (write \\\\ for a backslash, or use single quotes)";
  if (msg == YAML::ErrorMsg::BLOCK_ENTRY)
    return "syntax error: unexpected '-' (a list item where none can start; check the "
           "indentation)";
  return "syntax error: " + msg;
}

bool is_escape_error(const std::string& msg) {
  return msg.starts_with(YAML::ErrorMsg::INVALID_ESCAPE) || msg == YAML::ErrorMsg::INVALID_HEX ||
         msg.starts_with(YAML::ErrorMsg::INVALID_UNICODE);
}

// The backslash of the escape that failed at `pos`: the first invalid escape on the line of the
// last backslash, else (a well-formed escape of a lone surrogate) that last backslash.
std::optional<std::size_t> escape_before(std::string_view text, std::size_t pos) {
  pos = std::min(pos, text.size());
  // From the start of the line of the last backslash: a \U escape can swallow the line break.
  std::size_t line_start = text.rfind('\\', pos == 0 ? 0 : pos - 1);
  if (line_start == text.npos) return std::nullopt;
  line_start = text.rfind('\n', line_start);
  line_start = line_start == text.npos ? 0 : line_start + 1;
  std::optional<std::size_t> last;
  for (std::size_t i = line_start; i < pos; ++i) {
    if (text[i] != '\\') continue;
    last = i;
    char c = i + 1 < text.size() ? text[i + 1] : '\0';
    std::size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (digits > 0) {
      std::string_view hex = text.substr(i + 2, digits);
      if (hex.size() < digits || hex.find_first_not_of("0123456789abcdefABCDEF") != hex.npos)
        return i;
      i += 1 + digits;
    } else if (c == '\0' ||
               std::string_view("0abt\tnvfre \"/\\N_LP").find(c) == std::string_view::npos) {
      return i;
    } else {
      ++i;
    }
  }
  return last;
}

// The line holding byte `start`, without its line feed.
std::string_view line_at(std::string_view text, std::size_t start) {
  std::size_t end = text.find('\n', start);
  return text.substr(start, (end == text.npos ? text.size() : end) - start);
}

std::size_t indentation(std::string_view line) {
  std::size_t n = line.find_first_not_of(' ');
  return n == line.npos ? line.size() : n;
}

// "title x" or "end:12" followed by "tasks: ..." or "- id: ..." makes yaml-cpp stop at the ':' on
// the line after; the line to fix is the one above it, when that one looks like a key without
// its ": ". Returns the offset of that key.
std::optional<std::size_t> missing_colon(std::string_view text, std::size_t here) {
  std::size_t indent = indentation(line_at(text, here));
  for (std::size_t start = here; start > 0;) {
    std::size_t end = start - 1;  // the line feed ending the line above
    std::size_t feed = end == 0 ? text.npos : text.rfind('\n', end - 1);
    start = feed == text.npos ? 0 : feed + 1;
    std::string_view above = text.substr(start, end - start);
    std::size_t above_indent = indentation(above);
    if (above_indent == above.size() || above[above_indent] == '#') continue;  // blank, comment
    // At the indentation of the keys of the mapping that broke, or deeper (the last key of an
    // item above a "- " line); a line with a proper "key: " or "key:" at its end is not it.
    if (above_indent < indent || above.find(": ") != above.npos || above.ends_with(':') ||
        std::string_view("-?[{\"'|>&*!").find(above[above_indent]) != std::string_view::npos)
      return std::nullopt;
    return start + above_indent;
  }
  return std::nullopt;
}

}  // namespace

Node read_with_yaml_cpp(std::string_view text, const TextIndex& index, FileReport& report) {
  Input input(text);
  std::istream stream(&input);
  TreeBuilder builder(text, index, report);
  Events events(text, input, builder);
  std::optional<Diagnostic> failure;
  auto fail_at = [&](std::pair<int, int> position, std::string message) {
    failure = Diagnostic{Severity::error, report.file(), position.first, position.second,
                         std::move(message)};
  };
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(events)) {
    }
  } catch (const Abort& abort) {
    fail_at({abort.line, abort.column}, abort.message);
  } catch (const YAML::DeepRecursion& e) {
    fail_at(index.position(static_cast<std::size_t>(std::max(0, e.mark.pos))), nesting_message());
  } catch (const YAML::Exception& e) {
    auto pos = std::min(static_cast<std::size_t>(std::max(0, e.mark.pos)), text.size());
    std::size_t at = pos;
    std::string message = describe_parser_error(e.msg, text, pos);
    if (e.msg == YAML::ErrorMsg::MAP_VALUE)
      if (auto key = missing_colon(text, index.line_start(pos))) {
        at = *key;
        if (auto meant = with_colon(line_at(text, *key)))
          message = fmt::format("syntax error: no ': ' after the key; did you mean `{}`?", *meant);
        else
          message = "syntax error: no ':' after the key on this line (write 'key: value')";
      }
    // yaml-cpp stops some way into a bad escape; the backslash is what to look at.
    if (auto backslash = is_escape_error(e.msg) ? escape_before(text, pos) : std::nullopt)
      at = *backslash;
    // At the end of the file yaml-cpp notices that a bracket was never closed; point at it.
    char bracket = e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW   ? '['
                   : e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW ? '{'
                                                              : '\0';
    if (auto open = bracket ? builder.open_bracket(bracket) : std::nullopt) {
      if (pos >= text.size()) {
        at = *open;
      } else {
        auto [line, column] = index.position(*open);
        message = fmt::format(
            "syntax error: expected ',' or '{}' here (the '{}' at line {}, column {} is still "
            "open)",
            bracket == '[' ? ']' : '}', bracket, line, column);
      }
    }
    // A tab where the indentation is expected confuses yaml-cpp into many different complaints.
    std::size_t start = index.line_start(at);
    std::string_view line = line_at(text, start);
    if (std::size_t indent = line.find_first_not_of(" \t");
        line.substr(0, indent).find('\t') != line.npos) {
      at = start + line.find('\t');
      message = "tab character in the indentation; indent with spaces";
    }
    fail_at(index.position(at), std::move(message));
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    // yaml-cpp's own invariants ("internal error") are not YAML exceptions.
    fail_at({1, 1}, std::string("YAML parser failure: ") + e.what());
  }
  if (input.stopped())
    fail_at(index.position(input.progress()),
            fmt::format("more than {} brackets, commas, colons or quotes in one value or [ ]/{{ }} "
                        "collection after this point; write long lists one '- item' per line, "
                        "and look for a bracket or quote that is never closed",
                        max_lookahead_marks));
  if (failure) {
    report.error(failure->line, failure->column, std::move(failure->message));
    return {};
  }
  return builder.take_root();
}

}  // namespace parplan::yaml
