// 设置, as a shop owner uses it: 「填入示例」 gives a 本店规范 that validates as it stands and
// then catches its own banned words in the reply box; it never writes over a pack being edited.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage, settledFindings, typeReply, withBrowserAndSite } from './support.mjs';

const env = withBrowserAndSite();

describe('设置: the starter shop code', () => {
  test('fills an empty box, validates, and its banned word is flagged with the shop fine', async () => {
    const { page, problems } = await openPage(await env.browser.newContext(), env.site.url);
    await page.click('#tab-settings');
    assert.doesNotMatch(await page.locator('#panel-settings').innerText(), /docs\/|\.md/);
    await page.click('#custom-pack-starter');
    assert.match(await page.inputValue('#custom-pack'), /"pack": "myshop"/);
    await page.click('#custom-pack-apply');
    await page.locator('#custom-pack-status').filter({ hasText: /\S/ }).waitFor();
    assert.equal(await page.locator('#custom-pack-errors li').count(), 0);
    await page.click('#tab-reply');
    await typeReply(page, '这个不归我管');
    const findings = await settledFindings(page);
    assert.ok(findings.some((f) => f.rule === 'myshop.banned-words'), JSON.stringify(findings));
    assert.match(await page.locator('[data-rule="myshop.banned-words"]').first().innerText(), /每次扣除10元/);
    assert.deepEqual(problems, []);
  });

  test('does not write over a pack in the box', async () => {
    const { page } = await openPage(await env.browser.newContext(), env.site.url);
    await page.click('#tab-settings');
    await page.fill('#custom-pack', '{"pack": "mine"}');
    await page.click('#custom-pack-starter');
    assert.equal(await page.inputValue('#custom-pack'), '{"pack": "mine"}');
    assert.match(await page.locator('#custom-pack-status').innerText(), /已有内容/);
  });
});
