// The typed boundary (checkText, docs/wasm-api.md) against check()'s JSON: the same findings,
// finding for finding, once the compact answer is expanded with the rule table of rules().
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, cli, loadModule } from './support.mjs';

const STRIDE = 6;  // rule, severity, start, end, start_utf16, end_utf16
const SEEDS = path.join(ROOT, 'bench/corpus/seeds');
const seeds = fs.readdirSync(SEEDS).sort().map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'));
const tables = new Map();

async function ruleTable(options) {
  const kefu = await loadModule();
  if (!tables.has(options)) tables.set(options, JSON.parse(kefu.rules('', options)).rules);
  return tables.get(options);
}

// checkText's answer as check()'s JSON document, every finding expanded.
async function expanded(input, options, text = input) {
  const kefu = await loadModule();
  const answer = kefu.checkText(input, options);
  assert.ok(answer.findings instanceof Uint32Array);
  assert.equal(answer.findings.length % STRIDE, 0);
  const doc = JSON.parse(answer.out);
  if (doc.errors) return { answer, doc };
  assert.deepEqual(doc.findings, [], 'the head carries no findings');
  doc.findings = kefu.expandFindings(answer, await ruleTable(options), text);
  return { answer, doc };
}

async function assertSame(text, options = '{"platform":"taobao"}') {
  const kefu = await loadModule();
  const json = JSON.parse(kefu.check(text, options));
  const { answer, doc } = await expanded(text, options);
  assert.equal(doc.findings.length, json.findings.length);
  for (let i = 0; i < json.findings.length; i++) assert.deepEqual(doc.findings[i], json.findings[i], `finding ${i}`);
  assert.deepEqual(doc, json);
  const command = JSON.parse(kefu.command('check', text, options));
  assert.equal(answer.status, command.status);
  assert.equal(answer.err, command.err);
  const severities = JSON.parse(kefu.vocabulary('', '{}')).severities.map((s) => s.name);
  for (let i = 0; i < json.findings.length; i++) assert.equal(severities[answer.findings[i * STRIDE + 1]], json.findings[i].severity);
  return json;
}

test('checkText gives check()\'s findings on real replies, emoji and CJK included', async () => {
  let total = 0;
  for (const seed of seeds) total += (await assertSame(seed)).findings.length;
  assert.ok(total > 50, `the seed transcripts have findings (${total})`);
  const emoji = '😀👍🏻𠀋亲，加微信吧😀，保证明天到，全网最低价！手机13812345678，𠮷野家';
  const json = await assertSame(emoji);
  assert.ok(json.findings.some((f) => f.start !== f.start_utf16), 'offsets after non-BMP characters differ by unit');
  // On every platform, and with the shop pack off.
  for (const platform of JSON.parse((await loadModule()).platforms()))
    await assertSame(seeds[0].slice(0, 5000) + emoji, JSON.stringify({ platform, shop: false }));
});

test('a suggestion of its own (a masked number) travels beside the arrays', async () => {
  const json = await assertSame('亲，我的手机是13812345678，身份证110101199003071234，直接打给我');
  const kefu = await loadModule();
  const answer = kefu.checkText('亲，我的手机是13812345678，直接打给我', '{}');
  const own = JSON.parse(answer.suggestions);
  assert.deepEqual(own, [[0, '138****5678']]);  // the number masked for this hit
  const rules = await ruleTable('{}');
  for (const [i, s] of own) assert.notEqual(s, rules[answer.findings[i * STRIDE]].suggestion);
  assert.ok(json.findings.length > 0);
});

test('bytes are taken as they are: invalid UTF-8 gets the warning check() gives, at the same place', async () => {
  const good = Buffer.from('亲，加微信吧，', 'utf8');
  const bytes = new Uint8Array(Buffer.concat([good, Buffer.from([0xff, 0xfe]), Buffer.from('保证明天到😀全网最低价', 'utf8')]));
  const text = new TextDecoder().decode(bytes);  // each lone byte one U+FFFD, as the core reads it
  const { answer, doc } = await expanded(bytes, '{}', text);
  const native = cli(['check', '--format', 'json', '-'], Buffer.from(bytes));
  const want = JSON.parse(native.out);
  assert.ok(want.warnings.length === 2 && want.warnings[0].code === 'input.E101', native.out);
  assert.deepEqual(doc, want);
  assert.equal(answer.status, native.status);
  assert.match(answer.err, /input\.E101/);
});

test('empty input, bad options and an unknown platform', async () => {
  const kefu = await loadModule();
  for (const input of ['', new Uint8Array(0)]) {
    const answer = kefu.checkText(input, '{}');
    assert.equal(answer.findings.length, 0);
    assert.equal(answer.status, 0);
    assert.deepEqual(JSON.parse(answer.out), JSON.parse(kefu.check('', '{}')));
  }
  const bad = kefu.checkText('加微信', '{"platform": 7');
  assert.equal(bad.status, 2);
  assert.equal(bad.findings.length, 0);
  assert.equal(JSON.parse(bad.out).errors[0].code, 'wasm.E001');
  assert.deepEqual(JSON.parse(kefu.checkText('加微信', '{"platform":"amazon"}').out), JSON.parse(kefu.check('加微信', '{"platform":"amazon"}')));
});

test('a 10 MB input: the same findings as check(), and the answer is a copy the next call cannot change', async () => {
  const kefu = await loadModule();
  const unit = seeds.join('\n');
  let text = '';
  while (Buffer.byteLength(text) < 10 << 20) text += unit + '\n';
  const json = await assertSame(text);
  assert.ok(json.findings.length > 1000, `${json.findings.length} findings`);
  const big = kefu.checkText(text, '{"platform":"taobao"}');
  const before = big.findings.slice();
  kefu.checkText('亲，加微信吧', '{"platform":"taobao"}');
  assert.deepEqual(big.findings, before);
});

test('checkListed gives check()\'s document with its first findings only, for each choice of packs', async () => {
  const kefu = await loadModule();
  const text = seeds.join('\n');
  for (const options of ['{"platform":"taobao"}', '{"platform":"pdd","shop":false}', '{"platform":"taobao"}']) {
    const json = JSON.parse(kefu.check(text, options));
    assert.ok(json.findings.length > 40, options);
    assert.deepEqual(JSON.parse(kefu.checkListed(text, options, 40)), { ...json, findings: json.findings.slice(0, 40) }, options);
    const answer = kefu.checkText(text, options);
    assert.deepEqual(kefu.expandFindings(answer, await ruleTable(options), text, 7, 12), json.findings.slice(7, 12));
  }
  assert.equal(JSON.parse(kefu.checkListed('加微信', '{"platform": 7', 10)).errors[0].code, 'wasm.E001');
});
