#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parplan::unicode {

// Canonical composition (NFC); ASCII passes through untouched.
std::string nfc(std::string_view text);

// Key for accent- and case-insensitive matching: NFKD, marks stripped, case folded, đ -> d.
// "Sở Nội vụ" -> "so noi vu".
std::string fold(std::string_view text);

// Columns a terminal uses to show `text` (combining marks take none, wide CJK take two).
std::size_t display_width(std::string_view text);

// Cuts `text` to at most `width` columns, ending in "…" when something was cut.
std::string truncate_to_width(std::string_view text, std::size_t width);

// Pads with spaces on the right to `width` columns.
std::string pad_right(std::string_view text, std::size_t width);

// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Number of code points, for columns in diagnostics.
std::size_t code_points(std::string_view text);

// The first letter in upper case, for a text that starts a sentence, a heading or a table row:
// "tháng 6/2024" -> "Tháng 6/2024". Catalog texts are lower case where they sit mid-sentence.
std::string capitalize(std::string_view text);

}  // namespace parplan::unicode
