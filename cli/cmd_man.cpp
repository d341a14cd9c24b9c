// `parplan __man DIR`: writes the man pages into DIR (the build runs it; see cli/CMakeLists.txt).

#include <string>

#include "app.hpp"
#include "command_line.hpp"
#include "man_page.hpp"
#include "parplan/output.hpp"
#include "version.hpp"

namespace parplan::cli {

void register_man(CLI::App& app, Context&) {
  auto directory = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("__man", "")->group("");  // hidden
  cmd->add_option("dir", *directory)->required()->check(CLI::ExistingDirectory);
  cmd->callback([directory] {
    for (const ManPage& page : man_pages(describe_full_command_line(), "parplan " PARPLAN_VERSION))
      write_file_atomically(*directory + "/" + page.file_name, page.text);
  });
}

}  // namespace parplan::cli
