#!/bin/bash
# The generated completion scripts, driven the way the shells drive them.
# Usage: completion.sh PARPLAN SOURCE_DIR
PARPLAN=$1 SOURCE=$2
. "$(dirname "$0")/lib.sh"
cd "$SOURCE"  # the shipped plan is found upward from here
PATH=$(dirname "$PARPLAN"):$PATH  # completion runs `parplan __complete` as typed

# bash, with bash-completion loaded as an interactive shell has it.
. /usr/share/bash-completion/bash_completion
source <(parplan completion bash)
expect "bash: the function is registered" "complete -F _parplan parplan" "$(complete -p parplan)"

# tab WORD...: what TAB offers after the words (the last one is being completed), sorted.
tab() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _parplan parplan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  [ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}" | sort
}

# The subcommands starting with d, as `parplan --help` lists them (done joins diff and due
# once it exists).
d_commands=$(parplan --help | sed -n '/^Subcommands:/,$p' | sed -n 's/^  \(d[a-z_-]*\) .*/\1/p' | sort)
expect "bash: parplan d<TAB> offers the d commands of --help" "$d_commands" "$(tab parplan d)"
case $d_commands in *diff*due*) ;; *) expect "--help lists diff and due" "diff due" "$d_commands" ;; esac
expect "bash: parplan due --for<TAB>" "--format" "$(tab parplan due --for)"
# The formats due accepts, as its refusal of another lists them ("x not in {text,md,...}"),
# whatever formats are added later.
due_formats=$(parplan due --format x 2>&1 | sed -n 's/.* not in {\([^}]*\)}.*/\1/p' | tr , '\n' | sort)
expect "due --format x lists the formats" "yes" "$(case $due_formats in *csv*json*md*text*) echo yes ;; esac)"
expect "bash: parplan due --format <TAB>" "$due_formats" "$(tab parplan due --format '')"
expect "bash: parplan due --format=j<TAB>" "json" "$(tab parplan due --format=j)"
expect "bash: parplan report --role s<TAB>" "support" "$(tab parplan report --role s)"
expect "bash: parplan --co<TAB>" "--color" "$(tab parplan --co)"
expect "bash: parplan completion <TAB>" "$(printf 'bash\nfish\nzsh')" "$(tab parplan completion '')"
expect "bash: parplan schema <TAB>" "$(printf 'field\nplan')" "$(tab parplan schema '')"
expect "bash: a global option's value does not count as the command" "--format" \
  "$(tab parplan --color never due --for)"
expect "bash: parplan due --month <TAB> offers nothing" "" "$(tab parplan due --month '')"

# From the plan: owners by id or by name (accents ignored), quoted for the command line.
expect "bash: --owner sn<TAB>" "snv" "$(tab parplan due --owner sn)"
expect "bash: --owner noi<TAB> (accents ignored)" 'Sở\ Nội\ vụ' "$(tab parplan list --owner noi)"
expect "bash: --owner with the plan from --plan" "$(printf '%s\n' snv stp 'Sở\ Nội\ vụ' 'Sở\ Tư\ pháp' | sort)" \
  "$(tab parplan --plan tests/fixtures/base-plan due --owner s)"
expect "bash: --field V<TAB>" "$(printf 'V\nVI\nVII')" "$(tab parplan due --field V)"

# Activity ids for every subcommand that takes them (set, done, log, once they exist).
for command in done set log; do
  case $(parplan --help) in *"  $command "*) ;; *) continue ;; esac
  expect "bash: parplan $command III.1.<TAB>" "$(printf 'III.1.1\nIII.1.2\nIII.1.3\nIII.1.4')" \
    "$(tab parplan "$command" III.1.)"
done

# __complete itself: the candidates, and silence (no output at all) on any failure.
expect "__complete activities" "$(printf 'III.1.1\nIII.1.2\nIII.1.3\nIII.1.4')" \
  "$(parplan __complete activities -- III.1. 2>&1)"
expect "__complete owners, accent-insensitive" "Sở Tư pháp" "$(parplan __complete owners -- 'so tu' 2>&1)"
expect "__complete fields" "$(printf 'I\nII\nIII\nIV\nV\nVI\nVII')" "$(parplan __complete fields 2>&1)"
expect "__complete: no plan gives nothing" "" "$(cd / && parplan __complete activities -- I 2>&1)"
expect "__complete: a missing --plan gives nothing" "" \
  "$(parplan --plan /nonexistent __complete owners -- s 2>&1)"
mkdir "$TMP/broken"
printf 'plan: [\n' > "$TMP/broken/plan.yaml"
expect "__complete: a broken plan gives nothing" "" \
  "$(parplan --plan "$TMP/broken" __complete owners -- s 2>&1)"
expect "__complete is not in --help" "" "$(parplan --help | grep -e __complete -e __man || true)"

# zsh and fish: the scripts parse.
parplan completion zsh > "$TMP/_parplan"
parplan completion fish > "$TMP/parplan.fish"
expect "zsh -n" "" "$(zsh -n "$TMP/_parplan" 2>&1)"
expect "fish -n" "" "$(fish -n "$TMP/parplan.fish" 2>&1)"
# fish can also say what it would offer for a command line.
fish_offers() {
  HOME=$TMP fish --no-config -c "source $TMP/parplan.fish; complete -C '$1'" 2>&1 | cut -f1 | sort
}
expect "fish: parplan due --for<TAB>" "--format" "$(fish_offers 'parplan due --for')"
expect "fish: parplan due --format <TAB>" "$due_formats" "$(fish_offers 'parplan due --format ')"
expect "fish: parplan due --owner sn<TAB>" "snv" "$(fish_offers 'parplan due --owner sn')"
finish
