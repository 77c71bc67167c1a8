#!/usr/bin/env bash
# A new platform with no code change, as a user adds one: a platform pack in a packs directory of
# their own, given with --pack, is listed by `kefu-lint vocabulary`, accepted by --platform,
# named when another platform is refused, and checked. The help lists the built-in platforms
# from the packs (kefu-lint vocabulary), not from a table in the CLI.
set -u
cli="$1"; root="$2"
fails=0
ok() { echo "ok   $1"; }
no() { echo "FAIL $1"; fails=$((fails+1)); }
packs=$(mktemp -d); trap 'rm -rf "$packs"' EXIT
cp "$root/tests/fixtures/vocab/xhs.json" "$packs/xhs.json"

out=$("$cli" vocabulary --pack "$packs/xhs.json"); st=$?
if [ $st = 0 ] && [[ "$out" == *"xhs         小红书 / Xiaohongshu  (--pack)"* ]]; then ok "vocabulary lists the pack's platform";
else no "vocabulary with the pack ($st): $out"; fi

help=$("$cli" --help)
line=$(grep '^platforms: ' <<< "$help")
first=$("$cli" vocabulary | sed -n '2s/^  \([^ ]*\) .*/\1/p')
if [[ "$line" == "platforms: $first (default), "* ]]; then ok "help lists the platforms of the packs"; else no "help: $line"; fi
for p in $("$cli" vocabulary | sed -n '/^平台/,/^类别/s/^  \([^ ]*\) .*/\1/p'); do
  [[ "$line" == *"$p"* ]] || no "help lacks $p"
done

err=$(printf '亲，私信下单更便宜' | "$cli" check --platform xhs - 2>&1 >/dev/null); st=$?
if [ $st = 2 ] && [[ "$err" == "[usage.E001]: unknown platform \"xhs\"; expected one of: "* ]] && [[ "$err" != *xhs,* ]]; then
  ok "without the pack the platform is refused"; else no "refusal ($st): $err"; fi

out=$(printf '亲，私信下单更便宜' | "$cli" check --platform xhs --pack "$packs/xhs.json" -); st=$?
if [ $st = 1 ] && [[ "$out" == *"xhs.private-message"* ]]; then ok "with the pack its rule is checked"; else no "check ($st): $out"; fi

err=$(printf '你好' | "$cli" check --platform amazon --pack "$packs/xhs.json" - 2>&1 >/dev/null); st=$?
if [ $st = 2 ] && [[ "$err" == *", xhs" ]]; then ok "an unknown platform's refusal names the pack's platform"; else no "refusal with pack ($st): $err"; fi

out=$("$cli" rules --platform xhs --pack "$packs/xhs.json" --format markdown | head -1)
[ "$out" = "# 规则手册 · 小红书" ] && ok "the handbook is titled with the pack's name" || no "handbook title: $out"

out=$(printf '亲，私信下单更便宜' | "$cli" check --pack "$packs/xhs.json" --format json -)
[[ "$out" != *"xhs.private-message"* ]] && ok "another platform's pack stays out" || no "xhs rule on the default platform"

out=$(printf '{"platform":"xhs","events":{"paid":"2024-06-18T10:00:00+08:00"}}' |
  "$cli" deadlines --now 2024-06-18T12:00:00+08:00 --pack "$packs/xhs.json" - | head -1)
[ "$out" = "订单时效 · 小红书 (xhs) · 现在 2024-06-18 12:00:00（北京时间）" ] && ok "deadlines name the pack's platform" || no "deadlines header: $out"

"$cli" vocabulary --format csv >/dev/null 2>&1; [ $? = 2 ] && ok "vocabulary refuses csv" || no "vocabulary csv"
exit $fails
