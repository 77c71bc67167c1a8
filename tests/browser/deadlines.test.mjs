// 订单时效 in headless Chromium, as an after-sales agent uses it: one platform for the page, a
// ship-by clock on every platform, the shop's promise, countdowns from the core, errors beside the
// field they name (Chinese, English in English mode), and on a phone the answer at the top.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage, saveArtifact, withBrowserAndSite } from './support.mjs';

const env = withBrowserAndSite();

async function orderTab(viewport) {
  const context = await env.browser.newContext(viewport ? { viewport, isMobile: true } : {});
  const opened = await openPage(context, env.site.url);
  await opened.page.click('#tab-deadlines');
  await opened.page.uncheck('#order-form [name=live_now]');
  return { context, ...opened };
}

// The ship_by row once the list shows the answer for the current form.
async function shipRow(page, rule) {
  const row = page.locator(`#deadline-list [data-kind=ship_by][data-rule="${rule}"]`);
  await row.waitFor();
  return {
    status: await row.getAttribute('data-status'),
    due: await row.locator('.due').innerText(),
    left: await row.locator('.left').innerText(),
    basis: await row.getAttribute('data-basis'),
  };
}

describe('订单时效', () => {
  test('the order form follows the header platform, and the header follows the form', async () => {
    const { context, page, problems } = await orderTab();
    await page.selectOption('#platform', 'jd');
    assert.equal(await page.inputValue('#order-form [name=platform]'), 'jd');
    await page.fill('#order-form [name=now]', '2024-06-19T10:00');
    await page.fill('#order-form [name=paid]', '2024-06-18T10:00');
    const jd = await shipRow(page, 'jd.ship-by');
    assert.equal(jd.due, '2024-06-20 10:00:00');
    assert.equal(jd.basis, 'estimate');
    await page.selectOption('#order-form [name=platform]', 'douyin');
    assert.equal(await page.inputValue('#platform'), 'douyin');
    await shipRow(page, 'douyin.ship-by');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('every platform shows a ship-by clock for a paid, unshipped order, and a 24-hour promise wins', async () => {
    const { context, page } = await orderTab();
    await page.fill('#order-form [name=now]', '2024-06-19T09:00');
    await page.fill('#order-form [name=paid]', '2024-06-18T10:00');
    const defaults = { taobao: '2024-06-21', tmall: '2024-06-21', jd: '2024-06-20', pdd: '2024-06-20', douyin: '2024-06-20',
      kuaishou: '2024-06-20', 1688: '2024-06-21' };
    for (const [platform, day] of Object.entries(defaults)) {
      await page.selectOption('#platform', platform);
      await page.selectOption('#order-form [name=promised_ship_hours]', '');
      const row = await shipRow(page, `${platform}.ship-by`);
      assert.equal(row.due, `${day} 10:00:00`, platform);
      assert.equal(await page.locator('#deadline-list [data-kind=ship_by]').count(), 1, platform);
      await page.selectOption('#order-form [name=promised_ship_hours]', '24');
      await page.waitForSelector(`#deadline-list [data-rule="${platform}.ship-by"][data-basis=promised_ship_hours]`);
      const promised = await shipRow(page, `${platform}.ship-by`);
      assert.equal(promised.due, '2024-06-19 10:00:00', platform);
      assert.equal(promised.status, 'due_soon', platform);
      assert.equal(promised.left, '还剩 1小时0分', platform);
    }
    await context.close();
  });

  test('countdowns read 1天0小时45分 and the summary sits above the form', async () => {
    const { context, page } = await orderTab();
    await page.selectOption('#platform', 'taobao');
    await page.fill('#order-form [name=now]', '2024-06-20T09:14:25');
    await page.fill('#order-form [name=paid]', '2024-06-18T10:00');
    const row = await shipRow(page, 'taobao.ship-by');
    assert.equal(row.left, '还剩 1天0小时45分');
    const summary = page.locator('#deadline-summary [data-summary=deadlines]');
    assert.match(await summary.innerText(), /^共 1 项时效：进行中 1；最近到期：发货时限.*还剩 1天0小时45分$/);
    await page.evaluate(() => window.scrollTo(0, 0));
    const [summaryBox, formBox] = await Promise.all([page.locator('#deadline-summary').boundingBox(), page.locator('#order-form').boundingBox()]);
    assert.ok(summaryBox.y < formBox.y, 'the summary comes before the form');
    await context.close();
  });

  test('an impossible date is shown beside its field in Chinese, and never dropped', async () => {
    const { context, page } = await orderTab();
    await page.selectOption('#platform', 'taobao');
    await page.fill('#order-form [name=now]', '2024-06-19T10:00');
    await page.fill('#order-form [name=paid]', '2024-06-18T10:00');
    await shipRow(page, 'taobao.ship-by');
    // The browser's own date field: typing 02/30 leaves it unreadable rather than empty.
    await page.click('#order-form [name=shipped]');
    await page.keyboard.type('02302024');
    await page.keyboard.type('1000AM');
    await page.keyboard.press('Tab');
    const note = page.locator('#order-form [data-error-for=shipped]');
    await note.waitFor();
    assert.match(await note.innerText(), /^发货：日期或时间不存在（例如 2月30日）/);
    assert.equal(await page.locator('#deadline-list [data-kind]').count(), 0, 'no timeline computed as if nothing was shipped');
    assert.match(await page.innerText('#deadline-summary'), /有 1 处需要改正/);
    await context.close();
  });

  test('an impossible order of events comes from the core, beside the field, in the interface language', async () => {
    const { context, page } = await orderTab();
    await page.selectOption('#platform', 'taobao');
    await page.fill('#order-form [name=now]', '2024-06-19T10:00');
    await page.fill('#order-form [name=paid]', '2024-06-18T10:00');
    await page.fill('#order-form [name=shipped]', '2024-06-18T09:00');
    const note = page.locator('#order-form [data-error-for=shipped]');
    await note.waitFor();
    assert.equal(await note.innerText(), '发货时间（2024-06-18 09:00:00）早于付款时间（2024-06-18 10:00:00），不可能');
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.querySelector('#order-form [data-error-for=shipped]')?.textContent.startsWith('shipped ('));
    assert.equal(await note.innerText(), 'shipped (2024-06-18 09:00:00) is before paid (2024-06-18 10:00:00)');
    await context.close();
  });

  test('with no clock running the page says which event would start one; verified closes the order check', async () => {
    const { context, page } = await orderTab();
    await page.selectOption('#platform', 'jd');
    await page.fill('#order-form [name=now]', '2024-06-19T10:00');
    await page.fill('#order-form [name=complaint]', '2024-06-18T10:00');
    const waiting = page.locator('#deadline-waiting [data-waiting]');
    await waiting.waitFor();
    assert.match(await waiting.innerText(), /没有正在计时的时效/);
    assert.match(await page.innerText('#deadline-waiting [data-needs=paid]'), /^付款时间 → .*发货时限/);
    await page.fill('#order-form [name=complaint]', '');
    await page.fill('#order-form [name=ordered]', '2024-06-19T09:00');
    await page.fill('#order-form [name=verified]', '2024-06-19T09:05');
    await page.waitForSelector('#deadline-list [data-kind=order_verify][data-status=met]');
    await context.close();
  });

  test('screenshots of the order tab, desktop and a 390 px phone', async () => {
    for (const [name, viewport] of [['deadlines-desktop.png', null], ['deadlines-phone.png', { width: 390, height: 844 }]]) {
      const { context, page } = await orderTab(viewport);
      await page.selectOption('#platform', 'tmall');
      await page.fill('#order-form [name=now]', '2024-06-20T09:14:25');
      await page.fill('#order-form [name=ordered]', '2024-06-18T09:50');
      await page.fill('#order-form [name=paid]', '2024-06-18T10:00');
      await page.selectOption('#order-form [name=promised_ship_hours]', '48');
      await shipRow(page, 'tmall.ship-by');
      if (viewport) {
        // Filling the events scrolled the form; the summary stays in sight above the field.
        assert.ok(await page.evaluate(() => window.scrollY) > 200, 'the form was scrolled');
        const box = await page.locator('#deadline-summary').boundingBox();
        assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `the summary is on screen (${box.y}+${box.height})`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
      }
      if (!viewport) await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: saveArtifact(name), fullPage: !viewport });
      await context.close();
    }
  });
});
