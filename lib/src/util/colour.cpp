#include "util/colour.hpp"

namespace parplan::util {

std::string paint(std::string_view text, std::string_view style, bool color) {
  if (!color || style.empty() || text.empty()) return std::string(text);
  std::string out = "\033[";
  out += style;
  out += 'm';
  out += text;
  out += "\033[0m";
  return out;
}

}  // namespace parplan::util
