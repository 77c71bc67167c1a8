#!/usr/bin/env python3
"""One-off migration (issue 13): rewrite every "source" string in rules/*.json from seed file names
and the section notes of an old working file (the names it matches below) into ids of
rules/sources.json ("id" or "id（where in it）", joined by "; "). Only the text of "source"
string values changes, in place, so edits others make to other fields of the same files at the
same time survive. Run again: already-converted values stay."""
import json, pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = {"000_5df76d0ebd2e5d5f.txt": "shop-basic-rules", "001_2511475cb3de6bb8.txt": "shop-operations",
         "002_aa332c1ce3d77052.txt": "shop-procedures", "003_20e2b8cc9e5aaf9b.txt": "shop-platform-basics",
         "004_fa46e3387869b6a3.txt": "shop-platform-digest"}
PDD48 = "pdd-shipping（默认48小时；本平台未找到默认发货时限的来源，参照此值）; douyin-shipping（默认48小时）"
PRESALE = "douyin-presale（预售按约定时间发货是各平台的共同做法；本平台未找到发货时限来源）; wechat-shipping"
# Each cited section note, by its exact text, to the registry entries it stands for ("" = the seed
# alone states it, so the seed citation next to it is the whole source).
PUBLIC = {
  "§1（《网络购买商品七日无理由退货暂行办法》：签收次日起算；民法典第201条：期间末日24:00截止）": "law-7day-return（签收次日起算）; law-civil-code（第201条：期间末日24:00截止）",
  "§2 广告法第16–18条、第58条": "law-advertising（第16–18条、第58条）",
  "§2 广告法第9条、第57条及《广告绝对化用语执法指南》（2023-03-20）": "law-advertising（第9条、第57条）; law-ad-absolute-terms",
  "§2 消费者权益保护法第25条": "law-consumer-protection（第25条）",
  "§2 消费者权益保护法第25条及《网络购买商品七日无理由退货暂行办法》": "law-consumer-protection（第25条）; law-7day-return",
  "§2 电子商务法第17条": "law-ecommerce（第17条）",
  "§2 网络反不正当竞争暂行规定第9条第5项": "law-online-unfair-competition（第9条第5项）",
  "§2 网络反不正当竞争暂行规定第9条第5项（2024-09-01施行）": "law-online-unfair-competition（第9条第5项）",
  "§2、§7（三包第9、10条）": "law-three-guarantees（第9、10条）",
  "§3 拼多多不文明服务处罚": "pdd-uncivil-service",
  "§3 拼多多诱导非官方交易": "pdd-off-platform",
  "§3 诱导非官方交易": "pdd-off-platform",
  "§3 拼多多（2020-02-03起；任一消息3分钟未人工回复即计未回复；无固定达标线）": "pdd-reply-rate（任一消息3分钟未人工回复即计未回复；无固定达标线）",
  "§3、§4（拼多多、抖音默认48小时）": PDD48,
  "§3（《拼多多发货规则》经 borongbank 转述：普通商品成团后48小时内发货；延迟发货每单3元无门槛券，agoow：再超3天判缺货另赔5元）": "pdd-shipping（普通商品成团后48小时内发货；延迟发货每单3元无门槛券，再超3天判缺货另赔5元）",
  "§3（预售/特殊商品按商品页约定时间发货）": "pdd-shipping（预售、特殊商品按商品页约定时间发货）",
  "§4 抖音小店客服禁止事项（seo186, weak）": "douyin-cs-prohibited",
  "§4 抖音消极服务（2023七夕大促考核说明）": "douyin-negative-service",
  "§4 抖音电商整治“消除差评”（2025-09-05）": "douyin-review-removal",
  "§4 抖音（08:00-23:00；未见达标线）": "douyin-reply-rate（08:00-23:00；未见达标线）",
  "§4（抖音小店发货时间设置规则，2023-11-25：默认48小时；发货超时以上传真实单号并完成揽收为准，maibaba 1913）": "douyin-shipping（默认48小时）; douyin-shipping-conduct（发货超时以上传真实单号并完成揽收为准）",
  "§4（预售最长15天，按约定时间发货）": "douyin-presale（预售最长15天，按约定时间发货）",
  "§5": "",
  "§5 淘宝网七天无理由退货规范": "taobao-7day-return",
  "§5 淘宝网评价规范（2021-12-28）": "taobao-review",
  "§5（confirmed）": "taobao-auto-confirm",
  "§5（seed-only）": "",
  "§5（不当获取使用信息 B类 2/6/48 分为单次扣分，不是节点）": "taobao-info-misuse（B类 2/6/48 分为单次扣分，不是节点）",
  "§5（淘宝：卖家可设24小时/48小时/72小时/5天/7天/15天发货承诺；未设置时默认72小时（maijiaw 2024-02-06），另一来源称48小时；延迟发货按5%赔付，最低5元、最高30元，2015-10-29起试行，主动赔付前投诉成立另扣3分）": "taobao-shipping（卖家可设24小时/48小时/72小时/5天/7天/15天发货承诺；未设置时默认72小时，另一来源称48小时；延迟发货按5%赔付，最低5元、最高30元，2015-10-29起试行，主动赔付前投诉成立另扣3分）",
  "§5（淘宝：发货时间以卖家承诺为准，预售等另行约定的按约定时间）": "taobao-shipping（发货时间以卖家承诺为准，预售等另行约定的按约定时间）",
  "§6": "tmall-shipping",
  "§6 天猫发票管理规范（2020-07-13）": "tmall-invoice",
  "§6（2020-07-13《天猫发票管理规范》）": "tmall-invoice",
  "§6（seed-only）": "",
  "§6（《天猫发票管理规范》2020-07-13：一般违规扣满12分支付违约金1万元）": "tmall-invoice（一般违规扣满12分支付违约金1万元）",
  "§6（官方预售：另赔30%，≤500元）": "tmall-shipping（官方预售：另赔30%，不超过500元）",
  "§7 京东（热情掌柜标签，2022-09-16）": "jd-warm-shopkeeper",
  "§7 快手（2021-09-01起 商户客服3分钟回复率不应低于70%）": "kuaishou-cs-rules（商户客服3分钟回复率不应低于70%）",
  "§7 快手（2021-09-01起）": "kuaishou-cs-rules",
  "§7 快手（2026分档考核，未核实）": "kuaishou-reply-tiers",
  "§7（1688：有约定发货时间的按约定，未约定的付款后72小时）": "1688-shipping（有约定发货时间的按约定，未约定的付款后72小时）",
  "§7（1688：未约定发货时间的，买家付款后72小时内发货，发货时间以物流记录为准；延迟按5%赔付，最高30元、最低5元，阿里巴巴不发货怎么投诉，2024-01）": "1688-shipping（未约定发货时间的，买家付款后72小时内发货，发货时间以物流记录为准；延迟按5%赔付，最高30元、最低5元）",
  "§7（seed-only）": "",
  "§7（京东：未找到发货时限来源；预售按约定时间是各平台的共同做法，见 rule-sources.md §4、§7）": PRESALE,
  "§7（快手：未找到发货时限来源；预售按约定时间是各平台的共同做法，见 rule-sources.md §4、§7）": PRESALE,
  "§7（京东：未找到默认发货时限的来源）": "",
  "§7（快手：未找到默认发货时限的来源）": "",
  "§7（微信小程序：未另行约定的，付款后48小时内发货）": "wechat-shipping（未另行约定的，付款后48小时内发货）",
  "§8": "guide-cs-banned-words",
  "§8（淘宝、拼多多、抖音）": "guide-cs-banned-words",
  "§9": "guide-ad-extreme-words",
  "§9 医疗功效": "guide-medical-words",
  "§9 客服 chat (Taobao) high-risk words": "guide-cs-banned-words",
  "§9 客服 chat high-risk words": "guide-cs-banned-words",
  "§9 客服禁忌语": "guide-cs-taboo-phrases",
}
ID = re.compile(r"^[a-z0-9][a-z0-9-]*")
# A section note not listed above (a rule written since): its registry entries by the names it
# mentions, the note itself kept as the place.
KEYWORDS = [("广告法", "law-advertising"), ("广告绝对化用语", "law-ad-absolute-terms"),
            ("反不正当竞争", "law-online-unfair-competition"), ("消费者权益保护法", "law-consumer-protection"),
            ("七日无理由退货暂行办法", "law-7day-return"), ("七天无理由退货规范", "taobao-7day-return"), ("电子商务法", "law-ecommerce"), ("民法典", "law-civil-code"),
            ("三包", "law-three-guarantees"), ("评价规范", "taobao-review"), ("诱导非官方交易", "pdd-off-platform"),
            ("不文明", "pdd-uncivil-service"), ("消极服务", "douyin-negative-service"), ("消除差评", "douyin-review-removal"),
            ("热情掌柜", "jd-warm-shopkeeper"), ("快手", "kuaishou-cs-rules"), ("天猫发票", "tmall-invoice"),
            ("医疗", "guide-medical-words"), ("禁忌语", "guide-cs-taboo-phrases")]
SECTION_DEFAULT = {"§6": "tmall-shipping", "§8": "guide-cs-banned-words", "§9": "guide-ad-extreme-words"}


def fallback(key):
    ids = [i for k, i in KEYWORDS if k in key]
    if not ids:
        sec = re.match(r"§\d+", key)
        if sec and sec.group(0) in SECTION_DEFAULT:
            ids = [SECTION_DEFAULT[sec.group(0)]]
    if not ids:
        sys.exit("no mapping for: rule-sources.md " + key)
    place = re.sub(r"^§\d+(、§\d+)*\s*", "", key).strip()
    for name in ("广告法", "电子商务法", "消费者权益保护法", "淘宝网七天无理由退货规范", "抖音消极服务"):
        if place.startswith(name):  # the registry entry already names it
            place = place[len(name):].strip()
    if place.startswith("（") and place.endswith("）"):
        place = place[1:-1]
    # Notes in English ("最-words 与 一/first 列表") or about confidence are for the pack's authors.
    if re.search(r"seed-only|weak|confirmed|[A-Za-z]{3,}", place) or not place:
        return "; ".join(ids)
    return "; ".join([ids[0] + "（" + place + "）"] + ids[1:])


def convert(value, ids):
    parts = re.split(r"\s*[;；]\s*(?=rule-sources\.md|\d{3}_[0-9a-f]{16}\.txt)", value.strip())
    out = []
    for part in parts:
        if part.startswith("rule-sources.md "):
            key = part[len("rule-sources.md "):].strip()
            out += [e for e in (PUBLIC[key] if key in PUBLIC else fallback(key)).split("; ") if e]
        elif part[:24] in SEEDS:
            rest = part[24:].strip()
            if rest and not rest.startswith("（"):
                rest = "（" + rest + "）"
            out.append(SEEDS[part[:24]] + rest)
        else:
            m = ID.match(part)
            if not m or m.group(0) not in ids:
                sys.exit("not a citation: " + part)
            out.append(part)
    kept, seen = [], set()
    for e in out:  # the same document cited twice without a place in it adds nothing
        i = ID.match(e).group(0)
        if e == i and i in seen:
            continue
        if e != i and i in seen and i in kept:  # a bare id first, a located one later: keep the located
            kept.remove(i)
        seen.add(i)
        kept.append(e)
    return "; ".join(kept)


PAT = re.compile(r'("source"\s*:\s*)("(?:[^"\\]|\\.)*")')


def convert_text(text, ids):
    return PAT.sub(lambda m: m.group(1) + json.dumps(convert(json.loads(m.group(2)), ids), ensure_ascii=False), text)


def registry_ids():
    return {s["id"] for s in json.loads((ROOT / "rules/sources.json").read_text())["sources"]}


def main():
    ids = registry_ids()
    if len(sys.argv) > 1:  # filter mode: convert stdin to stdout
        sys.stdout.write(convert_text(sys.stdin.read(), ids))
        return
    for path in sorted((ROOT / "rules").glob("*.json")):
        if path.name in ("pack.schema.json", "sources.json"):
            continue
        text = path.read_text()
        new = convert_text(text, ids)
        if new != text:
            json.loads(new)
            path.write_text(new)
            print("rewrote", path.relative_to(ROOT))


if __name__ == "__main__":
    main()
