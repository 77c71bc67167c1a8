// wasm/kefu_lint.d.ts is written by hand (Emscripten 3.1.6 has no --emit-tsd):
// its names, the glue's EMSCRIPTEN_BINDINGS and the built module's functions must be one list.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, loadModule } from './support.mjs';

const dts = fs.readFileSync(path.join(ROOT, 'wasm/kefu_lint.d.ts'), 'utf8');
const glue = fs.readFileSync(path.join(ROOT, 'wasm/kefu_lint.cpp'), 'utf8');

function declaredInDts() {
  const body = dts.match(/export interface KefuLintModule \{([\s\S]*?)\n\}/)[1];
  return [...body.matchAll(/^\s+(\w+)\(([^)]*)\):\s*(\w+);/gm)].map(([, name, params, result]) =>
    ({ name, arity: params.trim() ? params.split(',').length : 0, result }));
}

test('d.ts, glue and module export the same functions', async () => {
  const declared = declaredInDts();
  const bound = [...glue.matchAll(/emscripten::function\("(\w+)"/g)].map((m) => m[1]);
  assert.deepEqual(declared.map((d) => d.name).sort(), bound.sort());
  const kefu = await loadModule();
  for (const { name, arity } of declared) {
    assert.equal(typeof kefu[name], 'function', name);
    // Embind refuses a call with the wrong number of arguments, which checks the arity.
    assert.throws(() => kefu[name](...Array(arity + 1).fill('')), /expected \d+ args/i, name);
  }
});

test('the declared result types are what the module returns', async () => {
  const kefu = await loadModule();
  for (const { name, arity, result } of declaredInDts()) {
    if (!['string', 'number'].includes(result)) continue;  // checkBytes: tests/node/compact.test.mjs
    const args = Array(arity).fill('');
    if (name === 'rules' || name === 'validate') args[1] = '{}';
    assert.equal(typeof kefu[name](...args), result, name);
  }
});
