// Page load -> first finding, beside the page's own DOMContentLoaded in the same loads (issue 15:
// <= 200 ms median over http and from file://), and where the time goes. A measurement, not a
// test. Each load is a fresh browser context (empty storage, no service worker, no draft); the
// reply with a known violation is typed into the box the moment the box exists (Playwright's
// fill, a few ms of round trip), and a MutationObserver installed before the page's own scripts
// records when its first finding is in the DOM.
//   where the time goes: the worker's marks (sent with its ready message, on the page's clock):
//   worker script start, module text parsed, wasm inflated, runtime up (compile + instantiate),
//   vocabulary read, packs compiled (the warm check); the page's kefu:engine-ready.
// Usage: node bench/page/startup.mjs [loads [DIST_DIR...]]   (default: KEFU_DIST_DIR or dist/)
// Several builds (before and after a change) are loaded in turn, load by load, so that the
// load of this shared machine falls on all of them alike.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SINGLE_FILE, launchBrowser } from '../../tests/browser/support.mjs';
import { startServer } from '../../scripts/serve.mjs';

const LOADS = Number(process.argv[2] || 9);
const DISTS = process.argv.length > 3 ? process.argv.slice(3).map((d) => path.resolve(d)) : [path.dirname(SINGLE_FILE)];
const REPLY = '亲，加我微信聊吧';  // off_platform in every built-in platform

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
};

async function load(browser, url) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const seen = () => {
      if (window.__kefuFirstFinding === undefined && document.querySelector('#reply-findings [data-rule]'))
        window.__kefuFirstFinding = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.fill('#reply', REPLY);
  const typedAt = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => window.__kefuFirstFinding !== undefined, null, { timeout: 20000, polling: 5 });
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return {
      first: window.__kefuFirstFinding,
      dcl: nav.domContentLoadedEventEnd,
      engineReady: mark('kefu:engine-ready'),
      boot: mark('kefu:boot'),
      worker: Object.fromEntries(performance.getEntriesByType('mark')
        .filter((m) => m.name.startsWith('kefu:worker:')).map((m) => [m.name.slice(12), m.startTime])),
    };
  });
  await context.close();
  return { ...r, typedAt };
}

function summary(runs) {
  const pick = (f) => median(runs.map(f));
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.worker)))];
  return {
    first: pick((r) => r.first), dcl: pick((r) => r.dcl), typed: pick((r) => r.typedAt),
    engineReady: pick((r) => r.engineReady), boot: pick((r) => r.boot), all: runs.map((r) => Math.round(r.first)),
    worker: Object.fromEntries(names.map((n) => [n, pick((r) => r.worker[n])])),
  };
}

const browser = await launchBrowser();
const servers = [];
try {
  await (await browser.newPage()).close();  // the browser's own start is not the page's
  const targets = [];
  for (const dist of DISTS) {
    const server = await startServer(path.join(dist, 'web'), 0);
    servers.push(server);
    targets.push({ name: `${path.relative(process.cwd(), dist) || dist} http`, url: `http://127.0.0.1:${server.address().port}/`, runs: [] });
    targets.push({ name: `${path.relative(process.cwd(), dist) || dist} file://`, url: pathToFileURL(path.join(dist, 'kefu-lint.html')).href, runs: [] });
  }
  for (let i = 0; i < LOADS; i++) for (const t of targets) t.runs.push(await load(browser, t.url));
  const ms = (x) => `${Number.isFinite(x) ? x.toFixed(0) : '-'} ms`;
  console.log(`page load -> first finding, median of ${LOADS} loads, headless Chromium ${browser.version()}`);
  for (const t of targets) {
    const r = summary(t.runs);
    console.log(`${t.name}: first finding ${ms(r.first)}  DOMContentLoaded ${ms(r.dcl)}  typed at ${ms(r.typed)}  ` +
      `boot ${ms(r.boot)}  engine ready ${ms(r.engineReady)}   all: ${r.all.join(' ')}`);
    console.log(`    worker: ${Object.entries(r.worker).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);
  }
} finally {
  await browser.close();
  for (const server of servers) server.close();
}
