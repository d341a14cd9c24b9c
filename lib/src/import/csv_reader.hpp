#pragma once

#include <string>
#include <string_view>

#include "table.hpp"

namespace parplan::import {

// A CSV file as one table: UTF-8 with or without a BOM, fields separated by ',' or ';' (whichever
// gives more records of the same width), quoted as RFC 4180 says ("" inside quotes, line breaks
// allowed inside quotes), lines ending in LF, CRLF or CR. Throws parplan::Error for UTF-16, text
// that is not UTF-8 and a quote that is never closed.
Document read_csv(std::string_view bytes, const std::string& label);

}  // namespace parplan::import
