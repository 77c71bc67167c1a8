#!/usr/bin/env bash
# No comment cites a document a user's clone does not have (the product spec, the toolchain
# notes, the rule-source notes, the style guide, anything in ../shared): a comment gives its
# reason in place, or names a file of the repository (docs/*.md). Scans every comment-bearing
# source and lists the lines that do.
# usage: no_outside_citations.sh SOURCE_DIR
set -u
root="${1:?usage: no_outside_citations.sh SOURCE_DIR}"
cd "$root" || exit 2
pattern='\bSPEC\b|TOOLCHAIN|rule-sources|STYLE\.md|\.\./shared'

# Files that hold these names on purpose, not as citations.
excluded=(
  tests/no_outside_citations.sh   # this test: the pattern itself
  tests/pack_schema_test.cpp      # test data: old-style source strings a pack must not use
  tests/pack_citations_test.cpp   # test data: names the packs must not show to users
  tests/handbook_handout_test.cpp # test data: names the handout must not show
  tests/browser/training.test.mjs # test data: names the printed handout must not show
  scripts/sources-to-ids.py       # the migration's code matches the old notes' names
)

files=()
while IFS= read -r -d '' f; do
  f="${f#./}"
  skip=0
  for x in "${excluded[@]}"; do [ "$f" = "$x" ] && skip=1; done
  [ $skip = 0 ] && files+=("$f")
done < <(
  find core cli wasm web bench scripts tests .ci \
    \( -name node_modules -o -name out -o -path tests/fuzz/corpus \) -prune -o -type f \
    \( -name '*.cpp' -o -name '*.h' -o -name '*.inc' -o -name '*.js' -o -name '*.mjs' \
       -o -name '*.ts' -o -name '*.html' -o -name '*.css' -o -name '*.py' -o -name '*.sh' \
       -o -name '*.cmake' -o -name '*.txt' \) -print0
  # Shell scripts without an extension (scripts/build, bench/run, .ci/run ...).
  find scripts bench .ci -maxdepth 1 -type f ! -name '*.*' -print0
  printf '%s\0' CMakeLists.txt
)

[ ${#files[@]} -gt 20 ] || { echo "FAIL found only ${#files[@]} files under $root"; exit 1; }
hits=$(grep -nE "$pattern" -- "${files[@]}")
if [ -n "$hits" ]; then
  echo "FAIL these lines cite a document outside the repository; say the reason in place:"
  echo "$hits"
  exit 1
fi
echo "ok   ${#files[@]} files cite no document outside the repository"
