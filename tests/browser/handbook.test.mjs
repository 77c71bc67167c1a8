// 规则手册: the tab shows the core's handout (the module's rules() as html), for the page's
// platform and packs — the same rules the module lists — in the page's style, with the contents
// list working inside the tab, the filter, and a print that keeps the handout's page plan
// (checked on the PDF with pdftotext, one page kept as an image in build/artifacts).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadModule } from '../node/support.mjs';
import { openPage, saveArtifact, withBrowserAndSite } from './support.mjs';

const env = withBrowserAndSite();

async function handbook(page) {
  await page.click('#tab-handbook');
  await page.waitForSelector('#handbook article[data-rule]', { timeout: 20000 });
  // The tab re-renders when settings change; wait until the cover names the page's platform.
  return page.$$eval('#handbook article[data-rule]', (items) => items.map((a) => a.dataset.rule));
}

function moduleRuleIds(options) {
  return loadModule().then((kefu) => JSON.parse(kefu.rules('', JSON.stringify(options))).rules.map((r) => r.id));
}

describe('规则手册 tab', () => {
  test("shows the core's handout for the platform and packs of the page", async () => {
    const { page, problems } = await openPage(await env.browser.newContext({ viewport: { width: 1100, height: 900 } }), env.site.url);
    await page.selectOption('#platform', 'pdd');
    const ids = await handbook(page);
    assert.deepEqual(ids.slice().sort(), (await moduleRuleIds({ platform: 'pdd', shop: true })).sort());
    assert.ok(ids.some((id) => id.startsWith('pdd.')) && ids.some((id) => id.startsWith('shop.')));
    const cover = await page.innerText('#handbook .cover');
    assert.match(cover, /客服规则培训手册/);
    assert.match(cover, /拼多多/);
    assert.match(cover, /\d{4}-\d\d-\d\d/);
    assert.match(cover, new RegExp(`${ids.length} 条`));
    // Penalties labelled by authority, as the core writes them.
    assert.ok(await page.locator('#handbook .authority.shop').count() > 0);
    // Only the handout's own markup: no style or script came along, and none of its ids can
    // collide with the page's.
    assert.equal(await page.locator('#handbook style, #handbook script, #handbook [style], #handbook [onclick]').count(), 0);
    const ids2 = await page.$$eval('#handbook [id]', (nodes) => nodes.map((n) => n.id));
    assert.ok(ids2.length > 5 && ids2.every((id) => id.startsWith('handout-')), ids2.join());
    await page.screenshot({ path: saveArtifact('handbook-tab.png') });
    // The contents list scrolls within the page and leaves the address alone.
    const before = await page.evaluate(() => location.hash);
    await page.click('#handbook nav.toc a[href="#handout-cheatsheet"]');
    await page.waitForFunction(() => {
      const box = document.querySelector('#handout-cheatsheet').getBoundingClientRect();
      return box.top >= -1 && box.top < window.innerHeight;
    });
    assert.equal(await page.evaluate(() => location.hash), before);

    // Without the shop pack, its rules leave the handout.
    await page.click('#tab-settings');
    await page.uncheck('#shop-pack');
    await page.click('#tab-handbook');
    await page.waitForFunction(() => !document.querySelector('#handbook article[data-rule^="shop."]'));
    const without = await page.$$eval('#handbook article[data-rule]', (items) => items.map((a) => a.dataset.rule));
    assert.deepEqual(without.slice().sort(), (await moduleRuleIds({ platform: 'pdd', shop: false })).sort());
    assert.deepEqual(problems, []);
  });

  test('筛选 hides the rules that do not mention the words, and empty categories', async () => {
    const { page } = await openPage(await env.browser.newContext(), env.site.url);
    const all = await handbook(page);
    await page.fill('#handbook-filter', '发票');
    const shown = await page.$$eval('#handbook article[data-rule]:not([hidden])', (items) => items.map((a) => a.textContent));
    assert.ok(shown.length > 0 && shown.length < all.length, `${shown.length} of ${all.length}`);
    assert.ok(shown.every((text) => text.includes('发票')));
    const emptyShown = await page.$$eval('#handbook section[data-category]:not([hidden])',
      (sections) => sections.filter((s) => !s.querySelector('article[data-rule]:not([hidden])')).length);
    assert.equal(emptyShown, 0);
    await page.fill('#handbook-filter', '');
    assert.equal(await page.locator('#handbook article[data-rule]:not([hidden])').count(), all.length);
  });

  test('prints as the handout: cover, contents, rules, cheat sheet, each where it belongs', async () => {
    const { page } = await openPage(await env.browser.newContext(), env.site.url);
    await handbook(page);
    await page.fill('#handbook-filter', '发票');  // 打印 prints the whole handout all the same
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
    await page.click('#handbook-print');
    assert.equal(await page.evaluate(() => window.__printed), true);
    assert.equal(await page.inputValue('#handbook-filter'), '');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('nav.tabs'), false);
    assert.equal(await page.isVisible('#handbook-print'), false);
    const pdf = saveArtifact('handbook-tab-print.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
    assert.ok(pages >= 8 && pages <= 60, `${pages} pages`);
    const text = (n) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(text(1), /客服规则培训手册/);
    assert.doesNotMatch(text(1), /目录|筛选|单条回复/);
    assert.match(text(2), /目录/);
    let cheat = 0;
    for (let n = 3; n <= pages; n++) {
      const t = text(n);
      assert.match(t, /\S/, `page ${n} is blank`);
      if (/^\s*速查表/m.test(t)) cheat = n;
    }
    assert.ok(cheat > 3, 'the cheat sheet starts a page of its own');
    const dir = path.dirname(pdf);
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '3', '-l', '3', pdf, path.join(dir, 'handbook-tab-print-page')]);
    assert.ok(fs.readdirSync(dir).some((f) => f.startsWith('handbook-tab-print-page')));
  });
});
