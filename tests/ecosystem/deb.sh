#!/bin/sh
# The .deb from `cpack -G DEB`: its control fields, then installed with dpkg -i on this machine
# (root only): parplan --version, man -w parplan and the bash completion work in a login
# shell, and dpkg -r removes every file. ctest runs it alone (RESOURCE_LOCK system_install).
# Usage: deb.sh PARPLAN SOURCE_DIR BUILD_DIR
PARPLAN=$1 SOURCE=$2 BUILD=$3
. "$(dirname "$0")/lib.sh"
if [ "$(id -u)" -ne 0 ]; then
  echo "skip: installing a .deb needs root"
  exit 0
fi
if dpkg-query -W parplan > /dev/null 2>&1 || [ -e /usr/bin/parplan ]; then
  echo "skip: parplan is already installed in /usr; this test will not replace it"
  exit 0
fi

(cd "$BUILD" && cpack -G DEB -B "$TMP/package" > "$TMP/cpack.log" 2>&1) || { cat "$TMP/cpack.log"; exit 1; }
deb=$(ls "$TMP"/package/parplan_*.deb)
version=$("$PARPLAN" --version | cut -d' ' -f2)
expect "package name and version" "parplan $version" "$(dpkg-deb -f "$deb" Package Version | cut -d' ' -f2 | paste -sd' ')"
expect "section" "utils" "$(dpkg-deb -f "$deb" Section)"
depends=$(dpkg-deb -f "$deb" Depends)
# yaml-cpp and utf8proc are linked statically by default (PARPLAN_STATIC_DEPS): then the package
# must not depend on them, else it must.
for pair in libc6:libc.so libstdc++6:libstdc++.so libyaml-cpp0.7:libyaml-cpp.so libfmt9:libfmt.so \
            libutf8proc2:libutf8proc.so; do
  library=${pair%%:*}
  if readelf -d "$PARPLAN" | grep -q "NEEDED.*\[${pair#*:}"; then
    case $depends in *"$library "*|*"$library,"*|*"$library") ;; *) expect "Depends (from dpkg-shlibdeps) has $library" "$library" "$depends" ;; esac
  else
    case $depends in *"$library "*|*"$library,"*|*"$library") expect "Depends leaves out $library (linked statically)" "" "$depends" ;; esac
  fi
done
# libzip and libxlsxwriter are loaded on first use, so dpkg-shlibdeps cannot see them: the package
# names them itself.
for library in libzip libxlsxwriter; do
  case $depends in *"$library"[0-9]*) ;; *) expect "Depends has $library (loaded on first use)" "$library" "$depends" ;; esac
done
expect "a description" "yes" "$(dpkg-deb -f "$deb" Description | grep -q 'YAML under git' && echo yes)"
expect "the copyright file" "./usr/share/doc/parplan/copyright" \
  "$(dpkg-deb -c "$deb" | awk '{print $6}' | grep /copyright)"

dpkg -i "$deb" > "$TMP/dpkg.log" 2>&1 || { cat "$TMP/dpkg.log"; exit 1; }
files=$(dpkg -L parplan | sort)
expect "parplan --version in a login shell" "$("$PARPLAN" --version)" "$(env -i HOME="$TMP" TERM=dumb bash -lc 'parplan --version' 2>&1)"
expect "man -w parplan" "/usr/share/man/man1/parplan.1.gz" "$(env -i HOME="$TMP" PATH=/usr/bin:/bin bash -lc 'man -w parplan' 2>&1)"
expect "man -w parplan-due" "/usr/share/man/man1/parplan-due.1.gz" "$(env -i HOME="$TMP" PATH=/usr/bin:/bin bash -lc 'man -w parplan-due' 2>&1)"
# An interactive login bash with bash-completion loads the completion on first use, as TAB does.
expect "complete -p parplan in a login bash" "complete -F _parplan parplan" \
  "$(env -i HOME="$TMP" TERM=dumb bash -lic '. /usr/share/bash-completion/bash_completion; __load_completion parplan; complete -p parplan' 2>/dev/null)"
expect "zsh finds _parplan" "/usr/share/zsh/vendor-completions/_parplan" \
  "$(env -i HOME="$TMP" zsh -fc 'autoload -Uz compinit; compinit -D; print -r -- ${^fpath}/_parplan(N)')"
expect "fish completes with it" "--format" \
  "$(env -i HOME="$TMP" PATH=/usr/bin:/bin fish -c 'complete -C "parplan due --for"' 2>&1 | cut -f1)"

dpkg -r parplan > "$TMP/dpkg.log" 2>&1 || { cat "$TMP/dpkg.log"; exit 1; }
left=""
for f in $files; do
  case $f in /usr/share/parplan*|/usr/share/doc/parplan*) [ -e "$f" ] && left="$left $f" ;; esac
  [ -f "$f" ] && left="$left $f"
done
expect "dpkg -r removes every file" "" "$left"
expect "and /usr/bin/parplan is gone" "" "$(ls /usr/bin/parplan 2>/dev/null || true)"
finish
