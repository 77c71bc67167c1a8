#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora, tests/fuzz/corpus/<target>/, from the rule packs' examples,
the golden-file inputs and a few hand-written hostile inputs. Rerun after the packs grow:
    python3 tests/fuzz/make_corpus.py
Files are named by content hash, so reruns only add; regression inputs saved by hand stay."""
import glob
import hashlib
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "fuzz", "corpus")


def write(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)


def packs():
    files = sorted(glob.glob(os.path.join(ROOT, "rules", "*.json")))
    files += sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "packs", "*.json")))
    for path in files:
        with open(path, encoding="utf-8") as f:
            yield os.path.basename(path), f.read()


def reply_seeds():
    """Every example string of every rule, and the golden reply inputs."""
    texts = []
    for _, text in packs():
        doc = json.loads(text)
        for rule in doc.get("rules", []):
            for side in ("bad", "good"):
                for ex in rule.get("examples", {}).get(side, []):
                    if isinstance(ex, str):
                        texts.append(ex)
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "golden", "check", "*.txt"))):
        if ".out." not in path:
            with open(path, encoding="utf-8") as f:
                texts.append(f.read())
    return texts


HOSTILE_REPLIES = [
    b"\xc3\x28\xff \xe5\x8a\xa0\xe5\xbe\xae\xe4\xbf\xa1",      # bad bytes, then 加微信
    b"\xed\xa0\x80\xf4\x90\x80\x80\xc0\xaf\xe0\x80\xaf",      # surrogate, > U+10FFFF, overlongs
    "😀加😀微😀信😀，电话138 1234 5678".encode(),
    "親，這款商品現在沒有貨了，加威信聊".encode(),
    "ＶＸ：ａｂｃ１２３４５，嗯嗯嗯嗯嗯".encode(),
    "\u200b加\u200d微\ufe0f信\u3000开\n发\t票".encode(),
]


def main():
    for i, text in enumerate(reply_seeds()):
        write("reply", bytes([i % 4]) + text.encode("utf-8"))
    for i, raw in enumerate(HOSTILE_REPLIES):
        write("reply", bytes([i % 4]) + raw)

    # Packs: one seed per rule (small seeds mutate well), plus each whole section alone.
    for name, text in packs():
        doc = json.loads(text)
        head = {k: doc[k] for k in ("pack", "title", "equivalents") if k in doc}
        for rule in doc.get("rules", []):
            write("pack", json.dumps(dict(head, rules=[rule]), ensure_ascii=False))
            # Conversation rules' examples are small transcripts.
            if rule.get("kind", "") not in ("terms", "substitution", "proximity", "length",
                                            "only_terms", "detector"):
                for side in ("bad", "good"):
                    for ex in rule.get("examples", {}).get(side, []):
                        s = ex if isinstance(ex, str) else json.dumps(ex, ensure_ascii=False)
                        write("transcript", b"\x00" + s.encode("utf-8"))
        for section in ("deadlines", "points", "settings", "extends"):
            if doc.get(section):
                write("pack", json.dumps(dict(head, **{section: doc[section]}), ensure_ascii=False))
        if len(text) < 16384:
            write("pack", text)

    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "golden", "transcript", "*"))):
        if ".out." not in path and os.path.isfile(path):
            with open(path, "rb") as f:
                data = f.read()
            for sel in (0, 1, 2):
                write("transcript", bytes([sel * 4]) + data)
    for sel, text in enumerate([
        '{"messages":[{"time":"2024-06-18 10:00:00","from":"buyer","text":"在吗"},'
        '{"time":"2024-06-18 10:07:00","from":"agent","text":"嗯"}]}',
        "[2024-06-18 10:00:00] tb_123: 在吗\n[2024-06-18 10:01:00] 小美: 亲，您好\n续行\n"
        "[2024-06-18 10:02:00] 系统: 买家已下单\n",
        "G: 在吗\nK: 嗯\nQ: 质检备注\nG: 拍错了，不想买了\nK: 亲，感谢您的耐心等待，祝您生活愉快",
        "[2024/6/18 10:00] a: \xff\xfe\n[2024年6月18日 10:00] b: 😀",
    ]):
        write("transcript", bytes([sel * 4]) + text.encode("utf-8", "surrogateescape"))

    # Deadlines: FuzzedDataProvider reads the mode and format bytes from the end of the input.
    facts = [
        {"platform": "taobao", "shipping": "express",
         "events": {"ordered": "2024-06-18 10:00:00", "paid": "2024-06-18 10:05:00"}},
        {"platform": "tmall", "shipping": "ems", "vat_invoice": True,
         "events": {"paid": "2024/6/18 10:00", "shipped": "2024年6月19日 09:00",
                    "received": "2024-06-21T15:00:00+08:00", "trade_success": "2024-06-22",
                    "invoice_requested": "2024-06-23T01:00:00Z"}},
        {"platform": "pdd", "shipping": "surface", "presale_ship_by": "2024-07-01",
         "events": {"paid": "2024-06-18 10:00:00", "grouped": "2024-06-18 12:00:00",
                    "refund_requested": "2024-06-19 10:00:00"}},
        {"platform": "jd", "shipping": "express", "now": "2024-06-30 00:00:00",
         "events": {"shipped": "2024-06-18 10:00:00", "paid": "2024-06-19 10:00:00"}},
        {"platform": "1688", "shipping": "express", "invoice_committed": True,
         "events": {"ordered": "2024-02-30 10:00:00", "complaint": "2024-06-18 25:00"}},
    ]
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "golden", "deadlines", "*.json"))):
        if ".out." not in path:
            with open(path, encoding="utf-8") as f:
                try:
                    facts.append(json.load(f))
                except ValueError:
                    pass
    for i, fact in enumerate(facts):
        write("deadlines", json.dumps(fact, ensure_ascii=False).encode() + bytes([i % 2, 0]))
    for i in range(8):  # structured mode: any bytes, mode byte 2 or 3 last
        write("deadlines", hashlib.sha256(bytes([i])).digest() + bytes([1, 2 + i % 2]))
    for now in ("2024-06-18 10:00:00", "2024/6/18 10:00", "2024年6月18日", "2024-06-18T10:00:00Z",
                "2024-13-45 99:99:99", "99999999999-01-01", "-1"):
        write("deadlines", bytes([len(now.encode())]) + now.encode() + b"\x06" + "2024-06-18".encode()
              + bytes([1, 1]))

    for text in ['{"platform":"jd","shop":false,"format":"json","now":"2024-06-18 10:00",'
                 '"clock":1718676000,"agent":"小美","buyer":"tb_1","packs":[{"name":"a.json","json":"{}"}]}',
                 '{"format":"html"}', '{"clock":1e300}', '{"packs":[{"name":7,"json":"{}"}]}', "[]"]:
        write("options", text)


if __name__ == "__main__":
    main()
