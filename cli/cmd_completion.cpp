#include "app.hpp"
#include "command_line.hpp"
#include "completion_scripts.hpp"
#include "parplan/output.hpp"

namespace parplan::cli {

void register_completion(CLI::App& app, Context&) {
  auto shell = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("completion", "Print the completion script for bash, zsh or fish");
  cmd->add_option("shell", *shell, "The shell")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}))
      ->type_name("SHELL");
  cmd->footer(
      "The script completes subcommands, options, their values, and activity ids, owners and\n"
      "fields from the plan. `make install` and the .deb put the scripts where each shell finds\n"
      "them.\n"
      "Exit status: 0 printed, 2 usage trouble.\n\n"
      "Examples:\n"
      "  source <(parplan completion bash)                 # try it in this shell\n"
      "  parplan completion zsh > ~/.zfunc/_parplan      # with fpath+=(~/.zfunc) in ~/.zshrc\n"
      "  parplan completion fish > ~/.config/fish/completions/parplan.fish");
  cmd->callback([shell] {
    std::vector<CommandSpec> commands = describe_full_command_line();
    if (*shell == "bash") write_stdout(bash_completion(commands));
    if (*shell == "zsh") write_stdout(zsh_completion(commands));
    if (*shell == "fish") write_stdout(fish_completion(commands));
  });
}

}  // namespace parplan::cli
