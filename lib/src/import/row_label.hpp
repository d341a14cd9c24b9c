#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parplan::import {

// The label that numbers a row of the appendix: "LĨNH VỰC II", "PHẦN II", "II." (a field),
// "Nhiệm vụ 1" (a task), "Hoạt động 1.1", "1.1", "II.1.2" (an activity), "1", "1." (a task or an
// activity, by what else the row holds), "a)" (an activity).
struct RowLabel {
  enum class Kind { none, field, task, activity, number, letter } kind = Kind::none;
  std::string field;  // field: the roman numeral, upper case ("PHẦN 2" -> "II");
                      // activity: set for a full id ("II.1.2")
  std::vector<int>
      numbers;       // field {2}; task {1}; activity {2, 1} or {1}; number {n}; letter {1 for a}
  std::string text;  // the label as written, for messages and notes
  std::string rest;  // the text after the label
};

// `text` is a whole TT cell (`whole_cell`), where "I", "1" or "a" alone are labels; otherwise it
// is a title that may start with a label, which then needs its punctuation ("I.", "1.", "a)") or
// its word ("Nhiệm vụ 1:") so that ordinary text is not taken for one.
RowLabel parse_row_label(std::string_view text, bool whole_cell);

std::string to_roman(int n);
// "IV" -> 4; 0 when not a canonical numeral in capitals.
int roman_number(std::string_view numeral);

}  // namespace parplan::import
