// Loads the very module the page ships (build/wasm/wasm/kefu_lint.js, a classic single-file
// script) through require(), and runs the native CLI for comparison.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MODULE_JS = process.env.KEFU_WASM_JS || path.join(ROOT, 'build/wasm/wasm/kefu_lint.js');
export const CLI = process.env.KEFU_CLI || path.join(ROOT, 'build/native/cli/kefu-lint');

let loaded;
export function loadModule() {
  if (!fs.existsSync(MODULE_JS)) throw new Error(`${MODULE_JS} is missing: run scripts/build first`);
  // SINGLE_FILE carries the wasm inside, so Node 18+'s global fetch (which cannot load a file path)
  // is never asked for the .wasm.
  loaded ??= createRequire(import.meta.url)(MODULE_JS)();
  return loaded;
}

// The CLI's stdout for `kefu-lint <args> -` with `input` on stdin.
export function cli(args, input = '') {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run scripts/build first`);
  const run = spawnSync(CLI, args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.error) throw run.error;
  return { status: run.status, out: run.stdout };
}

export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function cliVersionOk() {
  return fs.existsSync(CLI) && execFileSync(CLI, ['--help'], { encoding: 'utf8' }).includes('kefu-lint');
}
