#include <string>

#include "app.hpp"
#include "embedded.hpp"
#include "parplan/output.hpp"

namespace parplan::cli {

void register_schema(CLI::App& app, Context&) {
  auto which = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("schema", "Print the JSON Schema of plan.yaml or a field file");
  cmd->add_option("file", *which, "Which file's schema")
      ->required()
      ->check(CLI::IsMember({"plan", "field"}))
      ->type_name("KIND");
  cmd->footer(
      "The schemas (JSON Schema draft 2020-12, with English and Vietnamese descriptions) give\n"
      "editors completion, hover and checks while typing. The shipped plan's files name theirs in\n"
      "a first-line modeline, which VS Code's YAML extension and yamlls read:\n"
      "  # yaml-language-server: $schema=../schema/field.schema.json\n"
      "`make install` copies them to share/parplan/schema. `parplan validate` checks more than\n"
      "a schema can (ids against their task, owners, dates against the plan year).\n"
      "Exit status: 0 printed, 2 usage trouble.\n\n"
      "Examples:\n"
      "  parplan schema field > field.schema.json\n"
      "  parplan schema plan | python3 -m json.tool");
  cmd->callback([which] { write_stdout(embedded("schema/" + *which + ".schema.json")); });
}

}  // namespace parplan::cli
