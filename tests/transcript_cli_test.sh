#!/usr/bin/env bash
# `kefu-lint transcript` as a user runs it: files and stdin, the three formats against the golden
# files, the report spooled through temporary files on large exports, exit codes 0/1/2 and the
# messages on stderr.
set -u
cli="$1"
src="$(cd "$(dirname "$0")/.." && pwd)"
golden="$src/tests/golden/transcript"
fails=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails+1)); }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# What the golden test writes: status, stdout, and stderr after a marker when there is any.
as_golden() {  # as_golden OUTFILE command...
  local out="$1"; shift
  "$@" > "$tmp/stdout" 2> "$tmp/stderr"; local st=$?
  { echo "status $st"; cat "$tmp/stdout"; if [ -s "$tmp/stderr" ]; then echo "--- stderr"; cat "$tmp/stderr"; fi; } > "$out"
}

# name input platform agent formats...
while read -r name input platform agent formats; do
  [ -z "$name" ] && continue
  extra=(); [ "$agent" != "-" ] && extra=(--agent "$agent")
  for f in $formats; do
    ext=$f; [ $f = text ] && ext=txt
    as_golden "$tmp/file.$ext" "$cli" transcript --platform "$platform" "${extra[@]}" --format "$f" "$golden/$input"
    if cmp -s "$tmp/file.$ext" "$golden/$name.out.$ext"; then ok "golden $name $f (file)"; else bad "golden $name $f (file): $(diff "$tmp/file.$ext" "$golden/$name.out.$ext" | head -5)"; fi
    as_golden "$tmp/stdin.$ext" bash -c "'$cli' transcript --platform '$platform' ${extra[*]} --format '$f' - < '$golden/$input'"
    if cmp -s "$tmp/stdin.$ext" "$golden/$name.out.$ext"; then ok "golden $name $f (stdin)"; else bad "golden $name $f (stdin)"; fi
  done
done <<'CASES'
day-export day-export.txt taobao - text json csv
seed002 seed002.txt taobao - text json csv
kuaishou-rate kuaishou-rate.txt kuaishou - text json csv
messages messages.json jd - text json csv
nicknames nicknames.txt pdd 小萌 text
CASES

# A larger export: the parts go through temporary files (forced, and past the 8 MiB default)
# and come back byte for byte as they do from memory.
for i in $(seq 1 400); do printf '=== 会话 %d ===\n' "$i"; cat "$golden/day-export.txt"; echo; done > "$tmp/big.txt"
for f in text json csv; do
  KEFU_TRANSCRIPT_SPOOL_BYTES=1000000000000 "$cli" transcript --format $f "$tmp/big.txt" > "$tmp/mem.$f" 2> "$tmp/mem.err"; st1=$?
  KEFU_TRANSCRIPT_SPOOL_BYTES=0 "$cli" transcript --format $f "$tmp/big.txt" > "$tmp/spill.$f" 2> "$tmp/spill.err"; st2=$?
  if [ $st1 = 1 ] && [ $st2 = 1 ] && [ -s "$tmp/mem.$f" ] && cmp -s "$tmp/mem.$f" "$tmp/spill.$f" && cmp -s "$tmp/mem.err" "$tmp/spill.err"; then
    ok "spooled $f report equals the in-memory one ($(wc -c < "$tmp/spill.$f") bytes)"
  else bad "spooled $f report differs (status $st1/$st2)"; fi
done
if head -c 3 "$tmp/spill.csv" | cmp -s - <(printf '\xEF\xBB\xBF'); then ok "CSV starts with a UTF-8 BOM"; else bad "CSV has no BOM"; fi
if [ "$(grep -c $'\r$' "$tmp/spill.csv")" -gt 400 ]; then ok "CSV rows end in CRLF"; else bad "CSV rows do not end in CRLF"; fi
if grep -q '^聊天记录检查 (transcript): 800 段会话' "$tmp/spill.text"; then ok "text report: totals at the top"; else bad "text totals: $(head -1 "$tmp/spill.text")"; fi

# Bad input and usage: exit 2 with the place named, never a crash.
head -c 200000 /dev/urandom > "$tmp/junk.bin"
"$cli" transcript "$tmp/junk.bin" > "$tmp/out" 2> "$tmp/err"; st=$?
if [ $st = 2 ] && grep -q '^\[transcript.E312\]' "$tmp/err" && [ ! -s "$tmp/out" ]; then ok "binary junk exits 2 (E312)"; else bad "binary junk: exit $st $(head -c 300 "$tmp/err")"; fi
printf '{"messages":[{"from":"buyer","text":"a"},\n{"from":}]}' > "$tmp/bad.json"
"$cli" transcript --format json "$tmp/bad.json" > "$tmp/out" 2> "$tmp/err"; st=$?
if [ $st = 2 ] && grep -q '"code": "transcript.E310"' "$tmp/out" && grep -q 'transcript:2:' "$tmp/err"; then ok "bad JSON exits 2 with its line, JSON errors on stdout"; else bad "bad JSON: exit $st $(cat "$tmp/err")"; fi
"$cli" transcript "$tmp/nope.txt" > /dev/null 2> "$tmp/err"; st=$?
if [ $st = 2 ] && grep -q 'cannot read' "$tmp/err"; then ok "missing file exits 2"; else bad "missing file: exit $st"; fi
"$cli" transcript --format markdown "$golden/seed002.txt" > /dev/null 2> "$tmp/err"; st=$?
if [ $st = 2 ] && grep -q 'usage.E002' "$tmp/err"; then ok "markdown is not a transcript format"; else bad "format: exit $st $(cat "$tmp/err")"; fi
printf '[10:00:00] 买家: 在吗\n[10:00:20] 客服: 亲，您好，在的呢，请问有什么可以帮您\n[10:01:00] 买家: 好的谢谢\n[10:01:10] 客服: 不客气亲，感谢您的支持，祝您生活愉快\n' | "$cli" transcript - > /dev/null 2>&1; st=$?
if [ $st = 0 ]; then ok "a clean conversation exits 0"; else bad "clean conversation: exit $st"; fi
# Issue 12: exports in other encodings are converted by the shell, and files that are no chat
# say what was expected.
exports="$src/tests/fixtures/exports"
"$cli" transcript --format json "$exports/heading_space.txt" > "$tmp/utf8.json" 2>/dev/null
for f in gbk_heading.txt; do
  "$cli" transcript --format json "$exports/$f" > "$tmp/out" 2> "$tmp/err"; st=$?
  if [ $st = 1 ] && cmp -s "$tmp/out" "$tmp/utf8.json" && grep -q 'GB18030' "$tmp/err"; then ok "GB18030 export reads as its UTF-8 twin"; else bad "GB18030: exit $st $(head -c 300 "$tmp/err")"; fi
done
"$cli" transcript --format json "$exports/excel.csv" > "$tmp/csv8.json" 2>/dev/null
"$cli" transcript --format json "$exports/utf16.csv" > "$tmp/out" 2> "$tmp/err"; st=$?
if [ $st = 1 ] && cmp -s "$tmp/out" "$tmp/csv8.json" && grep -q 'UTF-16LE' "$tmp/err"; then ok "UTF-16 CSV reads as its UTF-8 twin"; else bad "UTF-16: exit $st $(head -c 300 "$tmp/err")"; fi
# Fed through a pipe in one-byte reads the UTF-16 sequences cut between blocks still convert.
cat "$exports/utf16.csv" | "$cli" transcript --format json - > "$tmp/out" 2>/dev/null
if cmp -s "$tmp/out" "$tmp/csv8.json"; then ok "UTF-16 from stdin"; else bad "UTF-16 from stdin"; fi
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10' > "$tmp/photo.png"
"$cli" transcript "$tmp/photo.png" > "$tmp/out" 2> "$tmp/err"; st=$?
if [ $st = 2 ] && grep -q '这是一张图片' "$tmp/err"; then ok "a photo exits 2 naming what was expected"; else bad "photo: exit $st $(head -c 300 "$tmp/err")"; fi
printf 'PK\x03\x04\x14\0\x06\0\x08\0[Content_Types].xml' > "$tmp/book.xlsx"
"$cli" transcript "$tmp/book.xlsx" > "$tmp/out" 2> "$tmp/err"; st=$?
if [ $st = 2 ] && grep -q '另存为' "$tmp/err" && grep -q 'CSV' "$tmp/err"; then ok "an .xlsx exits 2 asking for CSV"; else bad "xlsx: exit $st $(head -c 300 "$tmp/err")"; fi
"$cli" transcript --now 10:00 "$exports/excel.csv" > /dev/null 2> "$tmp/err"; st=$?
if [ $st = 2 ] && grep -q -- '--now' "$tmp/err"; then ok "--now without a date exits 2"; else bad "--now: exit $st"; fi
exit $fails
