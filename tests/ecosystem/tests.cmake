# The tests of parplan's place in editors, shells, man, apt, git and cron (tests/ecosystem/).
# They run the built binary and real tools: python3-jsonschema, bash with bash-completion, zsh,
# fish, groff and man, cmake --install, cpack and dpkg, git. PARPLAN_PYTHON (tests/CMakeLists.txt)
# is Debian's python3, which has python3-jsonschema.
set(eco ${CMAKE_CURRENT_SOURCE_DIR}/ecosystem)
set(eco_args $<TARGET_FILE:parplan> ${PROJECT_SOURCE_DIR})
add_test(NAME ecosystem/schema COMMAND ${PARPLAN_PYTHON} ${eco}/check_schema.py ${PROJECT_SOURCE_DIR} $<TARGET_FILE:parplan>)
add_test(NAME ecosystem/completion COMMAND bash ${eco}/completion.sh ${eco_args})
add_test(NAME ecosystem/man COMMAND sh ${eco}/man.sh ${eco_args})
add_test(NAME ecosystem/pre-commit COMMAND sh ${eco}/pre_commit.sh ${eco_args})
add_test(NAME ecosystem/git-and-ci COMMAND sh ${eco}/git_integration.sh ${eco_args})
add_test(NAME ecosystem/cron COMMAND sh ${eco}/cron.sh ${eco_args})
add_test(NAME ecosystem/install COMMAND sh ${eco}/install.sh ${eco_args} ${CMAKE_BINARY_DIR})
add_test(NAME ecosystem/deb COMMAND sh ${eco}/deb.sh ${eco_args} ${CMAKE_BINARY_DIR})
# install and deb write the build's install_manifest.txt; deb installs into /usr, where the cron
# test looks for parplan: none of them may run at the same time.
set_tests_properties(ecosystem/install ecosystem/deb ecosystem/cron PROPERTIES RESOURCE_LOCK system_install)
set_tests_properties(ecosystem/deb PROPERTIES TIMEOUT 600)
