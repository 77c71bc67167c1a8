// Rewrites and the phrase library in the real page (issue 11): apply one finding's rewrite,
// 全部修正, undo with Ctrl+Z and 撤销, copy; the 话术库 tab lists, searches and copies phrases and
// keeps the shop's own ones across a reload.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage, saveArtifact, settledFindings, typeReply, withBrowserAndSite } from './support.mjs';

const env = withBrowserAndSite();

async function freshPage() {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const opened = await openPage(context, env.site.url);
  return { context, ...opened };
}

// The rewrite buttons appear once the page has the core's fix for the text on screen.
async function applyButton(page, category) {
  const button = page.locator(`#reply-findings [data-category="${category}"] [data-action="apply"]`).first();
  await button.waitFor({ timeout: 10000 });
  return button;
}

async function statusIsClean(page) {
  await page.waitForFunction(() => document.querySelector('#reply-status').textContent === '未发现问题 ✓');
}

describe('改写', () => {
  test('applying the rewrite of an off-platform lure removes the handle, re-checks clean and Ctrl+Z undoes it', async () => {
    const { context, page, problems } = await freshPage();
    const original = '亲，加我薇信 abc123 给你便宜点';
    await typeReply(page, original);
    const before = await settledFindings(page);
    assert.ok(before.some((f) => f.category === 'off_platform'), JSON.stringify(before));
    assert.notEqual(await page.textContent('#reply-status'), '未发现问题 ✓');
    await (await applyButton(page, 'off_platform')).click();
    await page.waitForFunction((o) => document.querySelector('#reply').value !== o, original);
    const fixed = await page.inputValue('#reply');
    assert.ok(!fixed.includes('abc123') && !fixed.includes('薇信'), fixed);
    assert.ok(fixed.length >= 5);
    assert.deepEqual(await settledFindings(page), []);
    await statusIsClean(page);
    // The box shows what changed: the rewritten characters are marked and listed.
    assert.ok(await page.locator('#reply-marks mark.changed').count() > 0);
    assert.ok((await page.textContent('#reply-changes')).includes('abc123'));
    await page.screenshot({ path: saveArtifact('fix-reply-applied.png'), fullPage: true });
    await page.focus('#reply');
    await page.keyboard.press('Control+z');
    await page.waitForFunction((o) => document.querySelector('#reply').value === o, original);
    assert.ok((await settledFindings(page)).some((f) => f.category === 'off_platform'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('全部修正 fixes every finding, 撤销 brings the original back and 复制 copies the reply', async () => {
    const { context, page } = await freshPage();
    const original = '你有病吧？这款没货了。发票以后再说吧！';
    await typeReply(page, original);
    assert.ok((await settledFindings(page)).length >= 3);
    await page.locator('#reply-fix-all:not([disabled])').waitFor();
    await page.click('#reply-fix-all');
    await page.waitForFunction((o) => document.querySelector('#reply').value !== o, original);
    assert.deepEqual(await settledFindings(page), []);
    await statusIsClean(page);
    const fixed = await page.inputValue('#reply');
    assert.ok(fixed.includes('X月X日前'), fixed);
    assert.ok(fixed.includes('推荐'), fixed);
    await page.click('#reply-copy');
    await page.waitForFunction(() => document.querySelector('#reply-status').textContent === '已复制');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fixed);
    await page.click('#reply-undo');
    await page.waitForFunction((o) => document.querySelector('#reply').value === o, original);
    assert.ok(await page.isDisabled('#reply-undo'));
    await context.close();
  });

  test('a finding with no rewrite that passes says what to do instead', async () => {
    const { context, page } = await freshPage();
    // A shop pack whose only rude rewrite can never pass: the finding keeps advice, no button.
    await page.click('#tab-settings');
    await page.click('#custom-advanced summary');  // 高级: the JSON box
    await page.fill('#custom-pack', JSON.stringify({ pack: 'myshop', rewrites: [
      { category: 'rude', advice: '整句换成礼貌的说法', candidates: [{ scope: 'sentence', text: '你有病吧' }] }] }));
    await page.click('#custom-pack-apply');
    await page.locator('#custom-pack-status').filter({ hasText: 'custom.json' }).waitFor();
    await typeReply(page, '你有病吧，烦不烦');
    await settledFindings(page);
    const item = page.locator('#reply-findings [data-category="rude"]').first();
    await item.locator('.rewrite-none').waitFor();
    assert.ok((await item.innerText()).includes('整句换成礼貌的说法'));
    assert.equal(await item.locator('[data-action="apply"]').count(), 0);
    await context.close();
  });
});

describe('话术库', () => {
  test('lists the phrases, narrows them by search, copies one and keeps the shop\'s own', async () => {
    const { context, page, problems } = await freshPage();
    await page.click('[data-tab="phrases"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-phrase]').length >= 100);
    const all = await page.locator('[data-phrase]').count();
    await page.fill('#phrase-search', '发票');
    const visible = page.locator('[data-phrase]:visible');
    await page.waitForFunction((n) => [...document.querySelectorAll('[data-phrase]')].filter((li) => !li.hidden).length < n, all);
    const texts = await visible.allInnerTexts();
    assert.ok(texts.length > 0 && texts.length < all, `${texts.length} of ${all}`);
    for (const text of texts) assert.ok(text.includes('发票'), text);
    await visible.first().locator('[data-action="copy"]').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.includes('发票'), copied);
    await page.fill('#phrase-search', '');
    await page.screenshot({ path: saveArtifact('fix-phrases.png'), fullPage: false });

    // The shop's own phrase: a violation is refused, a clean one is kept across a reload.
    await page.click('#phrase-own summary');
    await page.fill('#phrase-form [name=scenario]', '本店活动');
    await page.fill('#phrase-form [name=title]', '私聊');
    await page.fill('#phrase-form [name=text]', '加我微信聊，给你便宜点');
    await page.click('#phrase-form button[type=submit]');
    await page.locator('#phrase-form-errors li').filter({ hasText: '没有通过检查' }).waitFor();
    assert.equal(await page.locator('[data-phrase][data-mine]').count(), 0);
    await page.fill('#phrase-form [name=text]', '亲，周年庆全场满199减20，欢迎选购。');
    await page.fill('#phrase-form [name=title]', '周年庆');
    await page.click('#phrase-form button[type=submit]');
    await page.locator('[data-phrase][data-mine]').waitFor();
    await page.reload();
    await page.waitForSelector('html[data-ready=true]');
    await page.click('[data-tab="phrases"]');
    await page.locator('[data-phrase][data-mine]').filter({ hasText: '周年庆' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('phrases follow the platform: JD says 本店 and offers its own wording', async () => {
    const { context, page } = await freshPage();
    await page.selectOption('#platform', 'jd');
    await page.click('[data-tab="phrases"]');
    await page.waitForFunction(() => document.querySelector('[data-phrase="return7-01"]')?.textContent.includes('15天'));
    const texts = await page.locator('[data-phrase]').allInnerTexts();
    assert.ok(texts.length >= 100);
    for (const text of texts) assert.ok(!text.includes('本公司'), text);
    await context.close();
  });
});
