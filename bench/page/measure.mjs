// Measures the page against the bar of issue 5 and prints the figures (a measurement, not a
// test: nothing here fails on a slow machine).
//   keystroke -> painted findings, 500-character reply   (bar: <= 50 ms)
//   page load -> first finding painted, localhost        (bar: <= 300 ms)
//   dist/kefu-lint.html size, raw and gzipped            (bar: <= 1 MB, <= 300 KB gzipped)
// Usage: node bench/page/measure.mjs [runs]   (after scripts/build)
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { ROOT, SINGLE_FILE, launchBrowser, serveSite } from '../../tests/browser/support.mjs';

const RUNS = Number(process.argv[2] || 10);
const KEYSTROKES = 40;
// Violations the built-in packs know, padded with ordinary service talk to 500 characters.
const BAD = '亲，特价商品不开发票的哦，加我vx聊吧，保证明天到，全网最低价。';
const FILLER = '您好，这款保温杯是双层不锈钢的，容量五百毫升，下单后四十八小时内发货，有问题随时联系我们。';
const REPLY = (BAD + FILLER.repeat(20)).slice(0, 499);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1], n: s.length };
};
const ms = (x) => `${x.toFixed(1)} ms`;

function sizes() {
  const html = fs.readFileSync(SINGLE_FILE);
  const module = fs.readFileSync(path.join(ROOT, 'dist/web/kefu_lint.js'), 'utf8');
  const base64 = module.match(/data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/)[1];
  // The inline wasm is stored gzipped since wasm/gzip_inline_wasm.mjs; older builds hold it raw.
  const inline = Buffer.from(base64, 'base64');
  const gzipped = inline[0] === 0x1f && inline[1] === 0x8b;
  const wasm = gzipped ? zlib.gunzipSync(inline) : inline;
  const packs = fs.readdirSync(path.join(ROOT, 'rules')).filter((f) => f.endsWith('.json') && f !== 'pack.schema.json');
  const packBytes = packs.map((f) => fs.readFileSync(path.join(ROOT, 'rules', f), 'utf8'));
  return {
    html: html.length,
    htmlGzip: zlib.gzipSync(html, { level: 9 }).length,
    wasm: wasm.length,
    wasmInline: inline.length,
    gzipped,
    moduleJs: module.length,
    packJson: packBytes.reduce((n, t) => n + Buffer.byteLength(t), 0),
    packJsonMin: packBytes.reduce((n, t) => n + Buffer.byteLength(JSON.stringify(JSON.parse(t))), 0),
  };
}

async function loadToFirstFinding(browser, url) {
  const times = [];
  const ready = [];  // module instantiated (kefu:engine-ready), for where the time goes
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    await context.addInitScript((reply) => {
      if (localStorage.getItem('kefu-lint:draft.reply') === null) localStorage.setItem('kefu-lint:draft.reply', JSON.stringify(reply));
    }, BAD);
    const page = await context.newPage();
    await page.goto(url);
    const mark = await page.waitForFunction(() => performance.getEntriesByName('kefu:first-findings')[0]?.startTime, null, { timeout: 20000 });
    times.push(await mark.jsonValue());
    ready.push(await page.evaluate(() => performance.getEntriesByName('kefu:engine-ready')[0]?.startTime ?? NaN));
    await context.close();
  }
  return { ...stats(times), engineReady: stats(ready).median };
}

async function keystrokeToPaint(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready=true]');
  await page.fill('#reply', REPLY);
  await page.waitForFunction(() => document.querySelector('#reply-findings [data-rule]'));
  const times = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const before = await page.evaluate(() => performance.getEntriesByName('kefu:keystroke-to-paint').length);
    await page.keyboard.press(i % 2 ? 'Backspace' : 'a');
    const entry = await page.waitForFunction((n) => {
      const all = performance.getEntriesByName('kefu:keystroke-to-paint');
      return all.length > n && all[all.length - 1].duration;
    }, before);
    times.push(await entry.jsonValue());
  }
  const length = await page.evaluate(() => document.querySelector('#reply').value.length);
  const findings = await page.locator('#reply-findings [data-rule]').count();
  await context.close();
  return { ...stats(times), length, findings };
}

const size = sizes();
const browser = await launchBrowser();
const site = await serveSite();
try {
  await (await browser.newPage()).close();
  const single = pathToFileURL(SINGLE_FILE).href;
  const results = {
    loadHttp: await loadToFirstFinding(browser, site.url),
    loadFile: await loadToFirstFinding(browser, single),
    keyWorker: await keystrokeToPaint(browser, site.url),
    keyMain: await keystrokeToPaint(browser, single),
  };
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB (${n} bytes)`;
  console.log(`kefu-lint page benchmark (${RUNS} loads, ${KEYSTROKES} keystrokes each; headless Chromium ${browser.version()})`);
  console.log(`dist/kefu-lint.html      ${kb(size.html)}; gzip -9 ${kb(size.htmlGzip)}   bar: <= 1 MB, <= 300 KB gz`);
  console.log(`  of which wasm          ${kb(size.wasm)}, inline ${size.gzipped ? 'gzipped' : 'raw'} ${kb(size.wasmInline)} (base64 in the file); kefu_lint.js ${kb(size.moduleJs)}`);
  console.log(`  pack JSON in rules/    ${kb(size.packJson)} as written, ${kb(size.packJsonMin)} minified`);
  console.log(`load -> first finding    http (worker):  median ${ms(results.loadHttp.median)}, max ${ms(results.loadHttp.max)} ` +
    `(engine ready at ${ms(results.loadHttp.engineReady)})   bar: <= 300 ms`);
  console.log(`                         file:// (single, blob worker): median ${ms(results.loadFile.median)}, max ${ms(results.loadFile.max)} ` +
    `(engine ready at ${ms(results.loadFile.engineReady)})`);
  for (const [name, r] of [['http (worker)', results.keyWorker], ['file:// (blob worker)', results.keyMain]])
    console.log(`keystroke -> paint       ${name}: median ${ms(r.median)}, p95 ${ms(r.p95)}, max ${ms(r.max)} ` +
      `(${r.length}-char reply, ${r.findings} findings)   bar: <= 50 ms`);
} finally {
  await browser.close();
  site.server.close();
}
