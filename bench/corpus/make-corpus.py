#!/usr/bin/env python3
"""Deterministic benchmark data for kefu-lint and its peers.

usage: make-corpus.py OUT_DIR [MEGABYTES]
Writes OUT_DIR/terms.txt (one term a line: 2,000 synthetic CJK terms plus every term in
extra-terms.txt) and OUT_DIR/transcript.txt (a chat transcript of about MEGABYTES MB in the
`[time] name: text` form, sentences drawn from the shop manuals in seeds/, bench/corpus/seeds).
Same inputs, same bytes, every run."""
import os, random, re, sys, datetime

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 8.0
rng = random.Random(20261123)
os.makedirs(out, exist_ok=True)

text = ""
seeds = os.path.join(here, "seeds")  # bench/corpus/seeds, shipped with the repository
for name in sorted(os.listdir(seeds)):
    text += open(os.path.join(seeds, name), encoding="utf-8").read()
sentences = [s.strip() for s in re.split(r"[。!?!?\n]", text) if 6 <= len(s.strip()) <= 80]
cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]

extra = [l.strip() for l in open(os.path.join(here, "extra-terms.txt"), encoding="utf-8") if l.strip()]
terms = set(extra)
while len(terms) < 2000 + len(extra):
    terms.add("".join(rng.choice(cjk) for _ in range(rng.randint(2, 5))))
with open(os.path.join(out, "terms.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(sorted(terms)) + "\n")

t = datetime.datetime(2024, 6, 18, 9, 0, 0)
size, limit = 0, int(megabytes * 1024 * 1024)
with open(os.path.join(out, "transcript.txt"), "w", encoding="utf-8") as f:
    while size < limit:
        t += datetime.timedelta(seconds=rng.randint(5, 400))
        who = "买家" if rng.random() < 0.45 else "客服"
        body = rng.choice(sentences)
        if who == "客服" and rng.random() < 0.3:
            body = "亲," + body
        line = f"[{t:%Y-%m-%d %H:%M:%S}] {who}: {body}\n"
        f.write(line)
        size += len(line.encode("utf-8"))
print(f"{len(terms)} terms, {size} bytes of transcript, {len(sentences)} distinct sentences")
