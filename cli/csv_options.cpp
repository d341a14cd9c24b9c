#include "csv_options.hpp"

#include "parplan/error.hpp"

namespace parplan::cli {

void add_csv_options(CLI::App* cmd, CsvOptions& options) {
  cmd->add_flag("--bom", options.bom,
                "Start CSV with a UTF-8 byte order mark so Excel reads Vietnamese correctly");
  cmd->add_option("--delimiter", options.delimiter,
                  "The character between CSV fields (default ','); ';' for Excel where the "
                  "list separator is ';'")
      ->check(CLI::Validator(
          [](const std::string& text) {
            // A quote or a line break would make the file unreadable as CSV.
            return text.size() == 1 && text != "\"" && text != "\r" && text != "\n"
                       ? std::string()
                       : "'" + text +
                             "' is not one character other than a quote or a line break; "
                             "give one such as ';'";
          },
          "", "delimiter"))
      ->type_name("CHAR");
}

void check_csv_options(const CsvOptions& options, const std::string& format) {
  if (format == "csv") return;
  if (options.bom)
    throw Error("--bom applies only to --format csv (it marks the file as UTF-8 for Excel)");
  if (options.delimiter != ",") throw Error("--delimiter applies only to --format csv");
}

}  // namespace parplan::cli
