// Writes dist/web/ (web/ copied, plus the module; the service worker gets this build's file
// list and version) and dist/kefu-lint.html, the single file: CSS, the module (wasm inside,
// packs inside the wasm) and the page's ES modules joined into one classic script, because
// browsers run neither module scripts nor workers from file://.
// Usage: node scripts/build-web.mjs build/wasm/wasm/kefu_lint.js web dist
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [modulePath, webDir, distDir] = process.argv.slice(2);
if (!distDir) throw new Error('usage: build-web.mjs MODULE.js WEB_DIR DIST_DIR');
const siteDir = path.join(distDir, 'web');

fs.rmSync(siteDir, { recursive: true, force: true });
fs.cpSync(webDir, siteDir, { recursive: true });
fs.copyFileSync(modulePath, path.join(siteDir, 'kefu_lint.js'));
// The site loads the page's modules as one deferred script: a module graph is fetched level by
// level (main.js, then its imports, then theirs), and those round trips delayed the first check.
const appJs = path.join(siteDir, 'js/app.js');
fs.writeFileSync(appJs, bundle(path.join(webDir, 'js'), 'main.js'));
for (const file of fs.readdirSync(path.join(siteDir, 'js')))
  if (!['app.js', 'boot.js'].includes(file)) fs.rmSync(path.join(siteDir, 'js', file));
const siteIndex = path.join(siteDir, 'index.html');
fs.writeFileSync(siteIndex, replaceOnce(fs.readFileSync(siteIndex, 'utf8'),
  /<script type="module" src="js\/main.js"><\/script>/, '<script defer src="js/app.js"></script>'));

const files = listFiles(siteDir).filter((f) => f !== 'sw.js');
const version = sha256(files.map((f) => f + '\0' + sha256(fs.readFileSync(path.join(siteDir, f)))).join('\n'), 'hex').slice(0, 16);
const sw = path.join(siteDir, 'sw.js');
fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8')
  .replace(/^const VERSION = .*$/m, `const VERSION = '${version}';`)
  .replace(/^const ASSETS = .*$/m, `const ASSETS = ${JSON.stringify(['./', ...files])};`));

fs.writeFileSync(path.join(distDir, 'kefu-lint.html'), singleFile());
const size = fs.statSync(path.join(distDir, 'kefu-lint.html')).size;
console.log(`dist/web/: ${files.length + 1} files, version ${version}; dist/kefu-lint.html: ${(size / 1024).toFixed(0)} KB`);

function singleFile() {
  let html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const css = fs.readFileSync(path.join(webDir, 'css/app.css'), 'utf8');
  const icon = 'data:image/svg+xml;base64,' + fs.readFileSync(path.join(webDir, 'icon.svg')).toString('base64');
  const kefu = scriptText(fs.readFileSync(modulePath, 'utf8'));
  // The worker's code, not run by the page (type text/plain): the page starts it from a blob:
  // URL together with the module's text, since file:// refuses worker scripts from files.
  const importLine = "importScripts('kefu_lint.js');";
  const workerSource = fs.readFileSync(path.join(webDir, 'worker.js'), 'utf8');
  if (!workerSource.includes(importLine)) throw new Error('single-file build: worker.js does not import kefu_lint.js as expected');
  const worker = scriptText(workerSource.replace(importLine, '/* the module precedes this code in the blob */'));
  const page = scriptText(bundle(path.join(webDir, 'js'), 'main.js'));
  const boot = scriptText(compact(fs.readFileSync(path.join(webDir, 'js/boot.js'), 'utf8')));
  const csp = [
    "default-src 'none'",
    // The module's hash: it is text/plain, run in the worker, and on the page only when no
    // worker can start (engine.js then runs that very text as an inline script).
    `script-src ${cspHash(kefu)} ${cspHash(boot)} ${cspHash(page)} 'wasm-unsafe-eval'`,
    'worker-src blob:',
    `style-src ${cspHash(css)}`,
    "img-src data: blob:", "connect-src 'none'", "base-uri 'none'", "form-action 'none'", "object-src 'none'",
  ].join('; ');
  html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  html = replaceOnce(html, /<html lang="zh-CN">/, '<html lang="zh-CN" data-build="single">');
  html = replaceOnce(html, /<link rel="icon" [^>]*>/, `<link rel="icon" href="${icon}" type="image/svg+xml">`);
  html = replaceOnce(html, /<link rel="manifest" [^>]*>\n/, '');
  html = replaceOnce(html, /<link rel="stylesheet" href="css\/app.css">/, () => `<style>${css}</style>`);
  html = replaceOnce(html, /<script type="module" src="js\/main.js"><\/script>\n/, '');
  // The module and the worker as text in <head>, and boot.js right after them: the blob: worker
  // starts compiling the module and the packs before the body is parsed, as worker.js does over
  // http. As text/plain the 600 KB module costs the page a scan, not a parse and a run.
  html = replaceOnce(html, /<script src="js\/boot.js"><\/script>\n/, () =>
    `<script type="text/plain" id="kefu-module">${kefu}</script>\n` +
    `<script type="text/plain" id="kefu-worker">${worker}</script>\n<script>${boot}</script>\n`);
  // At the end of <body>, like a deferred module: the elements exist when it runs.
  return replaceOnce(html, /<\/body>/, () => `<script>${page}</script>\n</body>`);
}

// Joins ES modules written in this page's plain style (`import { a, b } from './x.js';`,
// `export function|const|let|class name`) into one script; each module keeps its own scope.
function bundle(dir, entry) {
  const order = [];
  const seen = new Set();
  const modules = new Map();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    const imports = [];
    const body = source.replace(/^import \{([^}]*)\} from '\.\/([\w-]+\.js)';\n/gm, (_, names, from) => {
      imports.push({ names: names.trim(), from });
      return '';
    });
    const exported = [];
    const code = body.replace(/^export (async function|function|const|let|class) ([\w$]+)/gm, (_, kind, name) => {
      exported.push(name);
      return `${kind} ${name}`;
    });
    if (/^\s*(import|export)\b/m.test(code)) throw new Error(`${file}: an import/export form the bundler does not know`);
    for (const { from } of imports) visit(from);
    modules.set(file, { imports, exported, code });
    order.push(file);
  };
  visit(entry);
  const id = (file) => '__kefu_' + file.replace(/\W/g, '_');
  const parts = order.map((file) => {
    const { imports, exported, code } = modules.get(file);
    const head = imports.map(({ names, from }) => `const { ${names} } = ${id(from)};`).join('\n');
    return `// ${file}\nconst ${id(file)} = (() => {\n${head}\n${code}\nreturn { ${exported.join(', ')} };\n})();`;
  });
  return compact(`(() => {\n'use strict';\n${parts.join('\n')}\n})();`);
}

// Indentation, blank lines and whole-line comments out (≈ 3 KB of the single file gzipped).
// Safe for this code: no string or template literal spans lines (build-web checks), and line
// breaks stay, so automatic semicolon insertion reads the same statements.
function compact(js) {
  const lines = js.split('\n');
  let inTemplate = false;
  for (const line of lines) {
    if (inTemplate) throw new Error('build-web: a template literal spans lines; compact() would change it');
    if ((line.match(/`/g) || []).length % 2) inTemplate = !inTemplate;
  }
  return lines.map((line) => line.trimStart()).filter((line) => line && !line.startsWith('//')).join('\n');
}

// Text inside <script> must not close the element early.
function scriptText(js) {
  return js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}

function cspHash(text) {
  return `'sha256-${sha256(text, 'base64')}'`;
}

function sha256(data, encoding) {
  return createHash('sha256').update(data).digest(encoding);
}

function replaceOnce(text, pattern, replacement) {
  if (!pattern.test(text)) throw new Error(`single-file build: ${pattern} not found in index.html`);
  return text.replace(pattern, replacement);
}

function listFiles(root, prefix = '') {
  return fs.readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(root, rel) : [rel];
  }).sort();
}
