#!/bin/sh
# examples/git/pre-commit in a real repository: it checks the STAGED plan, blocks a bad edit
# with the diagnostics and lets a good one through.
# Usage: pre_commit.sh PARPLAN SOURCE_DIR
PARPLAN=$1 SOURCE=$2
. "$(dirname "$0")/lib.sh"
export PARPLAN
make_plan_repo repo tests/fixtures/base-plan  # valid without warnings, as --strict wants
cd "$TMP/repo"
cp "$SOURCE/examples/git/pre-commit" .git/hooks/pre-commit
field=data/01-chi-dao.yaml
good=$(cat "$field")

# commit: the hook's stdout and stderr, then the exit status of git commit.
commit() {
  status=0
  output=$(git commit -q -m "$1" 2>&1) || status=$?
  printf '%s\nexit %s' "$output" "$status"
}

# A bad edit is blocked, with parplan's diagnostic at the repository path.
printf '%s\n' "$good" | sed 's/^        end: 2$/        end: 13/' > "$field"
git add "$field"
line=$(grep -n '^        end: 13$' "$field" | cut -d: -f1)
expect "a bad edit is blocked" "$field:$line:14: error: 'end' must be a month from 1 to 12 or YYYY-MM, got '13'
data: 1 error(s), 0 warning(s)
pre-commit: the staged plan does not pass 'parplan validate --strict'; fix it and stage again (bypass: git commit --no-verify)
exit 1" "$(commit bad)"
expect "nothing was committed" "1" "$(git rev-list --count HEAD)"

# The working tree is fixed but the index still holds the bad edit: still blocked.
printf '%s\n' "$good" > "$field"
expect "the staged content is checked, not the working tree" "exit 1" "$(commit bad | tail -n 1)"

# Staged good, working tree bad: passes.
git add "$field"
printf '%s\n' "$good" | sed 's/^        end: 2$/        end: 3/' > "$field"
git add "$field"
printf '%s\n' "$good" | sed 's/^        end: 2$/        end: 13/' > "$field"
expect "a good staged edit passes whatever the working tree holds" "data: valid, 1 activities in 1 fields; 0 warning(s)
exit 0" "$(commit good)"
expect "and is committed" "2" "$(git rev-list --count HEAD)"

# Warnings block too (--strict): a new activity without a schedule.
printf '%s\n' "$good" > "$field"
printf '      - id: I.1.9\n        title: Mới\n        lead: [snv]\n' >> "$field"
git add "$field"
expect "a warning blocks the commit (--strict)" "exit 1" "$(commit warning | tail -n 1)"
git checkout -q HEAD -- "$field"

# A commit that does not touch the plan is not checked, even when the plan is broken.
printf 'plan: [\n' > data/plan.yaml
git add data/plan.yaml
git commit -q --no-verify -m "broken on purpose"
echo notes > README.md
git add README.md
expect "a commit outside the plan is not checked" "exit 0" "$(commit readme | tail -n 1)"

# Without parplan the hook says what to set.
echo more >> README.md
git add README.md data
expect "parplan missing" "pre-commit: parplan not found; install it or set PARPLAN=/path/to/parplan (bypass: git commit --no-verify)
exit 1" "$(PARPLAN=/nonexistent/parplan commit missing)"
finish
