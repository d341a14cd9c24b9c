#!/bin/sh
# The README's diff-driver lines, run as written in a temp repository, and the CI templates:
# valid YAML whose parplan command lines work on the shipped plan.
# Usage: git_integration.sh PARPLAN SOURCE_DIR
PARPLAN=$1 SOURCE=$2
. "$(dirname "$0")/lib.sh"
PATH=$(dirname "$PARPLAN"):$PATH
make_plan_repo repo
cd "$TMP/repo"

# The two setup lines of the README's "git diff in plan terms", exactly as printed there.
setup=$(grep -e "^echo 'data/\*.yaml diff=parplan' >> .gitattributes" \
  -e "^git config diff.parplan.command 'parplan diff --git-driver'" "$SOURCE/README.md" | sed 's/ *#.*//')
expect "the README holds both lines" "2" "$(printf '%s\n' "$setup" | wc -l | tr -d ' ')"
eval "$setup"
git add .gitattributes && git commit -q -m attributes
sed -i 's/^        end: 6$/        end: 8/' data/03-thu-tuc-hanh-chinh.yaml
expected="diff --parplan a/data/03-thu-tuc-hanh-chinh.yaml b/data/03-thu-tuc-hanh-chinh.yaml
1 changed, 0 added, 0 removed; 1 deadline slipped (+2 months)

III.1.4 Tổ chức tập huấn nghiệp vụ kiểm soát TTHC cho công chức làm đầu mối kiểm soát TTHC cấp tỉnh (01 lớp)
  end: 6 → 8 (slipped 2 months)"
expect "git diff shows the plan's diff" "$expected" "$(git diff)"
git commit -q -am slip
expect "git log -p --ext-diff shows it too" "$expected" "$(git log -p --ext-diff -1 --format= data/)"

# CI templates: YAML that parses, and every `parplan ...` command in them runs on a plan that
# --strict accepts (--fail-on-overdue may exit 1: the plan of 2024 is all overdue now).
make_plan_repo clean tests/fixtures/base-plan
cd "$TMP/clean"
for template in "$SOURCE/examples/ci/github/parplan.yml" "$SOURCE/examples/ci/gitlab/.gitlab-ci.yml"; do
  name=${template#"$SOURCE/"}
  expect "$name parses" "ok" "$(/usr/bin/python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1])); print("ok")' "$template" 2>&1)"
  grep -v '^ *#' "$template" | grep -o 'parplan [a-z][^>|]*' | grep -v '^parplan report\b' | sed 's/ *$//' | sort -u > "$TMP/commands"
  while IFS= read -r command; do
    status=0
    eval "$command" > /dev/null 2> "$TMP/err" || status=$?
    case $command in *--fail-on-overdue*) [ "$status" -le 1 ] && status=0 ;; esac
    [ "$status" = 0 ] || cat "$TMP/err"
    expect "$name: '$command' runs" "0" "$status"
  done < "$TMP/commands"
  expect "$name validates with the commands above" "yes" "$(grep -q 'parplan validate --strict' "$TMP/commands" && echo yes)"
done
finish
