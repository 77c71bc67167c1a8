// The JS boundary: emoji-safe offsets, errors as values, nothing escaping as a bare number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadModule } from './support.mjs';

const PACK = JSON.stringify({
  pack: 'nodetest', title: 'node test',
  rules: [{ id: 'nodetest.offsite', kind: 'terms', category: 'off_platform', severity: 'error', title: '站外',
    message: '不得引导到站外', penalty: '扣6分', source: 'test', terms: ['加微信'], suggestion: '旺旺联系',
    examples: { bad: ['加微信', '请加微信', '加微信吧'], good: ['微信支付', '旺旺', '加购'] } }],
});
const withPack = (extra) => JSON.stringify({ platform: 'taobao', packs: [{ name: 'n.json', json: PACK }], ...extra });

test('abiVersion is the one the page expects, platforms is a JSON list', async () => {
  const kefu = await loadModule();
  assert.equal(kefu.abiVersion(), 2);
  const platforms = JSON.parse(kefu.platforms());
  assert.ok(platforms.length >= 2 && platforms.every((p) => typeof p === 'string'), JSON.stringify(platforms));
  assert.deepEqual(platforms, JSON.parse(kefu.vocabulary('', '{}')).platforms.map((p) => p.name));
});

test('offsets after emoji and other non-BMP characters point at the same characters in JS', async () => {
  const kefu = await loadModule();
  const text = '😀👍🏻𠀋亲，加-微-信吧';
  const { findings } = JSON.parse(kefu.check(text, withPack()));
  const hit = findings.find((f) => f.rule === 'nodetest.offsite');
  assert.ok(hit, JSON.stringify(findings));
  assert.equal(text.slice(hit.start_utf16, hit.end_utf16), '加-微-信');
  assert.equal([...text].slice(hit.start, hit.end).join(''), '加-微-信');
  assert.equal(hit.text, '加-微-信');
});

test('bad options come back as an error value', async () => {
  const kefu = await loadModule();
  const answer = JSON.parse(kefu.check('你好', '{"platform": 7'));
  assert.equal(answer.errors[0].code, 'wasm.E001');
  assert.match(answer.errors[0].text, /^\[wasm\.E001\]: options: /);
  const unknown = JSON.parse(kefu.check('你好', '{"platform":"amazon"}'));
  assert.ok(unknown.errors.length >= 1);
});

test('hostile input never throws: lone surrogates, NUL, megabytes, broken packs', async () => {
  const kefu = await loadModule();
  const inputs = ['\ud800加微信\udfff', 'a\u0000b', '加微信'.repeat(200000), '', '{"messages":[{}]}'];
  for (const input of inputs) {
    for (const op of ['check', 'mask', 'transcript', 'deadlines', 'points', 'validate', 'rules']) {
      const out = kefu[op](input, op === 'validate' ? '{"name":"x.json"}' : withPack());
      assert.equal(typeof out, 'string', op);
      JSON.parse(out);
    }
  }
  const broken = JSON.parse(kefu.check('加微信', JSON.stringify({ packs: [{ name: 'b.json', json: '{"pack":' }] })));
  assert.ok(broken.errors[0].code.startsWith('pack.'), JSON.stringify(broken));
});

test('a custom pack is used on top of the built-in ones, and other formats can be asked for', async () => {
  const kefu = await loadModule();
  const answer = JSON.parse(kefu.check('请加微信', withPack()));
  assert.ok(answer.packs.includes('nodetest'));
  const text = kefu.check('请加微信', withPack({ format: 'text' }));
  assert.ok(!text.trimStart().startsWith('{') && text.includes('nodetest.offsite'), text);
});
