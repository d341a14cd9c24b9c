#include "period_option.hpp"

#include "parplan/error.hpp"

namespace parplan::cli {

void add_period_option(CLI::App* cmd, std::optional<std::string>& period, const std::string& help) {
  CLI::Option* option = cmd->add_option("--period", period, help)
                            ->check(CLI::Validator(
                                [](const std::string& text) {
                                  try {
                                    parse_period(text);
                                    return std::string();
                                  } catch (const Error& e) {
                                    return std::string(e.what());
                                  }
                                },
                                "", "period"))
                            ->type_name("PERIOD");
  for (const char* name : {"--month", "--as-of"})
    if (CLI::Option* other = cmd->get_option_no_throw(name)) option->excludes(other);
}

std::optional<ReportPeriod> chosen_period(const std::optional<std::string>& period) {
  if (!period) return std::nullopt;
  return parse_period(*period);
}

}  // namespace parplan::cli
