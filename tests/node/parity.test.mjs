// The wasm module and the native CLI are the same core: for every example of every built-in
// pack and for every golden case, the module's answer equals the CLI's stdout byte for byte.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, cli, loadModule, readJson } from './support.mjs';

// Known, explained differences between the bytes the CLI prints and the string JS receives:
// Embind hands std::string to JS through TextDecoder, which consumes a leading UTF-8 BOM
// (the core starts CSV with one for Excel); the page puts it back when it saves a CSV.
const KNOWN_DIFFERENCES = { csv: (native) => native.replace(/^\uFEFF/, '') };

const FORMATS = { text: 'text', json: 'json', csv: 'csv', markdown: 'markdown', html: 'html' };

test('every pack example: module JSON equals `kefu-lint check|transcript --format json`', async () => {
  const kefu = await loadModule();
  const PLATFORMS = JSON.parse(kefu.platforms());
  const packFiles = fs.readdirSync(path.join(ROOT, 'rules')).filter((f) => f.endsWith('.json') && !f.includes('schema'));
  assert.ok(packFiles.length >= 9, 'the built-in packs are missing');
  let compared = 0;
  for (const file of packFiles) {
    const pack = readJson(path.join(ROOT, 'rules', file));
    const platform = PLATFORMS.includes(pack.pack) ? pack.pack : 'taobao';
    const handbook = JSON.parse(kefu.rules('', JSON.stringify({ platform })));
    const scope = new Map(handbook.categories.map((c) => [c.name, c.scope]));
    for (const rule of pack.rules || []) {
      const command = scope.get(rule.category) === 'conversation' ? 'transcript' : 'check';
      for (const example of [...(rule.examples?.bad || []), ...(rule.examples?.good || [])]) {
        const native = cli([command, '--platform', platform, '--format', 'json', '-'], example);
        const wasm = kefu[command](example, JSON.stringify({ platform, format: 'json' }));
        assert.equal(wasm, native.out, `${rule.id} (${command} --platform ${platform}) on ${JSON.stringify(example)}`);
        compared += 1;
      }
    }
  }
  console.log(`# ${compared} pack examples compared`);
});

test('every golden case in every format: module output equals the CLI output', async () => {
  const kefu = await loadModule();
  const caseFiles = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'cases.json') caseFiles.push(full);
    }
  };
  walk(path.join(ROOT, 'tests/golden'));
  assert.ok(caseFiles.length >= 1, 'no tests/golden/**/cases.json found');
  let compared = 0;
  for (const casesFile of caseFiles) {
    const dir = path.dirname(casesFile);
    const defaultCommand = path.basename(dir) === 'golden' ? undefined : path.basename(dir);
    for (const c of readJson(casesFile).cases) {
      const command = c.command || defaultCommand;
      const known = new Set(['name', 'command', 'platform', 'input', 'formats', 'agent', 'buyer', 'now', 'request']);
      const unknown = Object.keys(c).filter((k) => !known.has(k));
      assert.deepEqual(unknown, [], `${casesFile} case ${c.name}: fields this test does not map to options yet`);
      // Inputs sit beside the cases or under tests/fixtures/<command>/ (the deadline facts).
      const inputPath = c.input && [path.join(dir, c.input), path.join(ROOT, 'tests/fixtures', path.basename(dir), c.input)]
        .find((candidate) => fs.existsSync(candidate));
      if (c.input) assert.ok(inputPath, `${casesFile} case ${c.name}: input ${c.input} not found`);
      // points: the CLI takes flags, the module the request object they stand for.
      const input = c.request ? JSON.stringify(c.request) : inputPath ? fs.readFileSync(inputPath, 'utf8') : '';
      const requestArgs = c.request ? Object.entries(c.request).flatMap(([key, value]) => ['--' + key, String(value)]) : [];
      for (const format of c.formats || ['json']) {
        const args = [command, '--format', FORMATS[format] || format];
        const options = { format };
        for (const key of ['platform', 'agent', 'buyer', 'now']) {
          if (c[key] === undefined) continue;
          args.push('--' + key, c[key]);
          options[key] = c[key];
        }
        args.push(...requestArgs);
        if (c.input) args.push('-');
        // The CLI hands the core its clock (the handout prints today's date); the module takes
        // it as an option, so the page can pass its own.
        if (command === 'rules') options.clock = Math.floor(Date.now() / 1000);
        const native = cli(args, input);
        const wasm = kefu[command](input, JSON.stringify(options));
        const expected = KNOWN_DIFFERENCES[format] ? KNOWN_DIFFERENCES[format](native.out) : native.out;
        assert.equal(wasm, expected, `${path.relative(ROOT, casesFile)} ${c.name} (${format})`);
        compared += 1;
      }
    }
  }
  console.log(`# ${compared} golden outputs compared`);
});

test('validate: module and CLI agree on a broken pack, with the file name in the pointer message', async () => {
  const kefu = await loadModule();
  const name = 'tests/browser/fixtures/broken-pack.json';
  const native = cli(['validate', path.join(ROOT, name)]);
  const wasm = kefu.validate(fs.readFileSync(path.join(ROOT, name), 'utf8'), JSON.stringify({ name: path.join(ROOT, name) }));
  assert.equal(wasm, native.out);
  assert.match(wasm, /\/rules\/0\/terms\/1/);
});
