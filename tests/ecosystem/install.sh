#!/bin/sh
# `cmake --install` into a temp prefix installs every piece; the uninstall script then removes
# exactly those files. The build directory's own install_manifest.txt is put back afterwards.
# Usage: install.sh PARPLAN SOURCE_DIR BUILD_DIR
PARPLAN=$1 SOURCE=$2 BUILD=$3
. "$(dirname "$0")/lib.sh"
manifest=$BUILD/install_manifest.txt
[ -e "$manifest" ] && cp -p "$manifest" "$TMP/saved-manifest"
restore() { if [ -e "$TMP/saved-manifest" ]; then cp -p "$TMP/saved-manifest" "$manifest"; else rm -f "$manifest"; fi; }

prefix=$TMP/prefix
cmake --install "$BUILD" --prefix "$prefix" > /dev/null
cp "$manifest" "$TMP/manifest"
restore
commands=$("$PARPLAN" --help | sed -n '/^Subcommands:/,$p' | sed -n 's/^  \([a-z][a-z_-]*\) .*/\1/p')
for file in bin/parplan share/man/man1/parplan.1.gz share/bash-completion/completions/parplan \
  share/zsh/site-functions/_parplan share/fish/vendor_completions.d/parplan.fish \
  share/parplan/schema/plan.schema.json share/parplan/schema/field.schema.json \
  share/parplan/data/plan.yaml share/parplan/examples/cron/weekly-report.sh \
  share/parplan/examples/git/pre-commit share/doc/parplan/copyright; do
  [ -f "$prefix/$file" ] || expect "installed: $file" "yes" "no"
done
for c in $commands; do
  [ -f "$prefix/share/man/man1/parplan-$c.1.gz" ] || expect "installed: parplan-$c.1.gz" "yes" "no"
done
expect "the scripts stay executable" "yes" \
  "$([ -x "$prefix/share/parplan/examples/cron/weekly-report.sh" ] && [ -x "$prefix/share/parplan/examples/git/pre-commit" ] && echo yes)"
expect "the manifest lists every installed file" "$(find "$prefix" -type f | sort)" "$(sort "$TMP/manifest")"
expect "the installed binary runs" "$("$PARPLAN" --version)" "$("$prefix/bin/parplan" --version)"
expect "the installed schema is the one parplan prints" "$("$PARPLAN" schema field)" \
  "$(cat "$prefix/share/parplan/schema/field.schema.json")"
expect "the installed plan's modeline reaches the installed schema" "yes" \
  "$(cd "$prefix/share/parplan/data" && [ -f "$(sed -n '1s/.*\$schema=//p' 01-chi-dao-dieu-hanh.yaml)" ] && echo yes)"

touch "$prefix/share/not-ours"
cmake -DMANIFEST="$TMP/manifest" -P "$SOURCE/cmake/uninstall.cmake" > /dev/null
expect "uninstall leaves only what was not installed" "$prefix/share/not-ours" \
  "$(find "$prefix" -type f)"
expect "and no empty parplan directories" "" "$(find "$prefix" -type d -name 'parplan*')"
finish
