#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "app.hpp"
#include "parplan/error.hpp"
#include "parplan/import.hpp"

namespace parplan::cli {

namespace {

struct ImportCommand {
  std::string file;
  std::string out;
  std::string plan_id;
  std::optional<int> year;
  std::string title;
  std::string sheet;
  std::string owners;
  bool force = false;
};

// --owners names a plan.yaml (or a plan directory); only its owners are used.
Plan load_owners(const std::string& path, const Context& ctx) {
  namespace fs = std::filesystem;
  fs::path file = fs::is_directory(path) ? fs::path(path) / "plan.yaml" : fs::path(path);
  std::string content = read_import_file(file.string());
  LoadResult loaded = load_plan_from_sources(
      file.parent_path().string().empty() ? "." : file.parent_path().string(),
      {{"plan.yaml", std::move(content)}}, ctx.load_options());
  if (!loaded.ok()) {
    std::cerr << error_lines(loaded);
    throw Error(fmt::format("--owners {} has errors; fix them first", path));
  }
  return std::move(loaded.plan);
}

void run_import(Context& ctx, const ImportCommand& cmd) {
  ImportOptions options;
  options.plan_id = cmd.plan_id;
  options.year = cmd.year;
  options.title = cmd.title;
  options.sheet = cmd.sheet;
  std::optional<Plan> owners;
  if (!cmd.owners.empty()) {
    owners = load_owners(cmd.owners, ctx);
    options.owners = &*owners;
  }
  ImportResult result = import_appendix(cmd.file, read_import_file(cmd.file), options);
  write_plan_directory(cmd.out, result.files, cmd.force);
  for (const std::string& w : result.warnings) std::cerr << w << '\n';

  // The written plan is checked by the loader every other command uses.
  LoadResult loaded = load_plan(cmd.out, ctx.load_options());
  std::cerr << error_lines(loaded);
  std::size_t errors = count(loaded.diagnostics, Severity::error);
  std::cerr << fmt::format(
      "{}: {} activities in {} fields, {} tasks, {} owners; {} warning(s){}\n", cmd.out,
      result.activities, result.fields, result.tasks, result.owners, result.warnings.size(),
      errors ? fmt::format(", {} error(s) to fix (parplan validate --plan {})", errors, cmd.out)
             : "");
  ctx.exit_code = errors ? exit_problems : exit_ok;
}

}  // namespace

void register_import(CLI::App& app, Context& ctx) {
  auto cmd = std::make_shared<ImportCommand>();
  CLI::App* sub = app.add_subcommand("import", "Turn a published appendix table into a plan");
  sub->add_option("FILE", cmd->file, "The appendix: a Word .docx, an Excel .xlsx or a .csv")
      ->required();
  sub->add_option("--out", cmd->out, "Directory to write the plan into (new or empty)")
      ->required()
      ->type_name("DIR");
  sub->add_option("--plan-id", cmd->plan_id, "Plan id (default: made from the title)")
      ->type_name("ID");
  sub->add_option("--year", cmd->year, "Plan year (default: the \"năm YYYY\" of the title)")
      ->check(CLI::Range(1900, 2200))
      ->type_name("YYYY");
  sub->add_option("--title", cmd->title,
                  "Plan title (default: the \"KẾ HOẠCH …\" line above the table)")
      ->type_name("TEXT");
  sub->add_option("--sheet", cmd->sheet, "Excel: the sheet to read (default: the first)")
      ->type_name("NAME");
  sub->add_option("--owners", cmd->owners,
                  "An existing plan.yaml whose owners' ids are reused for the names it knows")
      ->type_name("PLAN.yaml");
  sub->add_flag("--force", cmd->force, "Replace the contents of a non-empty --out directory");
  sub->footer(
      "Warnings name their cell: FILE:table 2, row 37, column 7 (Word), FILE:Sheet1!G37 (Excel),\n"
      "FILE:row 37, column 7 (CSV). Every guess is also written as a note: in the plan.\n"
      "Exit status: 0 the plan validates, 1 it was written but has errors to fix, 2 the file\n"
      "cannot be read or the options are wrong. See docs/import.md.\n\n"
      "Examples:\n"
      "  parplan import ke-hoach-2024.docx --out data\n"
      "  parplan import phu-luc.xlsx --sheet 'Phụ lục' --year 2025 --owners data/plan.yaml --out "
      "plan-2025");
  sub->callback([&ctx, cmd] { run_import(ctx, *cmd); });
}

}  // namespace parplan::cli
