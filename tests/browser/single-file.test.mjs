// dist/kefu-lint.html opened from disk with the network cut: everything inside one file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { SINGLE_FILE, fixture, launchBrowser, openPage, settledFindings, typeReply, useCustomPack } from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the single file works from file:// offline, checking in a blob: worker, with no CSP violation', async () => {
  assert.ok(fs.existsSync(SINGLE_FILE), 'run scripts/build first');
  const context = await browser.newContext({ offline: true });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const { page, problems } = await openPage(context, pathToFileURL(SINGLE_FILE).href);
  // file:// refuses worker scripts from files; the page starts one from a blob: of its own text.
  assert.equal(await page.getAttribute('html', 'data-engine'), 'worker');
  await useCustomPack(page, fixture('page-pack.json'));
  await typeReply(page, '亲，可以加我微信聊');
  assert.ok((await settledFindings(page)).some((f) => f.rule === 'pagetest.offsite'));
  await page.click('#tab-handbook');
  await page.waitForSelector('#handbook article[data-rule]');
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:')), []);
  await context.close();
});
