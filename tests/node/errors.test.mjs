// The module answers as the CLI does, errors included: command(name, input, options) gives the
// exit status, stdout and stderr that `kefu-lint <command> --format json` gives for the same
// input, and the glue's own errors are printed in the one form every error has.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, loadModule } from './support.mjs';

function native(args, input = '', cwd = undefined) {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run scripts/build first`);
  const r = spawnSync(CLI, args, { input, cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const FACTS_OK = JSON.stringify({ platform: 'taobao', events: { paid: '2024-06-18 10:00:00' } });
const BAD_PACK = '{"pack":"my","title":"t","rules":[{"id":"other.x","kind":"terms","category":"nope",'
  + '"severity":"fatal","title":"t","message":"m","terms":["a"],"examples":{"bad":["a"],"good":["b"]}}]}';

// [what, command, CLI arguments, module options, input]
const CASES = [
  ['a clean reply', 'check', ['--platform', 'jd'], { platform: 'jd' }, '亲，您好，有什么可以帮您'],
  ['a reply with findings', 'check', [], {}, '加我微信，保证全网最低价'],
  ['an unknown platform', 'check', ['--platform', 'amazon'], { platform: 'amazon' }, '你好'],
  ['a format rules cannot print', 'rules', ['--format', 'csv'], { format: 'csv' }, ''],
  ['facts that are not JSON', 'deadlines', ['--now', '2024-06-18 12:00'], { now: '2024-06-18 12:00' }, '{"platform":'],
  ['facts in English', 'deadlines', ['--now', '2024-06-18 12:00', '--lang', 'en'], { now: '2024-06-18 12:00', lang: 'en' }, '[1]'],
  ['good facts', 'deadlines', ['--now', '2024-06-18 12:00'], { now: '2024-06-18 12:00' }, FACTS_OK],
  ['a bad --now', 'deadlines', ['--now', 'soon'], { now: 'soon' }, FACTS_OK],
  ['a transcript', 'transcript', [], {}, '[2024-06-18 10:00:00] 买家: 在吗\n[2024-06-18 10:00:20] 客服: 在的，加我vx\n'],
  ['a transcript that is not one', 'transcript', [], {}, '   \n'],
  ['an unknown scenario', 'phrases', ['--scenario', 'nope'], {}, 'nope'],
];

test('command() gives the CLI status, stdout and stderr, errors included', async () => {
  const kefu = await loadModule();
  let errors = 0;
  for (const [what, command, args, options, input] of CASES) {
    const format = args.includes('--format') ? [] : ['--format', 'json'];
    const n = native([command, ...args, ...format, ...(command === 'rules' || command === 'phrases' ? [] : ['-'])], input);
    const m = JSON.parse(kefu.command(command, command === 'phrases' ? 'nope' : input, JSON.stringify({ ...options, format: options.format || 'json' })));
    assert.equal(m.status, n.status, `${what}: status`);
    assert.equal(m.out, n.out, `${what}: stdout`);
    assert.equal(m.err, n.err, `${what}: stderr`);
    // The per-command export is command()'s out.
    assert.equal(kefu[command](command === 'phrases' ? 'nope' : input, JSON.stringify({ ...options, format: options.format || 'json' })), m.out);
    if (m.status === 2) {
      errors += 1;
      // Errors: on stderr, one a line in the one printed form; in JSON format also one document
      // on stdout whose texts are those lines (other formats print nothing on stdout).
      for (const line of m.err.trimEnd().split('\n')) assert.match(line, /^\[[a-z]+\.[EW]\d{3}\][^\]]*: /, `${what}: ${line}`);
      if ((options.format || 'json') === 'json') {
        const doc = JSON.parse(m.out);
        assert.ok(doc.errors.length >= 1, what);
        assert.deepEqual(doc.errors.map((e) => e.text + '\n').join(''), m.err, `${what}: text equals stderr`);
      } else {
        assert.equal(m.out, '', what);
      }
    }
  }
  assert.ok(errors >= 6, `only ${errors} error cases ran`);
});

test('validate through command() equals `kefu-lint validate FILE`', async () => {
  const kefu = await loadModule();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-errors-'));
  try {
    fs.writeFileSync(path.join(dir, 'my.json'), BAD_PACK);
    const n = native(['validate', '--format', 'json', 'my.json'], '', dir);
    const m = JSON.parse(kefu.command('validate', BAD_PACK, JSON.stringify({ name: 'my.json' })));
    assert.equal(n.status, 2);
    assert.deepEqual(m, { status: n.status, out: n.out, err: n.err });
    assert.match(m.err, /^\[pack\.E206\] my\.json \/rules\/0\/id: /m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the glue's own errors: status 2, catalog codes, the one printed form", async () => {
  const kefu = await loadModule();
  const bad = JSON.parse(kefu.command('check', '你好', '{"platform": 7'));
  assert.equal(bad.status, 2);
  assert.match(bad.err, /^\[wasm\.E001\]: options: /);
  assert.equal(JSON.parse(bad.out).errors[0].text + '\n', bad.err);
  const unknown = JSON.parse(kefu.command('lint', '你好', '{}'));
  assert.equal(unknown.status, 2);
  assert.equal(unknown.err, '[usage.E004]: unknown command "lint"\n');
  // The CLI prints its own usage errors in the same form.
  const cli = native(['lint']);
  assert.equal(cli.status, 2);
  assert.match(cli.err, /^\[usage\.E004\]: [^\n]*lint/);
});
