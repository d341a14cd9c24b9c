#pragma once

// ANSI colour for terminal output. Whether to colour is the caller's decision (the CLI looks at
// --color, NO_COLOR and isatty); this only paints.

#include <string>
#include <string_view>

namespace parplan::util {

// SGR parameters; empty means unstyled.
namespace sgr {
inline constexpr std::string_view none = "";
inline constexpr std::string_view bold = "1";
inline constexpr std::string_view dim = "2";
inline constexpr std::string_view red = "31";
inline constexpr std::string_view green = "32";
inline constexpr std::string_view yellow = "33";
inline constexpr std::string_view bold_red = "1;31";
inline constexpr std::string_view bold_yellow = "1;33";
}  // namespace sgr

// `text` wrapped in the SGR sequence when `color` is on and `style` and `text` are not empty.
std::string paint(std::string_view text, std::string_view style, bool color);

}  // namespace parplan::util
