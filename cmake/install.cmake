# What `make install`, `make uninstall` and `make deb` (CPack) handle besides the binary.
include(GNUInstallDirs)

# Man pages and completion scripts are made by the built binary from its own command line
# (cmake/generate_docs.cmake), so they cannot drift from it.
set(PARPLAN_DOCS_DIR ${CMAKE_BINARY_DIR}/share)
add_custom_command(OUTPUT ${PARPLAN_DOCS_DIR}/stamp
  COMMAND ${CMAKE_COMMAND} -DPARPLAN=$<TARGET_FILE:parplan> -DOUT=${PARPLAN_DOCS_DIR}
          -P ${PROJECT_SOURCE_DIR}/cmake/generate_docs.cmake
  DEPENDS parplan ${PROJECT_SOURCE_DIR}/cmake/generate_docs.cmake
  COMMENT "Generating man pages and shell completions" VERBATIM)
add_custom_target(parplan_docs ALL DEPENDS ${PARPLAN_DOCS_DIR}/stamp)

install(DIRECTORY ${PARPLAN_DOCS_DIR}/man/man1/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PARPLAN_DOCS_DIR}/completions/parplan
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${PARPLAN_DOCS_DIR}/completions/parplan.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
# zsh reads share/zsh/site-functions under /usr/local, but Debian's zsh reads packages' functions
# from /usr/share/zsh/vendor-completions: the prefix is only known at install time (CPack
# installs into a staging directory ending in /usr).
install(CODE "
  set(zsh_dir \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/zsh/site-functions\")
  if(CMAKE_INSTALL_PREFIX MATCHES \"/usr/?$\")
    set(zsh_dir \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions\")
  endif()
  file(INSTALL \"${PARPLAN_DOCS_DIR}/completions/_parplan\" DESTINATION \"\${zsh_dir}\")")

# share/parplan: the schemas, the shipped plan (its modelines point at ../schema/) and examples.
install(FILES schema/plan.schema.json schema/field.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/parplan/schema)
install(DIRECTORY data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/parplan/data)
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/parplan/examples
        USE_SOURCE_PERMISSIONS)
install(FILES README.md docs/format.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

add_custom_target(uninstall
  COMMAND ${CMAKE_COMMAND} -DMANIFEST=${CMAKE_BINARY_DIR}/install_manifest.txt
          -P ${PROJECT_SOURCE_DIR}/cmake/uninstall.cmake
  VERBATIM)

# `cpack -G DEB` (make deb): Depends computed by dpkg-shlibdeps from the binary's libraries.
set(CPACK_PACKAGE_NAME parplan)
set(CPACK_PACKAGE_VENDOR "parplan")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "keep an administrative-reform plan in YAML and ask what is due, late and changed")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}
 parplan keeps a public-administration reform plan (kế hoạch cải cách hành
 chính) as plain YAML under git: it validates the plan with FILE:LINE:COL
 diagnostics, lists what is due and overdue by month and owner, writes
 Markdown progress reports and shows what changed between versions.
 .
 Includes man pages, bash/zsh/fish completion, JSON Schemas for editors,
 git hook, CI and cron examples, and the 2024 plan of Đắk Nông province.")
set(CPACK_PACKAGE_CONTACT "parplan maintainers <parplan@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps sees only what the binary links; libzip and libxlsxwriter are loaded on first use.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${PARPLAN_LIBZIP_PACKAGE}, ${PARPLAN_XLSXWRITER_PACKAGE}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
