#include "util/yaml_text.hpp"

#include <algorithm>
#include <vector>

namespace parplan::util {

namespace {

bool looks_like_non_text(std::string_view s) {
  static const std::vector<std::string_view> words = {
      "~",   "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes",
      "Yes", "YES",  "no",   "No",   "NO",   "on",   "On",   "ON",    "off",   "Off",   "OFF",
      "y",   "Y",    "n",    "N",    ".inf", ".Inf", ".INF", "-.inf", ".nan",  ".NaN",  ".NAN"};
  if (std::find(words.begin(), words.end(), s) != words.end()) return true;
  // Numbers, dates and times in any of YAML 1.1's forms: digits with + - . : _ e x o b.
  return s.find_first_of("0123456789") != s.npos &&
         s.find_first_not_of("0123456789+-.:_eExXoObBaAcCdDfF ") == s.npos;
}

}  // namespace

bool plain_safe(std::string_view s, bool in_flow, bool is_text) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos)
    return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  if (s.find(": ") != s.npos || s.find(" #") != s.npos) return false;
  if (in_flow && s.find_first_of(",[]{}") != s.npos) return false;
  return !(is_text && looks_like_non_text(s));
}

std::string single_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace parplan::util
