// The page under hostile input (issue 7, browser part): a 10 MB paste, pasted markup, malicious
// custom packs, local storage full or switched off. Bounds are generous (seconds): they catch a
// page that freezes or loses text, not a slow machine.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { SINGLE_FILE, fixture, openPage, settledFindings, typeReply, useCustomPack, withBrowserAndSite } from './support.mjs';

const MB = 1 << 20;
// Ordinary service talk, no finding of its own: the size is the attack, not the content.
const CLEAN_LINE = '亲，您好，这款保温杯是双层不锈钢的，容量五百毫升，有问题随时联系我们。';
const BAD_LINE = '亲，特价商品不开发票的哦，加我vx聊吧。';
const RESPONSIVE_MS = 2000;

const env = withBrowserAndSite();

async function freshPage(init, url = env.site.url) {
  const context = await env.browser.newContext();
  if (init) await context.addInitScript(init);
  const opened = await openPage(context, url);
  return { context, ...opened };
}

// Pastes `bytes` of text into a box: a real paste event carrying the text (built in the page, so
// that 10 MB do not cross the DevTools protocol). Returns the number of characters pasted.
async function pasteBig(page, selector, line, bytes) {
  return page.evaluate(({ selector, line, bytes }) => {
    const unit = line + '\n';
    const size = new TextEncoder().encode(unit).length;
    const text = unit.repeat(Math.ceil(bytes / size));
    const box = document.querySelector(selector);
    box.focus();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (box.dispatchEvent(event)) {
      // Not taken by the page: what the browser would do with it.
      box.setRangeText(text, box.selectionStart, box.selectionEnd, 'end');
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
    return text.length;
  }, { selector, line, bytes });
}

// Time for the page to handle a click on a tab, measured from the test's side.
async function clickTabMs(page, name) {
  const started = Date.now();
  await page.click(`#tab-${name}`, { timeout: 10000 });
  await page.waitForFunction((n) => !document.querySelector(`#panel-${n}`).hidden, name, { timeout: 10000 });
  return Date.now() - started;
}

describe('a 10 MB paste', () => {
  for (const [where, url] of [['http', () => env.site.url], ['the single file from file://', () => pathToFileURL(SINGLE_FILE).href]])
  test(`in the reply box (${where}): the page stays interactive, shows progress, and a newer text replaces the stale check`, async () => {
    const { context, page, problems } = await freshPage(null, url());
    assert.equal(await page.getAttribute('html', 'data-engine'), 'worker');
    await page.click('#tab-reply');
    // A finding every line: the check runs for seconds and would answer ~100 MB of JSON.
    const chars = await pasteBig(page, '#reply', BAD_LINE, 10 * MB);
    assert.ok(chars > 3 * MB);
    // The box keeps only the beginning (a 10 MB textarea takes the browser seconds to lay out);
    // the note says the whole text is checked.
    assert.ok((await page.inputValue('#reply')).length <= 20000);
    assert.match(await page.locator('#reply-big').innerText(), /M 字/);
    const progress = page.locator('#reply-progress');
    await progress.waitFor({ state: 'visible', timeout: 5000 });
    // The bar can appear a moment before the worker reports the size ("0 字"); the size must follow.
    await page.waitForFunction(() => /M 字/.test(document.querySelector('#reply-progress').innerText), null, { timeout: 5000 })
      .catch(() => {});
    assert.match(await progress.innerText(), /M 字/);
    // A new text half a second into the big check: the stale check is abandoned (a fresh worker)
    // and the new text's findings arrive without waiting for it.
    await page.evaluate(() => new Promise((resolve) => setTimeout(() => {
      document.querySelector('#reply-big button').click();
      const box = document.querySelector('#reply');
      box.value = '亲，特价商品不开发票的哦';
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      resolve();
    }, 300)));
    const typed = Date.now();
    const findings = await settledFindings(page);
    assert.ok(findings.some((f) => f.rule.endsWith('invoice-refusal')), JSON.stringify(findings));
    assert.ok(Date.now() - typed < 10000, 'the new text waited for the stale check');
    // At least one fresh worker: under load the fix call queued behind the big check may be
    // abandoned too, which is a second restart, not a wait.
    assert.ok(Number(await page.getAttribute('html', 'data-engine-restarts')) >= 1);
    await progress.waitFor({ state: 'hidden' });
    // While a big check runs (20 MB this time, so that it outlasts the clicks), the page handles
    // clicks and paints frames: the check is in the worker.
    await pasteBig(page, '#reply', BAD_LINE, 20 * MB);
    await progress.waitFor({ state: 'visible', timeout: 5000 });
    for (const tab of ['transcript', 'reply']) assert.ok(await clickTabMs(page, tab) < RESPONSIVE_MS, `tab ${tab}`);
    const started = Date.now();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));  // a frame is painted
    assert.ok(Date.now() - started < RESPONSIVE_MS);
    assert.ok(await progress.isVisible(), 'the big check was still running during the clicks');
    await page.click('#reply-big button');  // and 清空 ends it (stale: a fresh worker again)
    await progress.waitFor({ state: 'hidden' });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('in the transcript box: checked in the worker with progress, the page answers clicks, the result is listed in bounded pieces', async () => {
    const { context, page, problems } = await freshPage();
    await page.click('#tab-transcript');
    await pasteBig(page, '#transcript', `K: ${CLEAN_LINE}\nG: 好的谢谢，请问什么时候到`, 10 * MB);
    const progress = page.locator('#transcript-progress');
    await progress.waitFor({ state: 'visible', timeout: 5000 });
    let slowest = 0;
    for (const tab of ['reply', 'settings', 'transcript']) slowest = Math.max(slowest, await clickTabMs(page, tab));
    assert.ok(slowest < RESPONSIVE_MS, `slowest tab switch ${slowest} ms`);
    assert.ok(await progress.isVisible(), 'the 10 MB check was still running during the clicks');
    await progress.waitFor({ state: 'hidden', timeout: 240000 });
    await page.waitForSelector('#transcript-result .messages', { timeout: 30000 });
    // Only the first messages become elements; the line under them says how many there are.
    assert.ok(await page.locator('#transcript-result .messages > li').count() <= 500);
    assert.match(await page.locator('#transcript-result .more').last().innerText(), /500/);
    // Warnings of the core are listed (transcript.E305: checked in parts), errors of the page none.
    assert.equal(await page.locator('#transcript-result [data-code^="page."], #transcript-result [data-code^="wasm."]').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('pasted markup and javascript: text', () => {
  test('stay text in the reply, the transcript, a custom pack and the handbook: no element is made from them', async () => {
    const { context, page } = await freshPage();
    // Every element the page creates from now on, by tag name.
    await page.evaluate(() => {
      window.__made = [];
      // The handbook's contents list links to its own sections (#handout-…): counted apart.
      const name = (n) => (n.tagName === 'A' && /^#handout-[\w-]+$/.test(n.getAttribute('href') || '') ? 'a#' : n.tagName.toLowerCase());
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node.nodeType === 1) window.__made.push(name(node), ...[...node.querySelectorAll('*')].map(name));
      }).observe(document, { childList: true, subtree: true });
    });
    const attack = '加我微信 <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>' +
      '<svg onload="window.__pwned=3"></svg><iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>' +
      '<a href="javascript:window.__pwned=5">点我</a> javascript:window.__pwned=6 <style>*{display:none}</style>';
    const pack = JSON.parse(fixture('page-pack.json'));
    pack.rules[0].title = attack;
    pack.rules[0].message = attack;
    pack.rules[0].suggestion = 'javascript:window.__pwned=7';
    await useCustomPack(page, JSON.stringify(pack));
    await page.locator('#custom-pack-status').filter({ hasText: 'custom.json' }).waitFor();
    await page.click('#tab-reply');
    await page.focus('#reply');
    await page.keyboard.insertText(attack);  // what a paste does
    const findings = await settledFindings(page);
    assert.ok(findings.some((f) => f.rule === 'pagetest.offsite'));
    // The finding's title, message and suggestion (javascript: text) are shown as text; clicking
    // the quote and 采用建议 runs nothing.
    const item = page.locator('#reply-findings [data-rule="pagetest.offsite"]');
    assert.ok((await item.innerText()).includes('<img src=x onerror='));
    await item.locator('button.quote').click();
    await item.locator('button.apply').click();
    await page.click('#tab-transcript');
    await page.focus('#transcript');
    await page.keyboard.insertText(`K: ${attack}\nG: ${attack}`);
    await page.waitForSelector('#transcript-result .messages');
    await page.click('#tab-handbook');
    await page.waitForSelector('#handbook [data-rule="pagetest.offsite"]');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    const made = new Set(await page.evaluate(() => window.__made));
    for (const tag of ['img', 'script', 'svg', 'iframe', 'a', 'style'])
      assert.ok(!made.has(tag), `a <${tag}> was created: ${[...made].join(' ')}`);
    assert.equal(await page.locator('a[href^="javascript:" i], [onerror], [onload]').count(), 0);
    assert.ok((await page.locator('#transcript-result').innerText()).includes('javascript:window.__pwned=6'));
    assert.ok((await page.locator('#handbook').innerText()).includes('<script>window.__pwned=2</script>'));
    await context.close();
  });
});

describe('a malicious custom pack is refused with a message, and nothing changes', () => {
  const base = () => JSON.parse(fixture('page-pack.json'));
  const nest = (levels) => '{"pack":"deep","rules":' + '['.repeat(levels) + ']'.repeat(levels) + '}';
  const cases = [
    {
      name: 'huge (9 MB)',
      json: () => JSON.stringify({ ...base(), description: 'x'.repeat(9 * MB) }),
      code: 'pack.E105', text: /\[pack\.E105\] custom\.json: pack is \d+ bytes; the limit is 8388608/,
    },
    {
      name: 'deeply nested (100 levels)',
      json: () => nest(100),
      code: 'pack.E104', text: /\[pack\.E104\] custom\.json:1:\d+: nesting deeper than 32 levels/,
    },
    {
      name: 'wrong types',
      json: () => JSON.stringify({ ...base(), title: 7, rules: { 0: 'not an array' } }),
      code: 'pack.E201', pointer: '/rules', text: /\[pack\.E201\] custom\.json \/rules: must be an array/,
    },
    {
      name: 'wrong types inside a rule',
      json: () => { const p = base(); p.rules[0].terms = [1, null, {}]; return JSON.stringify(p); },
      code: 'pack.E201', pointer: '/rules/0/terms/0', text: /\[pack\.E201\] custom\.json \/rules\/0\/terms\/0: must be a string/,
    },
    {
      name: '__proto__ and constructor keys',
      json: () => {
        const text = JSON.stringify(base());
        return '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},' + text.slice(1);
      },
      code: 'pack.E103', pointer: '/__proto__', text: /\[pack\.E103\] custom\.json \/__proto__: unknown field/,
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const { context, page, problems } = await freshPage();
      await page.click('#tab-settings');
      await page.click('#custom-advanced summary');  // 高级: the JSON box
      const json = c.json();
      await page.evaluate((text) => {
        const box = document.querySelector('#custom-pack');
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }, json);
      await page.click('#custom-pack-apply');
      const error = page.locator(`#custom-pack-errors [data-code="${c.code}"]${c.pointer ? `[data-pointer="${c.pointer}"]` : ''}`).first();
      await error.waitFor({ timeout: 30000 });
      assert.match(await error.innerText(), c.text);
      assert.match(await page.locator('#custom-pack-status').innerText(), /未启用/);
      // Not stored, not used, nothing polluted; the page still checks with the built-in packs.
      assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('kefu-lint:settings') || '{}').customPack ?? null), null);
      assert.equal(await page.evaluate(() => ({}).polluted), undefined);
      await typeReply(page, '亲，特价商品不开发票的哦');
      const findings = await settledFindings(page);
      assert.ok(findings.some((f) => f.rule.endsWith('invoice-refusal')));
      assert.ok(!findings.some((f) => f.rule.startsWith('pagetest.')));
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('local storage full or switched off', () => {
  test('full (setItem throws QuotaExceededError): a notice, the draft stays in the box, checking goes on', async () => {
    const { context, page } = await freshPage(() => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await typeReply(page, '亲，特价商品不开发票的哦');
    const notice = page.locator('#storage-notice[data-kind=full]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /存储已满/);
    assert.equal(await page.inputValue('#reply'), '亲，特价商品不开发票的哦');
    assert.ok((await settledFindings(page)).some((f) => f.rule.endsWith('invoice-refusal')));
    // The other boxes keep what is typed too.
    await page.click('#tab-transcript');
    await page.fill('#transcript', 'K: 在吗\nG: 在的');
    await page.click('#tab-settings');
    await page.click('#custom-advanced summary');
    await page.fill('#custom-pack', '{"pack":"mine"}');
    await page.click('#tab-transcript');
    assert.equal(await page.inputValue('#transcript'), 'K: 在吗\nG: 在的');
    assert.equal(await page.inputValue('#custom-pack'), '{"pack":"mine"}');
    await context.close();
  });

  test('switched off (localStorage throws on access): the page loads, says so, and works', async () => {
    const { context, page, problems } = await freshPage(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
      });
    });
    const notice = page.locator('#storage-notice[data-kind=off]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /不可用/);
    await typeReply(page, '亲，特价商品不开发票的哦');
    assert.ok((await settledFindings(page)).some((f) => f.rule.endsWith('invoice-refusal')));
    assert.equal(await page.inputValue('#reply'), '亲，特价商品不开发票的哦');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
