#!/bin/sh
# A month of progress recorded with `parplan done` and `parplan set`, committed, and shown by
# `parplan diff` and `parplan report --since`. Runs in a fresh git repository in a temporary
# directory, on a copy of the shipped plan; nothing outside it is touched.
#
#   examples/progress/record-a-month.sh [PARPLAN] [PLAN_DIR]
#
# PARPLAN defaults to `parplan` on PATH, PLAN_DIR to the data/ directory next to this script.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
parplan=${1:-parplan}
plan=${2:-$here/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -R "$plan" "$work/data"
cd "$work"
git -c init.defaultBranch=main init -q
git config user.name "Văn phòng UBND tỉnh"
git config user.email "cchc@example.invalid"
git add data
git commit -q -m "Kế hoạch CCHC 2024"

# End of June: what happened this month.
"$parplan" done III.1.4 --month 6
"$parplan" set III.2.2 status=in-progress progress=60
"$parplan" set III.2.3 end=8 note="chờ hướng dẫn của Bộ: bản #2"
"$parplan" set II.1.1 lead="nội vụ"
git commit -q -am "Tiến độ tháng 6"

echo "--- git diff --stat HEAD~1"
git diff --stat HEAD~1
echo "--- parplan diff HEAD~1"
"$parplan" diff HEAD~1
echo "--- parplan report --month 6 --since HEAD~1, from its changes section on"
"$parplan" report --month 6 --since HEAD~1 | sed -n '/^## .*HEAD~1/,$p'
