#!/bin/sh
# The generated man pages: one per command, no groff warnings, the help text's content.
# Usage: man.sh PARPLAN SOURCE_DIR
PARPLAN=$1 SOURCE=$2
. "$(dirname "$0")/lib.sh"
"$PARPLAN" __man "$TMP"
commands=$("$PARPLAN" --help | sed -n '/^Subcommands:/,$p' | sed -n 's/^  \([a-z][a-z_-]*\) .*/\1/p')
expected=$( (echo parplan.1; for c in $commands; do echo "parplan-$c.1"; done) | sort)
expect "one page per command of --help" "$expected" "$(ls "$TMP" | sort)"
for page in "$TMP"/*.1; do
  expect "groff -ww: $(basename "$page")" "" "$(groff -ww -man -z -Tutf8 "$page" 2>&1)"
  expect "man --warnings: $(basename "$page")" "" "$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)"
  for section in NAME SYNOPSIS DESCRIPTION "EXIT STATUS" ENVIRONMENT FILES "SEE ALSO"; do
    grep -q "^\.SH $section\$" "$page" || expect "$(basename "$page") has $section" "yes" "no"
  done
done

# The rendered page of due against its --help: the name line, an option, the exit status and
# every example line.
render() { MANWIDTH=200 man -l "$TMP/$1" 2>/dev/null | col -bx; }
due=$(render parplan-due.1)
expect "NAME" "       parplan-due - What is overdue, due, upcoming; who leads it" \
  "$(printf '%s\n' "$due" | sed -n '/^NAME/{n;p}')"
expect "an option with its metavariable and choices" "       --format FMT" \
  "$(printf '%s\n' "$due" | grep -e '^       --format')"
expect "exit status from the help footer" \
  "       0 ok, 1 overdue with --fail-on-overdue or an invalid plan, 2 usage or I/O trouble." \
  "$(printf '%s\n' "$due" | sed -n '/^EXIT STATUS/{n;p}')"
help_examples=$("$PARPLAN" due --help | sed -n '/^Examples:/,$p' | sed '1d; s/^ *//')
page_examples=$(printf '%s\n' "$due" | sed -n '/^EXAMPLES/,/^SEE ALSO/p' | sed '1d;$d' | sed 's/^ *//' | sed '/^$/d')
expect "examples are the help's" "$help_examples" "$page_examples"
expect "parplan(1) lists the commands" "$commands" \
  "$(render parplan.1 | sed -n '/^COMMANDS/,/^OPTIONS/p' | sed -n 's/^       \([a-z][a-z_-]*\).*/\1/p')"
expect "Vietnamese survives" "yes" "$(render parplan-schema.1 | grep -q 'yaml-language-server' && echo yes)"
finish
