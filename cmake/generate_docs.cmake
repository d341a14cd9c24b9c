# Run after parplan is linked (cmake -P): the man pages and the shell completion scripts, made by
# the binary from its own command line, into OUT (man/man1/*.1.gz, completions/).
#   -DPARPLAN=path/to/parplan -DOUT=build/share
file(REMOVE_RECURSE "${OUT}/man" "${OUT}/completions")
file(MAKE_DIRECTORY "${OUT}/man/man1" "${OUT}/completions")
execute_process(COMMAND "${PARPLAN}" __man "${OUT}/man/man1" COMMAND_ERROR_IS_FATAL ANY)
foreach(shell_file IN ITEMS "bash;parplan" "zsh;_parplan" "fish;parplan.fish")
  list(GET shell_file 0 shell)
  list(GET shell_file 1 name)
  execute_process(COMMAND "${PARPLAN}" completion ${shell} OUTPUT_FILE "${OUT}/completions/${name}"
                  COMMAND_ERROR_IS_FATAL ANY)
endforeach()
# Debian policy: man pages compressed, without a timestamp (-n) so builds are reproducible.
file(GLOB pages "${OUT}/man/man1/*.1")
execute_process(COMMAND gzip -9nf ${pages} COMMAND_ERROR_IS_FATAL ANY)
file(TOUCH "${OUT}/stamp")
