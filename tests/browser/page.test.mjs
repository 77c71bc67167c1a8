// The page over http, in headless Chromium: what an agent, a QA lead and a trainer do with it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, fixture, openPage, saveArtifact, settledFindings, typeReply, useCustomPack, withBrowserAndSite } from './support.mjs';

const PAGE_PACK = fixture('page-pack.json');

const env = withBrowserAndSite();

async function freshPage() {
  const context = await env.browser.newContext();
  const opened = await openPage(context, env.site.url);
  return { context, ...opened };
}

describe('单条回复', () => {
  test('a bad reply shows the finding with its data-* hooks and highlights its characters', async () => {
    const { context, page, problems } = await freshPage();
    await useCustomPack(page, PAGE_PACK);
    await typeReply(page, '😀亲，可以加我微信聊');
    const findings = await settledFindings(page);
    assert.ok(findings.some((f) => f.rule === 'pagetest.offsite' && f.category === 'off_platform' && f.severity === 'error'),
      JSON.stringify(findings));
    // The emoji before the words must not shift the highlight (UTF-16 offsets).
    // Which UTF-16 units of the text sit inside a <mark>:
    const covered = await page.$eval('#reply-marks', (layer) => {
      const units = [];
      for (const node of layer.childNodes) for (let i = 0; i < node.textContent.length; i++) units.push(node.nodeName === 'MARK');
      return units;
    });
    const text = '😀亲，可以加我微信聊';
    const at = text.indexOf('加我微信');
    assert.deepEqual(covered.slice(at, at + 4), [true, true, true, true]);
    assert.deepEqual(covered.slice(0, 2), [false, false], 'the emoji is not highlighted');
    const item = page.locator('#reply-findings [data-rule="pagetest.offsite"]');
    const shown = await item.innerText();
    for (const expected of ['引导站外联系', '扣6分', '不得引导买家到站外联系', 'browser test', '有问题在旺旺上联系我们就好'])
      assert.ok(shown.includes(expected), `${expected} missing from ${shown}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('every reply rule of the built-in packs fires in the page on its first bad example', async (t) => {
    const { context, page } = await freshPage();
    const rules = await page.evaluate(() => new Promise((resolve) => {
      // The same module the page uses, loaded again for the test's own questions.
      const script = document.createElement('script');
      script.src = 'kefu_lint.js';
      script.onload = () => createKefuLint().then((m) => resolve(JSON.parse(m.rules('', '{"platform":"taobao"}'))));
      document.head.append(script);
    }));
    const scope = new Map(rules.categories.map((c) => [c.name, c.scope]));
    const replyRules = rules.rules.filter((r) => scope.get(r.category) === 'reply' && r.examples.bad.length);
    assert.ok(replyRules.length >= 12, `taobao has ${replyRules.length} reply rules with examples`);
    for (const rule of replyRules.slice(0, 12)) {
      await page.fill('#reply', rule.examples.bad[0]);
      await page.dispatchEvent('#reply', 'input');
      const findings = await settledFindings(page);
      assert.ok(findings.some((f) => f.rule === rule.id), `${rule.id} on ${rule.examples.bad[0]}: ${JSON.stringify(findings)}`);
    }
    await context.close();
  });

  test('a clean reply shows no finding', async () => {
    const { context, page } = await freshPage();
    const clean = fs.readFileSync(path.join(ROOT, 'tests/golden/check/clean-reply.txt'), 'utf8').trim();
    await typeReply(page, clean);
    assert.deepEqual(await settledFindings(page), []);
    assert.equal(await page.locator('#reply-marks mark').count(), 0);
    assert.match(await page.locator('#reply-status').innerText(), /未发现问题/);
    await context.close();
  });

  test('applying a suggestion replaces the text and clears that finding', async () => {
    const { context, page } = await freshPage();
    await useCustomPack(page, PAGE_PACK);
    await typeReply(page, '🙂嗯嗯，马上给您发货');
    assert.ok((await settledFindings(page)).some((f) => f.rule === 'pagetest.um'));
    await page.click('#reply-findings [data-rule="pagetest.um"] button.apply');
    assert.equal(await page.inputValue('#reply'), '🙂好的呢，马上给您发货');
    assert.ok(!(await settledFindings(page)).some((f) => f.rule === 'pagetest.um'));
    await context.close();
  });

  test('脱敏 masks a phone number in the reply', async () => {
    const { context, page } = await freshPage();
    await useCustomPack(page, PAGE_PACK);
    await typeReply(page, '您的电话是13812345678对吗');
    assert.ok((await settledFindings(page)).some((f) => f.rule === 'pagetest.phone'));
    await settledFindings(page);
    await page.click('#reply-mask');
    await page.waitForFunction(() => !document.querySelector('#reply').value.includes('13812345678'));
    assert.match(await page.inputValue('#reply'), /138\*+5678/);
    await context.close();
  });

  test('fast typing ends with the findings of the final text (stale results dropped)', async () => {
    const { context, page } = await freshPage();
    await useCustomPack(page, PAGE_PACK);
    await page.click('#tab-reply');
    await page.locator('#reply').pressSequentially('亲可以加我微信哦', { delay: 0 });
    await page.keyboard.press('End');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('#reply'), '亲可以加');
    assert.ok(!(await settledFindings(page)).some((f) => f.rule === 'pagetest.offsite'));
    await context.close();
  });

  test('a reload keeps the draft, the platform and the custom pack', async () => {
    const { context, page } = await freshPage();
    await useCustomPack(page, PAGE_PACK);
    await page.selectOption('#platform', 'jd');
    await typeReply(page, '草稿：加我微信');
    await settledFindings(page);
    await page.reload();
    await page.waitForSelector('html[data-ready=true]');
    assert.equal(await page.inputValue('#reply'), '草稿：加我微信');
    assert.equal(await page.inputValue('#platform'), 'jd');
    assert.ok((await settledFindings(page)).some((f) => f.rule === 'pagetest.offsite'));
    await context.close();
  });
});

describe('safety', () => {
  test('pasted markup stays text: <img onerror> never runs, in replies, transcripts or packs', async () => {
    const { context, page } = await freshPage();
    const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const pack = JSON.parse(PAGE_PACK);
    pack.rules[0].title = attack;
    pack.rules[0].terms = ['img src'];
    await useCustomPack(page, JSON.stringify(pack));
    await page.click('#tab-reply');
    await page.focus('#reply');
    await page.keyboard.insertText(attack);  // what a paste does
    await settledFindings(page);
    await page.click('#tab-transcript');
    await page.focus('#transcript');
    await page.keyboard.insertText(`K: ${attack}\nG: ${attack}`);
    await page.click('#tab-handbook');
    await page.waitForSelector('#handbook [data-rule]');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('main script').count(), 0);
    assert.ok((await page.locator('#handbook').innerText()).includes('<img src=x'));
    await context.close();
  });

  test('no request leaves the page after load, and none but the page own files before', async () => {
    const context = await env.browser.newContext();
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));
    const { page } = await openPage(context, env.site.url);
    await page.evaluate(() => navigator.serviceWorker?.ready);
    const loaded = requests.length;
    assert.ok(requests.every((url) => url.startsWith(env.site.url)), requests.join('\n'));
    await useCustomPack(page, PAGE_PACK);
    await typeReply(page, '亲，可以加我微信聊');
    await settledFindings(page);
    for (const tab of ['transcript', 'deadlines', 'handbook', 'settings', 'reply']) await page.click(`#tab-${tab}`);
    await page.click('#tab-transcript');
    await page.fill('#transcript', 'K: 在吗\nG: 在的');
    await page.waitForTimeout(300);
    assert.deepEqual(requests.slice(loaded), []);
    // The policy itself says so, for anything the test did not think of.
    const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
    assert.match(csp, /connect-src 'none'/);
    assert.match(csp, /'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
    await context.close();
  });

  test('checks run in a Web Worker over http', async () => {
    const { context, page } = await freshPage();
    assert.equal(await page.getAttribute('html', 'data-engine'), 'worker');
    await context.close();
  });
});

describe('聊天记录, 订单时效, 设置', () => {
  test('a pasted transcript shows per-message findings and a summary', async (t) => {
    const { context, page } = await freshPage();
    await page.click('#tab-transcript');
    await page.focus('#transcript');
    await page.keyboard.insertText([
      '[2024-06-18 10:00:00] 买家: 在吗，这个有发票吗',
      '[2024-06-18 10:09:00] 客服: 嗯',
      '[2024-06-18 10:10:00] 买家: 能开发票吗',
      '[2024-06-18 10:30:00] 客服: 特价商品不开发票',
    ].join('\n'));
    await page.waitForSelector('#transcript-result [data-category][data-rule][data-severity]');
    assert.ok(await page.locator('#transcript-result .message').count() >= 4);
    assert.ok(await page.locator('#transcript-result table [data-category]').count() >= 1);
    await context.close();
  });

  test('a filled order form shows deadline rows with kind and status', async (t) => {
    const { context, page } = await freshPage();
    await page.click('#tab-deadlines');
    await page.selectOption('#order-form [name=platform]', 'taobao');
    await page.fill('#order-form [name=ordered]', '2024-06-18T10:00');
    await page.fill('#order-form [name=paid]', '2024-06-18T10:05');
    await page.uncheck('#order-form [name=live_now]');
    await page.fill('#order-form [name=now]', '2024-06-19T10:00');
    await page.waitForSelector('#deadline-list [data-kind]');
    const rows = await page.$$eval('#deadline-list [data-kind]', (items) => items.map((li) => [li.dataset.kind, li.dataset.status]));
    assert.ok(rows.length >= 1, JSON.stringify(rows));
    for (const [, status] of rows) assert.ok(['pending', 'due_soon', 'overdue', 'met', 'void'].includes(status), status);
    await context.close();
  });

  test('a custom pack with an error shows the error with its JSON pointer and is not used', async () => {
    const { context, page } = await freshPage();
    await useCustomPack(page, fixture('broken-pack.json'));
    const error = page.locator('#custom-pack-errors [data-pointer="/rules/0/terms/1"]');
    await error.waitFor();
    assert.match(await error.innerText(), /\[pack\.E201\] custom\.json \/rules\/0\/terms\/1: must be a string/);
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('kefu-lint:settings') || '{}').customPack ?? null), null);
    await context.close();
  });

  test('the tabs work from the keyboard', async () => {
    const { context, page } = await freshPage();
    await page.focus('#tab-reply');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#tab-transcript', 'aria-selected'), 'true');
    assert.equal(await page.isVisible('#transcript'), true);
    await page.keyboard.press('End');
    assert.equal(await page.getAttribute('#tab-settings', 'aria-selected'), 'true');
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-reply');
    await context.close();
  });

  test('English switch', async () => {
    const { context, page } = await freshPage();
    await page.click('#lang-toggle');
    assert.equal(await page.innerText('#tab-handbook'), 'Handbook');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await context.close();
  });

  test('phone width: nothing wider than the screen', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const { page } = await openPage(context, env.site.url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    await context.close();
  });
});

describe('规则手册 print view', () => {
  test('renders without the page chrome; screenshot and PDF kept under build/artifacts', async () => {
    const { context, page } = await freshPage();
    await useCustomPack(page, PAGE_PACK);
    await page.click('#tab-handbook');
    await page.waitForSelector('#handbook article[data-rule="pagetest.offsite"]');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('nav.tabs'), false);
    assert.equal(await page.isVisible('header.top'), false);
    assert.equal(await page.isVisible('#handbook-print'), false);
    assert.equal(await page.isVisible('#handbook article[data-rule="pagetest.offsite"]'), true);
    const shot = saveArtifact('handbook-print.png');
    await page.screenshot({ path: shot, fullPage: true });
    const pdf = saveArtifact('handbook-print.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    assert.ok(fs.statSync(shot).size > 5000);
    assert.ok(fs.statSync(pdf).size > 5000);
    await context.close();
  });
});

describe('installable and offline once visited', () => {
  test('the service worker serves the page with the network cut', async () => {
    const context = await env.browser.newContext();
    const { page } = await openPage(context, env.site.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null || new Promise((r) => setTimeout(r, 100)));
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-ready=true]', { timeout: 20000 });
    await typeReply(page, '离线也能检查');
    await settledFindings(page);
    const manifest = await page.getAttribute('link[rel=manifest]', 'href');
    assert.equal(manifest, 'manifest.webmanifest');
    await context.close();
  });
});
