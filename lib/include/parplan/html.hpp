#pragma once

// Writing HTML and SVG text safely: everything taken from the plan goes through escape().

#include <string>
#include <string_view>

namespace parplan::html {

// Text for element content and quoted attribute values: & < > " ' become entities, and control
// characters other than tab and newline (which XML 1.0 forbids) become U+FFFD.
std::string escape(std::string_view text);

// <tag attributes>escaped text</tag>; `attributes` are written as given (start with a space).
std::string element(std::string_view tag, std::string_view text, std::string_view attributes = {});

}  // namespace parplan::html
