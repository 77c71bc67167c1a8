// The vocabulary crosses the boundary like every other answer: the module's vocabulary() is the
// CLI's `kefu-lint vocabulary --format json`, and a platform pack the code has never seen
// (tests/fixtures/vocab/xhs.json) is a platform in the module as in the CLI.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, cli, loadModule } from './support.mjs';

const XHS_FILE = path.join(ROOT, 'tests/fixtures/vocab/xhs.json');
const XHS = fs.readFileSync(XHS_FILE, 'utf8');
const withXhs = (extra) => JSON.stringify({ packs: [{ name: XHS_FILE, json: XHS }], ...extra });

test('vocabulary() equals the CLI, with and without a platform pack', async () => {
  const kefu = await loadModule();
  assert.equal(kefu.vocabulary('', '{}'), cli(['vocabulary', '--format', 'json']).out);
  assert.equal(kefu.vocabulary('', withXhs()), cli(['vocabulary', '--format', 'json', '--pack', XHS_FILE]).out);
  const text = JSON.parse(kefu.command('vocabulary', '', JSON.stringify({ format: 'text' })));
  assert.equal(text.status, 0);
  assert.equal(text.out, cli(['vocabulary']).out);
});

test('the platforms are the packs\' own names, in the order the module lists them', async () => {
  const kefu = await loadModule();
  const vocabulary = JSON.parse(kefu.vocabulary('', '{}'));
  assert.deepEqual(vocabulary.platforms.map((p) => p.name), JSON.parse(kefu.platforms()));
  for (const p of vocabulary.platforms) {
    const pack = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', `${p.name}.json`), 'utf8'));
    assert.equal(p.title, pack.title, p.name);
    assert.equal(p.title_en, pack.title_en, p.name);
    assert.ok(pack.platform, `${p.name} declares itself a platform`);
  }
  // Every category a handbook names is the vocabulary's.
  const handbook = JSON.parse(kefu.rules('', JSON.stringify({ platform: vocabulary.platforms[0].name })));
  assert.deepEqual(handbook.categories, vocabulary.categories);
});

test('a platform pack given as a user pack is listed, accepted and checked', async () => {
  const kefu = await loadModule();
  const vocabulary = JSON.parse(kefu.vocabulary('', withXhs()));
  assert.deepEqual(vocabulary.platforms.at(-1), { name: 'xhs', title: '小红书', title_en: 'Xiaohongshu', builtin: false });
  const reply = '亲，私信下单更便宜';
  const report = JSON.parse(kefu.check(reply, withXhs({ platform: 'xhs' })));
  assert.equal(report.platform, 'xhs');
  assert.ok(report.findings.some((f) => f.rule === 'xhs.private-message'), JSON.stringify(report));
  assert.equal(kefu.check(reply, withXhs({ platform: 'xhs' })),
    cli(['check', '--format', 'json', '--platform', 'xhs', '--pack', XHS_FILE, '-'], reply).out);
  // Without the pack, the refusal lists the platforms the vocabulary has.
  const refused = JSON.parse(kefu.command('check', reply, JSON.stringify({ platform: 'xhs' })));
  assert.equal(refused.status, 2);
  const names = JSON.parse(kefu.vocabulary('', '{}')).platforms.map((p) => p.name).join(', ');
  assert.equal(refused.err, `[usage.E001]: unknown platform "xhs"; expected one of: ${names}\n`);
});

test('the CLI help names the platforms of the packs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-vocab-'));
  try {
    const names = JSON.parse(cli(['vocabulary', '--format', 'json']).out).platforms.map((p) => p.name);
    const help = cli(['--help']).out;
    const line = help.split('\n').find((l) => l.startsWith('platforms: '));
    assert.ok(line, help);
    for (const name of names) assert.ok(line.includes(name), `${name} missing from ${line}`);
    // A pack that does not load is an error of the vocabulary command too.
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"pack":"bad","platform":{"order":"x"}}');
    assert.equal(cli(['vocabulary', '--pack', path.join(dir, 'bad.json')]).status, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
