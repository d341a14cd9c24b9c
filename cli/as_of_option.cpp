#include "as_of_option.hpp"

#include "parplan/calendar.hpp"

namespace parplan::cli {

CLI::Validator as_of_validator() {
  return CLI::Validator(
      [](const std::string& text) {
        return parse_as_of(text) ? std::string()
                                 : "'" + text + "' is not a date; give YYYY-MM or YYYY-MM-DD";
      },
      "", "date");
}

}  // namespace parplan::cli
