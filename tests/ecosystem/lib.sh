# Shared by the shell tests of tests/ecosystem: exact comparisons, a temp dir removed on exit.
# Each test script sources this file after setting PARPLAN (the built binary) and SOURCE.
set -eu
export LC_ALL=C.UTF-8 NO_COLOR=1
unset PARPLAN_PLAN
failures=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# expect NAME EXPECTED ACTUAL: exact text, shown side by side when it differs.
expect() {
  if [ "$2" = "$3" ]; then
    echo "ok: $1"
  else
    failures=$((failures + 1))
    printf 'FAIL: %s\n--- expected\n%s\n--- actual\n%s\n---\n' "$1" "$2" "$3"
  fi
}

# Ends the script: exit 1 when any expectation failed.
finish() {
  [ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
}

# A git repository in $TMP/$1 with a plan committed as data/: the shipped plan, or the plan
# directory $2 (relative to the source tree).
make_plan_repo() {
  mkdir -p "$TMP/$1"
  cp -r "$SOURCE/${2:-data}" "$TMP/$1/data"
  git -C "$TMP/$1" init -q -b main
  git -C "$TMP/$1" config user.email test@example.org
  git -C "$TMP/$1" config user.name Test
  git -C "$TMP/$1" add .
  git -C "$TMP/$1" commit -q -m plan
}
