#!/usr/bin/env bash
# The CLI as a user runs it: stdin, files, exit codes 0/1/2, and messages on stderr.
set -u
cli="$1"
fails=0
expect() {  # expect NAME STATUS STDERR-SUBSTRING -- command...
  local name="$1" want="$2" errpart="$3"; shift 4
  local err; err=$("$@" 2>&1 >/dev/null); local got=$?
  if [ "$got" != "$want" ]; then echo "FAIL $name: exit $got, want $want ($err)"; fails=$((fails+1)); return; fi
  if [ -n "$errpart" ] && [[ "$err" != *"$errpart"* ]]; then echo "FAIL $name: stderr lacks '$errpart': $err"; fails=$((fails+1)); return; fi
  echo "ok   $name"
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '亲，您好，这款有货的，今天下单明天发货哦' > "$tmp/clean.txt"
printf '{"pack":"my","rules":[{"id":"my.r","kind":"terms","category":"rude","severity":"error","title":"t","message":"m","penalty":"","source":"s","terms":[3],"examples":{"bad":["a"],"good":["b"]}}]}' > "$tmp/broken.json"
printf '{"pack":"my","rules":[{"id":"my.r","kind":"terms","category":"rude","severity":"error","title":"骂人","message":"m","penalty":"","source":"s","terms":["滚"],"examples":{"bad":["滚"],"good":["好"]}}]}' > "$tmp/my.json"

expect "clean reply from a file exits 0"        0 ""  -- "$cli" check "$tmp/clean.txt"
expect "error finding from stdin exits 1"        1 ""  -- bash -c "printf '滚吧你' | '$cli' check --pack '$tmp/my.json' -"
expect "unknown platform exits 2, names them"    2 "expected one of: taobao, tmall, jd, pdd, douyin, kuaishou, 1688" -- "$cli" check --platform amazon "$tmp/clean.txt"
expect "broken pack exits 2 with pointer"        2 "[pack.E201] $tmp/broken.json /rules/0/terms/0: must be a string" -- "$cli" check --pack "$tmp/broken.json" "$tmp/clean.txt"
expect "validate broken pack"                    2 "/rules/0/terms/0: must be a string" -- "$cli" validate "$tmp/broken.json"
expect "validate good pack"                      0 "ok, 1 rules" -- "$cli" validate "$tmp/my.json"
expect "missing file exits 2"                    2 "cannot read" -- "$cli" check "$tmp/nope.txt"
expect "unknown option exits 2"                  2 "unknown option \"--colour\"" -- "$cli" check --colour "$tmp/clean.txt"
expect "unknown command exits 2"                 2 "unknown command \"lint\"" -- "$cli" lint
expect "no command exits 2"                      2 "no command given" -- "$cli"
expect "bad format exits 2"                      2 "unknown format \"yaml\"" -- "$cli" check --format yaml "$tmp/clean.txt"
expect "rules markdown"                          0 "" -- "$cli" rules --platform jd --format markdown
expect "help exits 0"                            0 "" -- "$cli" --help
out=$("$cli" check --format json --pack "$tmp/my.json" - <<< '你给我滚' ); st=$?
if [ $st = 1 ] && [[ "$out" == *'"rule": "my.r"'* ]] && [[ "$out" == *'"start": 3'* ]]; then echo "ok   json finding with code-point offsets"; else echo "FAIL json finding: $out"; fails=$((fails+1)); fi
out=$(printf '\xff\xfe 滚' | "$cli" check --pack "$tmp/my.json" - 2>&1 >/dev/null)
if [[ "$out" == *"invalid UTF-8 byte 0xff at byte 0"* ]]; then echo "ok   invalid UTF-8 reported on stderr"; else echo "FAIL invalid UTF-8: $out"; fails=$((fails+1)); fi
exit $fails
