// Nothing typed before the checker is ready is lost (issue 15): the worker is held back so the
// test can type and paste while the page is still loading, over a stored older draft; when the
// module arrives the typed text must still be there, be stored as the draft and be checked.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { settledFindings, withBrowserAndSite } from './support.mjs';

const env = withBrowserAndSite();

describe('startup', () => {
  test('text typed and pasted before the module is ready survives the draft restore and is checked', async () => {
    const context = await env.browser.newContext();
    // Older drafts in storage, as after an earlier visit.
    await context.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('kefu-lint:draft.reply', JSON.stringify('旧的草稿'));
      localStorage.setItem('kefu-lint:draft.transcript', JSON.stringify('K: 旧的记录'));
    });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    let workerAsked = false;
    await context.route('**/worker.js', async (route) => {
      workerAsked = true;
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(env.site.url, { waitUntil: 'domcontentloaded' });
    await page.locator('#reply').pressSequentially('亲，加我微信');
    await page.focus('#reply');
    await page.keyboard.insertText('聊吧');  // what a paste does
    await page.evaluate(() => {
      const box = document.querySelector('#transcript');
      box.value = 'G: 在吗\nK: 加我微信';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Still loading: the checker has not started, so these keystrokes went nowhere but the box.
    assert.equal(await page.getAttribute('html', 'data-ready'), null);
    assert.ok(workerAsked, 'the page asked for its worker');
    release();
    await page.waitForSelector('html[data-ready=true]', { timeout: 20000 });
    assert.equal(await page.inputValue('#reply'), '亲，加我微信聊吧');
    assert.equal(await page.inputValue('#transcript'), 'G: 在吗\nK: 加我微信');
    const findings = await settledFindings(page);
    assert.ok(findings.some((f) => f.category === 'off_platform'), JSON.stringify(findings));
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('kefu-lint:draft.reply'))), '亲，加我微信聊吧');
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('kefu-lint:draft.transcript'))), 'G: 在吗\nK: 加我微信');
    await page.click('#tab-transcript');
    await page.waitForSelector('#transcript-result [data-category="off_platform"]');
    // And it is what a reload brings back.
    await page.reload();
    await page.waitForSelector('html[data-ready=true]', { timeout: 20000 });
    assert.equal(await page.inputValue('#reply'), '亲，加我微信聊吧');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a chat export dropped on the transcript box before the module is ready is read once it is', async () => {
    const context = await env.browser.newContext();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await context.route('**/worker.js', async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(env.site.url, { waitUntil: 'domcontentloaded' });
    // The page's scripts have run (they select a tab at once) while the checker is held back.
    await page.waitForFunction(() => document.body.dataset.tab);
    const url = page.url();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['G: 在吗\nK: 加我微信聊'], 'chat.txt', { type: 'text/plain' }));
      const box = document.querySelector('#transcript');
      box.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      box.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    assert.equal(await page.getAttribute('html', 'data-ready'), null);
    release();
    await page.waitForSelector('html[data-ready=true]', { timeout: 20000 });
    assert.equal(page.url(), url);
    await page.waitForFunction(() => document.querySelector('#transcript').value === 'G: 在吗\nK: 加我微信聊');
    await page.click('#tab-transcript');
    await page.waitForSelector('#transcript-result [data-category="off_platform"]');
    await context.close();
  });

  test('with nothing typed, the stored draft comes back', async () => {
    const context = await env.browser.newContext();
    await context.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('kefu-lint:draft.reply', JSON.stringify('可以加我微信'));
    });
    const page = await context.newPage();
    await page.goto(env.site.url);
    await page.waitForSelector('html[data-ready=true]', { timeout: 20000 });
    assert.equal(await page.inputValue('#reply'), '可以加我微信');
    assert.ok((await settledFindings(page)).some((f) => f.category === 'off_platform'));
    await context.close();
  });
});
