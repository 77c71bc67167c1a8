// The 本店规范 form's pack writer (web/js/shop-code.js) against the module the page ships: the pack
// it writes for the example code is valid, every example it generates is judged as labelled by
// the engine (bad ones flagged by their own rule, good ones not), and import takes back exactly
// the packs the form would write, whatever their key order, and nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromPack, toPack } from '../../web/js/shop-code.js';
import { STARTER } from '../../web/js/starter-pack.js';
import { loadModule } from './support.mjs';

const copy = (x) => JSON.parse(JSON.stringify(x));

test('the example code writes a valid pack whose examples the engine judges as labelled', async () => {
  const kefu = await loadModule();
  for (const hours of ['08:00-23:00', '00:00-23:59', '']) {
    const code = { ...copy(STARTER), hours };
    const { pack, origin } = toPack(code, null);
    assert.equal(pack.rules.length, origin.length);
    const json = JSON.stringify(pack);
    const valid = JSON.parse(kefu.validate(json, JSON.stringify({ name: 'myshop.json' })));
    assert.equal(valid.ok, true, JSON.stringify(valid));
    const options = JSON.stringify({ platform: 'taobao', shop: false, packs: [{ name: 'myshop.json', json }] });
    let judged = 0;
    for (const rule of pack.rules) {
      const run = rule.kind === 'terms' ? (text) => kefu.check(text, options) : (text) => kefu.transcript(text, options);
      for (const bad of rule.examples.bad) {
        const found = JSON.parse(run(bad)).findings.map((f) => f.rule);
        assert.ok(found.includes(rule.id), `${hours} ${rule.id} misses its bad example ${JSON.stringify(bad)}: ${found}`);
        judged++;
      }
      for (const good of rule.examples.good) {
        const found = JSON.parse(run(good)).findings.map((f) => f.rule);
        assert.ok(!found.includes(rule.id), `${hours} ${rule.id} flags its good example ${JSON.stringify(good)}`);
        judged++;
      }
    }
    assert.equal(judged, 2 * 3 + 3 * 1 + 3 * 1 + 2 * 1, 'every example was judged');
  }
});

test('overnight service hours are refused by the engine, which is why the form refuses them first', async () => {
  const kefu = await loadModule();
  const json = JSON.stringify(toPack({ ...copy(STARTER), hours: '20:30-06:00' }, null).pack);
  const out = JSON.parse(kefu.transcript('G: 在吗\nK: 在的', JSON.stringify({ platform: 'taobao', packs: [{ name: 'myshop.json', json }] })));
  assert.equal(out.errors?.[0]?.pointer, '/settings/service_hours', JSON.stringify(out));
});

test('limits become the rules the pack format has', () => {
  const { pack } = toPack({ ...copy(STARTER), warn: 45, error: 180, followup: 600 }, null);
  const byId = Object.fromEntries(pack.rules.map((r) => [r.id, r]));
  assert.equal(byId['myshop.reply-delayed'].after, 45);
  assert.equal(byId['myshop.reply-delayed'].until, 180);
  assert.equal(byId['myshop.reply-delayed'].penalty, '');
  assert.equal(byId['myshop.slow-response'].after, 180);
  assert.equal(byId['myshop.slow-response'].penalty, STARTER.fines.slow_response);
  assert.equal(byId['myshop.no-followup'].within, 600);
  assert.deepEqual(byId['myshop.no-followup'].closed_by, STARTER.closedBy);
  assert.equal(pack.settings.service_hours, '08:00-23:00');
  assert.match(byId['myshop.slow-response'].examples.bad[0], /^\[2024-06-18 08:01:00\] 买家: 在吗\n\[2024-06-18 08:04:01\] 客服/);
  const bare = toPack({ ...copy(STARTER), warn: '', error: '', followup: '', hours: '' }, null).pack;
  assert.equal(bare.settings, undefined);
  assert.deepEqual(bare.rules.map((r) => r.kind), ['terms', 'terms']);
});

test('import takes back what the form writes, in any key order, and refuses the rest', () => {
  const blockers = { 滚: ['滚筒洗衣机'], 有病: ['有病毒'] };
  const { pack } = toPack(copy(STARTER), blockers);
  assert.deepEqual(fromPack(copy(pack)), { ...copy(STARTER), allowed: ['滚筒洗衣机', '有病毒'] });
  const reversed = (x) => (Array.isArray(x) ? x.map(reversed)
    : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).reverse().map(([k, v]) => [k, reversed(v)])) : x);
  assert.ok(fromPack(reversed(pack)));
  const changed = (edit) => { const p = copy(pack); edit(p); return fromPack(p); };
  assert.equal(changed((p) => { p.rules[0].examples.bad.push('你爱买不买吧'); }), null, 'a hand-written example');
  assert.equal(changed((p) => { p.rules[0].title = '自己写的标题'; }), null, 'a hand-written title');
  assert.equal(changed((p) => { p.rules[1].penalty = '每次扣除5元'; }), null, 'two fines in one category');
  assert.equal(changed((p) => { p.rules[0].terms[0] = { term: '爱买不买', allow: ['不爱买不买'] }; }), null, 'a term object');
  assert.equal(changed((p) => { p.rules.push({ ...p.rules[0], id: 'myshop.x', kind: 'pattern' }); }), null, 'another kind');
  assert.equal(changed((p) => { p.equivalents = { 微信: ['vx'] }; }), null, 'another section');
  assert.equal(changed((p) => { p.blockers = { 滚: ['@lexicon'] }; }), null, 'a lexicon reference');
  for (const junk of [null, [], 'text', 7, {}, { pack: 3 }]) assert.equal(fromPack(junk), null);
});
