// How the checker starts: in the single file the blob: worker is started from <head> (boot.js)
// before the page's own script, the module text is not run on the page, and with no worker at
// all the page runs that same text itself under its CSP; a text past 200,000 characters is
// listed through the typed boundary (checkListed) with the same list and count as check().
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { SINGLE_FILE, launchBrowser, openPage, settledFindings, typeReply } from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('single file: the worker starts from <head> before the page script, and the module is not run on the page', async () => {
  const context = await browser.newContext({ offline: true });
  // Whether the module defined its factory on the page, seen before the page's script runs.
  await context.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') window.__factoryOnPage = typeof globalThis.createKefuLint;
    });
  });
  const { page, problems } = await openPage(context, pathToFileURL(SINGLE_FILE).href);
  assert.equal(await page.getAttribute('html', 'data-engine'), 'worker');
  const timing = await page.evaluate(() => ({
    boot: performance.getEntriesByName('kefu:boot')[0]?.startTime,
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
  }));
  assert.ok(timing.boot < timing.dcl, JSON.stringify(timing));
  assert.equal(await page.evaluate(() => window.__factoryOnPage), 'undefined');
  assert.equal(await page.evaluate(() => document.getElementById('kefu-module').type), 'text/plain');
  await typeReply(page, '亲，可以加我微信聊');
  assert.ok((await settledFindings(page)).some((f) => f.category === 'off_platform'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('single file with no Worker: the page runs the module text itself, allowed by its CSP', async () => {
  const context = await browser.newContext({ offline: true });
  await context.addInitScript(() => { delete window.Worker; });
  const { page, problems } = await openPage(context, pathToFileURL(SINGLE_FILE).href);
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  assert.equal(await page.getAttribute('html', 'data-engine'), 'main');
  await typeReply(page, '亲，可以加我微信聊');
  assert.ok((await settledFindings(page)).some((f) => f.category === 'off_platform'));
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);
  await context.close();
});

for (const [where, noWorker] of [['worker', false], ['main thread', true]]) {
  test(`a reply past 200,000 characters (${where}): the first 500 findings and the full count, as check() gives them`, async () => {
    const context = await browser.newContext({ offline: true });
    if (noWorker) await context.addInitScript(() => { delete window.Worker; });
    const { page, problems } = await openPage(context, pathToFileURL(SINGLE_FILE).href);
    const unit = '亲，加我微信聊吧😀，保证明天到，全网最低价。您好，这款是双层不锈钢的。\n';
    const text = unit.repeat(Math.ceil(250000 / unit.length));
    await page.evaluate((t) => {
      const box = document.querySelector('#reply');
      const data = new DataTransfer();
      data.setData('text/plain', t);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForSelector('#reply-findings li.more', { timeout: 60000 });
    const shown = await page.$$eval('#reply-findings [data-rule]', (items) => items.map((li) => li.dataset.rule));
    const more = await page.locator('#reply-findings li.more').innerText();
    const status = await page.locator('#reply-status').innerText();
    // What check() gives for the same text, from the page's own module.
    const want = await page.evaluate(async (t) => {
      const html = document.getElementById('kefu-module').textContent;
      if (typeof globalThis.createKefuLint !== 'function') {
        const s = document.createElement('script');
        s.textContent = html;
        document.head.append(s);
      }
      const kefu = await globalThis.createKefuLint();
      const doc = JSON.parse(kefu.check(t, '{"platform":"taobao","shop":true}'));
      return { rules: doc.findings.slice(0, 500).map((f) => f.rule), total: doc.summary.total };
    }, text);
    assert.equal(shown.length, 500);
    assert.deepEqual(shown, want.rules);
    assert.ok(more.includes(String(want.total)), more);
    assert.ok(status.includes(String(want.total)), status);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
