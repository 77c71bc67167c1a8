// One Node run: kefu-lint's wasm module and the JavaScript peers on the same terms and text.
// Prints one JSON document on stdout (bench/run.py turns it into the table).
//
// usage: node --no-experimental-fetch bench/js/peers.mjs TERMS.txt TRANSCRIPT.txt KEFU_LINT.js [RUNS [ONLY]]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const [termsPath, textPath, wasmJs, runsArg, only] = process.argv.slice(2);
const runs = Number(runsArg || 5);
// With ONLY, just that peer runs: bench/run.py starts one process per peer for peak memory.
const wanted = (name) => !only || only === name;
const terms = readFileSync(termsPath, 'utf8').split('\n').filter(Boolean);
const text = readFileSync(textPath, 'utf8');
const bytes = Buffer.byteLength(text);

// Warm-up once, then `runs` timed runs; the median is the figure. Every run's result is
// folded into `sink` so no engine can skip the work.
let sink = 0;
function measure(fn) {
  sink += fn();
  const ms = [];
  let hits = 0;
  for (let i = 0; i < runs; ++i) {
    const t = performance.now();
    hits = fn();
    ms.push(performance.now() - t);
    sink += hits;
  }
  ms.sort((a, b) => a - b);
  return { median_ms: ms[ms.length >> 1], min_ms: ms[0], max_ms: ms[ms.length - 1], hits };
}
function timed(fn) {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

const results = { bytes, terms: terms.length, runs, node: process.version, peers: {} };

// --- kefu-lint wasm: the whole transcript through check(), the real packs plus the terms pack.
const benchPack = {
  pack: 'bench',
  rules: [{
    id: 'bench.terms', kind: 'terms', category: 'absolute_claim', severity: 'warning',
    title: 'bench', message: 'bench', penalty: '', source: 'bench', terms,
    examples: { bad: ['x'], good: ['y'] },
  }],
};
const options = JSON.stringify({ platform: 'taobao', packs: [{ name: 'terms.json', json: JSON.stringify(benchPack) }] });
// The typed boundary (docs/wasm-api.md): the text's UTF-8 written straight into the module's
// memory, the findings back as one Uint32Array, six numbers each, with a rule index into the
// rules() table the caller fetches once (outside the timing).
const TYPED = 'kefu-lint wasm, typed boundary';
if (wanted('kefu-lint wasm') || wanted(TYPED)) {
  const src = readFileSync(wasmJs);
  results.artifact = { file: wasmJs, raw_bytes: src.length, gzip_bytes: gzipSync(src, { level: 9 }).length };
  const load = timed(() => require(wasmJs));
  const create = load.value;
  const t0 = performance.now();
  const kefu = await create();
  const instantiateMs = performance.now() - t0;
  // The first call compiles the packs (the engine keeps them for later calls).
  const first = timed(() => kefu.check('你好', options));
  const firstDefault = timed(() => kefu.check('你好', '{}'));
  results.wasm_load = {
    require_ms: load.ms, instantiate_ms: instantiateMs,
    pack_compile_with_terms_ms: first.ms, pack_compile_real_packs_ms: firstDefault.ms,
  };
  let benchHits = 0;
  if (wanted('kefu-lint wasm')) {
    const full = measure(() => {
      const out = JSON.parse(kefu.check(text, options));
      benchHits = 0;
      for (const f of out.findings) if (f.rule === 'bench.terms') ++benchHits;
      return out.findings.length;
    });
    results.peers['kefu-lint wasm'] = { ...full, terms_hits: benchHits, how: 'check() → JSON.parse, whole transcript' };
    // The same call without JSON.parse: what the module itself costs (the JSON text is consumed by
    // its length; the findings are those counted above).
    const bare = measure(() => kefu.check(text, options).length);
    results.peers['kefu-lint wasm, check() only'] = {
      ...bare, hits: full.hits, terms_hits: benchHits, how: 'check(), no JSON.parse',
    };
  }
  if (wanted(TYPED)) {
    const table = JSON.parse(kefu.rules('', options)).rules;
    const benchRule = table.findIndex((r) => r.id === 'bench.terms');
    let typedHits = 0;
    const typed = measure(() => {
      const answer = kefu.checkText(text, options);
      typedHits = 0;
      for (let i = 0; i < answer.findings.length; i += 6) if (answer.findings[i] === benchRule) ++typedHits;
      return answer.findings.length / 6;
    });
    results.peers[TYPED] = { ...typed, terms_hits: typedHits, how: 'checkText(): UTF-8 into memory, Uint32Array out' };
  }

  // One 500-character reply cut from the transcript: 10,000 calls, JSON parse included; with the
  // built-in packs (what the page sends) and with the terms pack inside the options.
  const reply = Array.from(text).slice(0, 500).join('');
  const latency = (opts) => {
    for (let i = 0; i < 200; ++i) sink += kefu.check(reply, opts).length;
    const us = [];
    let findings = 0;
    for (let i = 0; i < 10000; ++i) {
      const t = performance.now();
      const out = JSON.parse(kefu.check(reply, opts));
      us.push((performance.now() - t) * 1000);
      findings = out.findings.length;
    }
    us.sort((a, b) => a - b);
    return { chars: 500, calls: 10000, p50_us: us[5000], p99_us: us[9900], findings };
  };
  if (!only) {  // a one-peer run is for peak memory only
    results.wasm_reply = latency(JSON.stringify({ platform: 'taobao' }));
    results.wasm_reply_terms = latency(options);
  }
}

// --- mint-filter: its documented scan without replacement.
if (wanted('mint-filter')) {
  const { Mint } = require('mint-filter');  // its documented CommonJS entry
  const build = timed(() => new Mint(terms));
  const mint = build.value;
  const r = measure(() => mint.filter(text, { replace: false }).words.length);
  results.peers['mint-filter'] = {
    ...r, build_ms: build.ms, how: 'filter(text, {replace: false}), whole transcript',
    unit: 'words: one per end position, only the state reached (no suffix outputs)',
  };
}

// --- modern-ahocorasick: count(), which builds no match objects, one line at a time. Measured on
// this corpus: the default (compact) backend scans faster than /fast and /unicode-fast, and one
// count() over the whole 8 MB text grows faster than linearly (40,000 characters took 20 times
// longer whole than line by line), so each line is counted on its own, as a transcript's
// messages would be.
if (wanted('modern-ahocorasick')) {
  const { default: AhoCorasick } = await import('modern-ahocorasick');
  const build = timed(() => new AhoCorasick(terms));
  const ac = build.value;
  const lines = text.split('\n');
  const r = measure(() => {
    let n = 0;
    for (const line of lines) n += ac.count(line);
    return n;
  });
  results.peers['modern-ahocorasick'] = {
    ...r, build_ms: build.ms, how: 'count(line) for each line',
    unit: 'occurrences, overlaps included, within a line',
  };
}

// --- RegExp alternation: longest terms first so a longer term wins at the same position.
if (wanted('RegExp alternation')) {
  const escaped = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const build = timed(() => new RegExp(escaped.join('|'), 'gu'));
  const re = build.value;
  const r = measure(() => {
    let n = 0;
    re.lastIndex = 0;
    while (re.exec(text) !== null) ++n;
    return n;
  });
  results.peers['RegExp alternation'] = {
    ...r, build_ms: build.ms, how: 'exec() loop, /gu, longest first', unit: 'matches, leftmost, non-overlapping',
  };
}

results.peak_rss_bytes = process.resourceUsage().maxRSS * 1024;
results.sink = sink;
process.stdout.write(JSON.stringify(results, null, 1) + '\n');
