#!/bin/sh
# Writes this week's progress report to reports/YYYY-Www.md in a git checkout of the plan and
# commits it, only when it changed, so the history holds one clean diff per week.
#
# Quiet on success. On any failure it exits non-zero with a message on stderr, and cron mails
# that output to the crontab's owner (set MAILTO in the crontab).
#
# crontab line (every Monday at 07:00; the report is as of that day):
#   0 7 * * 1  /opt/parplan/examples/cron/weekly-report.sh /srv/cchc-plan --lang vi
#
# Usage: weekly-report.sh CHECKOUT [REPORT OPTIONS...]
#   CHECKOUT        the git checkout holding the plan (plan.yaml or data/plan.yaml)
#   REPORT OPTIONS  passed on to `parplan report`, e.g. --lang vi --within 2
# Environment: PARPLAN, the parplan binary. Without it the script looks on PATH, then where
#   `make install` (/usr/local/bin) and the .deb (/usr/bin) put it: cron's PATH is only
#   /usr/bin:/bin.
set -eu

fail() {
  echo "weekly-report: $*" >&2
  exit 1
}

[ $# -ge 1 ] || fail "usage: weekly-report.sh CHECKOUT [REPORT OPTIONS...]"
checkout=$1
shift
if [ -n "${PARPLAN:-}" ]; then
  case $PARPLAN in
    */*) parplan=$(cd "$(dirname "$PARPLAN")" 2>/dev/null && pwd)/$(basename "$PARPLAN") ;;
    *) parplan=$(command -v "$PARPLAN" || true) ;;
  esac
  [ -x "$parplan" ] || fail "PARPLAN=$PARPLAN is not an executable; set it to the parplan binary"
else
  parplan=""
  for candidate in "$(command -v parplan || true)" /usr/local/bin/parplan /usr/bin/parplan; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      parplan=$candidate
      break
    fi
  done
  [ -n "$parplan" ] ||
    fail "parplan not found on PATH, in /usr/local/bin or /usr/bin; set PARPLAN=/path/to/parplan in the crontab"
fi

cd "$checkout" || fail "cannot enter $checkout"
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || fail "$checkout is not a git checkout"

week=$(date +%G-W%V)
report="reports/$week.md"
mkdir -p reports || fail "cannot create $checkout/reports"

# parplan writes atomically: a failed run leaves last week's file (or none) untouched.
"$parplan" report -o "$report" "$@" || fail "parplan report failed (see above)"

git add -- "$report" || fail "git add $report failed"
if git diff --cached --quiet -- "$report"; then
  exit 0
fi
# Only the report is committed, whatever else is staged in the checkout.
git commit --quiet -m "Progress report $week" -- "$report" || fail "git commit failed"
