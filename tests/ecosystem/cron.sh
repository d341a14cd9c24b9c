#!/bin/sh
# examples/cron/weekly-report.sh under cron's environment (env -i, PATH=/usr/bin:/bin) in a temp
# repository: it finds parplan or says in one line what to set, and commits the report once.
# Usage: cron.sh PARPLAN SOURCE_DIR
PARPLAN=$1 SOURCE=$2
. "$(dirname "$0")/lib.sh"
make_plan_repo repo
script=$SOURCE/examples/cron/weekly-report.sh
week=$(date +%G-W%V)

# status_of COMMAND...: its output (stdout and stderr), then "exit N".
status_of() {
  status=0
  output=$("$@" 2>&1) || status=$?
  printf '%s\nexit %s' "$output" "$status"
}
cron() { status_of env -i PATH=/usr/bin:/bin "$@"; }

# PARPLAN names the binary: the report is written and committed, once.
expect "PARPLAN=/path: report committed" "
exit 0" "$(cron PARPLAN="$PARPLAN" sh "$script" "$TMP/repo" --month 6 --lang en)"
expect "the commit holds the report" "Progress report $week

reports/$week.md" "$(git -C "$TMP/repo" log -1 --format=%s --name-only)"
expect "the report is parplan's" "$("$PARPLAN" --plan "$TMP/repo/data" report --month 6 --lang en)" \
  "$(cat "$TMP/repo/reports/$week.md")"
cron PARPLAN="$PARPLAN" sh "$script" "$TMP/repo" --month 6 --lang en > /dev/null
expect "an unchanged report is not committed again" "2" "$(git -C "$TMP/repo" rev-list --count HEAD)"

expect "PARPLAN that is not a binary" "weekly-report: PARPLAN=/nonexistent/parplan is not an executable; set it to the parplan binary
exit 1" "$(cron PARPLAN=/nonexistent/parplan sh "$script" "$TMP/repo")"

# Without PARPLAN: where make install and the .deb put parplan. A private mount namespace
# (root only) hides and fills /usr/local/bin without touching the machine's.
if [ -e /usr/bin/parplan ]; then
  echo "skip: /usr/bin/parplan exists, so 'not found' cannot be tried"
elif [ "$(id -u)" -ne 0 ] || ! unshare -m true 2>/dev/null; then
  echo "skip: the /usr/local/bin cases need root (unshare -m)"
else
  expect "not found: one line saying what to set" "weekly-report: parplan not found on PATH, in /usr/local/bin or /usr/bin; set PARPLAN=/path/to/parplan in the crontab
exit 1" "$(status_of unshare -m sh -c 'mount -t tmpfs tmpfs /usr/local/bin && exec "$@"' sh \
    env -i PATH=/usr/bin:/bin sh "$script" "$TMP/repo")"
  expect "found in /usr/local/bin (make install)" "
exit 0" "$(status_of unshare -m sh -c 'mount -t tmpfs tmpfs /usr/local/bin && cp "$1" /usr/local/bin/parplan && shift && exec "$@"' sh \
    "$PARPLAN" env -i PATH=/usr/bin:/bin sh "$script" "$TMP/repo" --month 7)"
  expect "and the report changed and was committed" "3" "$(git -C "$TMP/repo" rev-list --count HEAD)"
fi
finish
