#!/usr/bin/env python3
"""Runs every benchmark of bench/run on the same corpus and prints one side-by-side table.

usage: bench/run.py OUT_DIR CHECK_BENCH KEFU_CLI WASM_JS [--runs N] [--dist DIR] [--no-page]
                   [--generator PATH]
OUT_DIR holds terms.txt and transcript.txt (bench/corpus/make-corpus.py); the table also goes
to OUT_DIR/latest.md. Each figure is the median of N timed runs after one warm-up; every tool
gets the same bytes and the same terms, and each one's output is consumed (counted)."""
import argparse, gzip, json, os, platform, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def run_child(cmd, stdout=subprocess.PIPE, env=None):
    """Runs cmd under /usr/bin/time; returns (wall seconds, peak RSS bytes of that child, stdout).
    Output is always read (GNU grep stops at the first match when its stdout is /dev/null), and
    the peak comes from time(1): a child forked from this Python process would report Python's
    resident size as its own high-water mark."""
    fd, rss_path = tempfile.mkstemp()
    os.close(fd)
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_path] + cmd, stdout=stdout,
                       stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - t
    rss = open(rss_path).read().split()
    os.unlink(rss_path)
    if p.returncode not in (0, 1):  # grep and kefu-lint say "found something" with 1
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.decode(errors='replace')}")
    return wall, int(rss[-1]) * 1024, p.stdout or b""


def measure_process(cmd, runs):
    """One warm-up, then `runs` timed runs of a whole process (start, read, compile, scan, print)."""
    _, _, out = run_child(cmd)
    walls, peaks = [], []
    for _ in range(runs):
        wall, peak, _ = run_child(cmd)
        walls.append(wall * 1000)
        peaks.append(peak)
    walls.sort()
    return {"median_ms": statistics.median(walls), "min_ms": walls[0], "max_ms": walls[-1],
            "peak_rss_bytes": max(peaks), "stdout": out}


def json_of(cmd, env=None):
    _, peak, out = run_child(cmd, env=env)
    doc = json.loads(out)
    doc.setdefault("process_peak_rss_bytes", peak)
    return doc


def sizes(path):
    data = open(path, "rb").read()
    return len(data), len(gzip.compress(data, 9))


def machine():
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = 0
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem = int(line.split()[1]) // 1024
    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0].strip()
        except (OSError, IndexError):
            return "?"
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_mb": mem,
        "os": f"{platform.system()} {platform.release()}",
        "load": os.getloadavg()[0],
        "node": version(["node", "--version"]), "rg": version(["rg", "--version"]),
        "grep": version(["grep", "--version"]), "gcc": version(["g++", "--version"]),
        "emcc": version(["emcc", "--version"]),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("check_bench")
    ap.add_argument("cli")
    ap.add_argument("wasm_js")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dist", default="")
    ap.add_argument("--no-page", action="store_true")
    ap.add_argument("--generator", default="bench/corpus/make-corpus.py")
    a = ap.parse_args()
    terms_path = os.path.join(a.out, "terms.txt")
    text_path = os.path.join(a.out, "transcript.txt")
    text_bytes = os.path.getsize(text_path)
    terms = [t for t in open(terms_path, encoding="utf-8").read().split("\n") if t]
    mb = text_bytes / 1048576

    # The terms as a user pack: what check_bench.cpp and peers.mjs build in memory, for the CLI.
    pack_path = os.path.join(a.out, "terms-pack.json")
    json.dump({"pack": "bench", "rules": [{
        "id": "bench.terms", "kind": "terms", "category": "absolute_claim", "severity": "warning",
        "title": "bench", "message": "bench", "penalty": "", "source": "bench", "terms": terms,
        "examples": {"bad": ["x"], "good": ["y"]}}]}, open(pack_path, "w", encoding="utf-8"),
        ensure_ascii=False)

    rows = []  # (name, group, what, median_ms, hits, build_ms, peak_bytes, note)
    print(f"corpus: {text_bytes} bytes, {len(terms)} terms; {a.runs} runs after a warm-up", file=sys.stderr)

    print("native: kefu_check_bench", file=sys.stderr)
    native = json_of([a.check_bench, text_path, terms_path, "--runs", str(a.runs)])
    native_full_peak = json_of([a.check_bench, text_path, terms_path, "--only", "full"])["process_peak_rss_bytes"]
    rows.append(("kefu-lint native, check → JSON", "native", "in-process kefu::check, whole transcript",
                 native["full"]["median_ms"], native["full"]["hits"], native["pack_compile_ms"],
                 native_full_peak,
                 f"findings, all {native['rules']} rules; bench.terms alone {native['full']['terms_hits']}"))
    rows.append(("kefu-lint native, findings only", "native", "ReplyChecker::check, no JSON",
                 native["core"]["median_ms"], native["core"]["hits"], native["pack_compile_ms"], None,
                 f"bench.terms alone {native['core']['terms_hits']}"))
    rows.append(("kefu-lint native, line by line", "native", f"{native['lines']['lines']} lines, one check each",
                 native["lines"]["median_ms"], native["lines"]["hits"], native["pack_compile_ms"], None, ""))

    print("native: kefu-lint CLI, grep, rg (whole processes)", file=sys.stderr)
    cli = measure_process([a.cli, "check", "--format", "json", "--pack", pack_path, text_path], a.runs)
    cli_doc = json.loads(cli["stdout"])
    cli_terms = sum(1 for f in cli_doc["findings"] if f["rule"] == "bench.terms")
    rows.append(("kefu-lint CLI, check --format json", "native", "process: read, compile packs, check, print",
                 cli["median_ms"], len(cli_doc["findings"]), None, cli["peak_rss_bytes"],
                 f"same findings as in-process; bench.terms {cli_terms}"))
    grep = measure_process(["grep", "-F", "-c", "-f", terms_path, text_path], a.runs)
    rows.append(("GNU grep -F -c -f", "native", "process; matching lines", grep["median_ms"],
                 int(grep["stdout"]), None, grep["peak_rss_bytes"], "lines with ≥1 term"))
    rg = measure_process(["rg", "-j1", "-F", "-c", "-f", terms_path, text_path], a.runs)
    rows.append(("ripgrep -j1 -F -c -f", "native", "process; matching lines", rg["median_ms"],
                 int(rg["stdout"]), None, rg["peak_rss_bytes"], "lines with ≥1 term"))
    rg_all = measure_process(["rg", "-j1", "-F", "-o", "-f", terms_path, text_path], a.runs)
    rg_all_hits = rg_all["stdout"].count(b"\n")
    rows.append(("ripgrep -j1 -F -o -f", "native", "process; every match printed", rg_all["median_ms"],
                 rg_all_hits, None, rg_all["peak_rss_bytes"], "leftmost-first, non-overlapping"))

    print("node: wasm module and JS peers, one run", file=sys.stderr)
    node = ["node", "--no-experimental-fetch", os.path.join(here, "js", "peers.mjs"), terms_path, text_path,
            os.path.abspath(a.wasm_js), str(a.runs)]
    js = json_of(node)
    peaks = {}
    for name in js["peers"]:  # peak memory: one process per peer (a warm-up and one run)
        if name.endswith("check() only"):
            continue
        one = json_of(node[:-1] + ["1", name])
        peaks[name] = one["process_peak_rss_bytes"]
    for name, r in js["peers"].items():
        build = r.get("build_ms", js.get("wasm_load", {}).get("pack_compile_with_terms_ms") if "kefu" in name else None)
        note = r.get("unit", "")
        if "terms_hits" in r:
            note = f"findings, all rules; bench.terms alone {r['terms_hits']}"
        rows.append((name, "node", r.get("how", ""), r["median_ms"], r["hits"], build, peaks.get(name), note))

    # Ratios: kefu-lint's speed over each peer's, native against native, wasm against JS.
    ref = {"native": rows[0][3], "node": js["peers"]["kefu-lint wasm"]["median_ms"]}
    lines = []
    m = machine()
    lines.append(f"# kefu-lint benchmark\n")
    lines.append(f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_mb']} MB, {m['os']} "
                 f"(load average {m['load']:.1f} when it started); {m['gcc']}; {m['emcc']}; "
                 f"Node {m['node']}; {m['rg']}; {m['grep']}.\n")
    lines.append(f"Corpus: `{a.generator}` — {text_bytes:,} bytes of transcript "
                 f"({mb:.1f} MiB), {len(terms):,} terms. Median of {a.runs} runs after a warm-up.\n")
    lines.append("| tool | what is timed | median ms | MB/s | kefu-lint speed ÷ this one | hits | build ms | peak MB | hits are |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for name, group, what, ms, hits, build, peak, note in rows:
        ratio = ref[group] / ms if ms else 0
        ratio_s = "—" if name.startswith("kefu-lint") else f"{1 / ratio:.2f}×"
        lines.append(f"| {name} | {what} | {ms:.1f} | {mb / (ms / 1000):.1f} | {ratio_s} | {hits:,} | "
                     f"{'' if build is None else f'{build:.1f}'} | "
                     f"{'' if peak is None else f'{peak / 1048576:.0f}'} | {note} |")
    lines.append("")
    lines.append("`kefu-lint speed ÷ this one` compares the kefu-lint native check → JSON row with the native "
                 "peers and the kefu-lint wasm row with the JavaScript peers (same Node process); above 1 "
                 "kefu-lint is faster. grep and ripgrep times are whole processes (start, read, pattern "
                 "compile, count); compare them with the CLI row too.\n")
    for key, what in (("wasm_reply", "the built-in packs (what the page sends)"),
                      ("wasm_reply_terms", f"the built-in packs + the {len(terms):,}-term pack, whose "
                                           "23 KB of JSON travel inside the options of every call")):
        w = js.get(key)
        if w:
            lines.append(f"Single reply in wasm, {what}: {w['chars']} characters, {w['calls']:,} calls, "
                         f"check() + JSON.parse: p50 {w['p50_us']:.1f} µs, p99 {w['p99_us']:.1f} µs "
                         f"({w['findings']} findings).\n")
    lines.append(f"Single reply native (kefu::check → JSON, packs + terms): p50 {native['reply']['p50_us']:.1f} µs, "
                 f"p99 {native['reply']['p99_us']:.1f} µs.\n")
    wl = js.get("wasm_load", {})
    lines.append(f"Pack load: native {native['pack_compile_ms']:.1f} ms (real packs + {len(terms):,} terms); "
                 f"wasm: instantiate {wl.get('instantiate_ms', 0):.1f} ms, first check compiling the real packs "
                 f"+ terms {wl.get('pack_compile_with_terms_ms', 0):.1f} ms, the real packs alone "
                 f"{wl.get('pack_compile_real_packs_ms', 0):.1f} ms.\n")
    arts = [("wasm module (kefu_lint.js, wasm inside)", a.wasm_js), ("native CLI", a.cli)]
    if a.dist and os.path.exists(os.path.join(a.dist, "kefu-lint.html")):
        arts.insert(1, ("single-file page (kefu-lint.html)", os.path.join(a.dist, "kefu-lint.html")))
    lines.append("| artifact | raw KB | gzip -9 KB |")
    lines.append("|---|---:|---:|")
    for name, path in arts:
        raw, gz = sizes(path)
        lines.append(f"| {name} | {raw / 1024:.0f} | {gz / 1024:.0f} |")
    lines.append("")

    if not a.no_page:
        print("page: bench/page/measure.mjs (headless Chromium)", file=sys.stderr)
        p = subprocess.run(["node", os.path.join(here, "page", "measure.mjs"), "5"], capture_output=True,
                           text=True, cwd=root)
        lines.append("Page (bench/page/measure.mjs, 5 loads, the built `dist/`):\n")
        lines.append("```")
        lines.append((p.stdout or p.stderr).rstrip())
        lines.append("```\n")

    doc = "\n".join(lines) + "\n"
    open(os.path.join(a.out, "latest.md"), "w", encoding="utf-8").write(doc)
    json.dump({"machine": m, "native": native, "node": js, "rows": [r[:7] for r in rows]},
              open(os.path.join(a.out, "latest.json"), "w"), indent=1, default=str)
    print(doc)


if __name__ == "__main__":
    main()
