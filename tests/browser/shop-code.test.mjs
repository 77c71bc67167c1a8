// 设置 → 本店规范, as a shop owner uses it: the example filled in from the shop code, saved and used
// by the checks at once; mistakes shown in Chinese next to the field that causes them; exceptions;
// reply limits judged in transcripts; export and import as a .json pack, and a pack the form
// cannot show kept in the JSON box; the format's help inside the page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { fixture, openPage, settledFindings, typeReply, withBrowserAndSite } from './support.mjs';

const env = withBrowserAndSite();

async function settings(context) {
  const { page, problems } = await openPage(context || await env.browser.newContext(), env.site.url);
  await page.click('#tab-settings');
  await page.waitForSelector('#shop-form fieldset');
  return { page, problems };
}

async function saved(page) {
  await page.click('#shop-save');
  await page.locator('#shop-status').filter({ hasText: /已保存|需要修改|未保存/ }).waitFor({ timeout: 20000 });
  return page.innerText('#shop-status');
}

const visibleError = (page, key) => page.locator(`[data-error-for="${key}"]:not([hidden])`);

describe('本店规范 form', () => {
  test('the example saves, replaces the built-in example code, and its words are flagged with its fine', async () => {
    const { page, problems } = await settings();
    assert.doesNotMatch(await page.locator('#panel-settings').innerText(), /docs\/|\.md\b/);
    await page.click('#shop-starter');
    assert.equal(await page.inputValue('[name="banned.0.words"]'), '爱买不买、不买拉倒、嫌贵别买、烦不烦、有完没完');
    // The category list is the module's: every reply category, titled as the core titles it.
    const options = await page.$$eval('[name="banned.0.category"] option', (o) => o.map((x) => x.value));
    assert.ok(options.length >= 15 && options.includes('rude') && options.includes('off_platform'), options.join());
    assert.ok(!options.includes('slow_response'), 'conversation categories are not word categories');
    await page.fill('[name="shopName"]', '小美的店');
    assert.match(await saved(page), /已保存并启用（5 条规则）/);
    // The handbook is the shop's: its name on the cover, its rules labelled 店规 with its fines.
    await page.click('#tab-handbook');
    const rule = page.locator('#handbook article[data-rule="myshop.banned-1"]');
    await rule.waitFor({ timeout: 20000 });
    assert.match(await page.innerText('#handbook .cover'), /小美的店/);
    assert.match(await rule.innerText(), /店规\s*每次扣除100元/);
    assert.equal(await page.locator('#handbook article[data-rule^="shop."]').count(), 0);
    await typeReply(page, '亲，爱买不买');
    const findings = await settledFindings(page);
    assert.ok(findings.some((f) => f.rule === 'myshop.banned-1'), JSON.stringify(findings));
    assert.ok(!findings.some((f) => f.rule.startsWith('shop.')), 'the built-in example code is replaced');
    assert.match(await page.locator('#reply-findings [data-rule="myshop.banned-1"]').innerText(), /每次扣除100元/);
    // Stored: a reload keeps the code in the form and in use.
    await page.reload();
    await page.waitForSelector('html[data-ready=true]');
    await typeReply(page, '不归我管');
    assert.ok((await settledFindings(page)).some((f) => f.rule === 'myshop.banned-2'));
    await page.click('#tab-settings');
    await page.waitForSelector('#shop-form fieldset');
    assert.equal(await page.inputValue('[name="fines.rude"]'), '每次扣除100元');
    assert.deepEqual(problems, []);
  });

  test('mistakes are shown in Chinese next to their field, and nothing is saved', async () => {
    const { page } = await settings();
    await page.click('#shop-starter');
    await page.fill('[name="banned.0.say"]', '');
    await page.fill('[name="banned.1.say"]', '这事不归我管哦');
    await page.fill('[name="warn"]', '400');
    await page.fill('[name="hours.from"]', '22:00');
    await page.fill('[name="hours.to"]', '06:00');
    assert.match(await saved(page), /有 4 处需要修改/);
    assert.match(await visibleError(page, 'hours').innerText(), /开始要早于结束/);
    assert.match(await visibleError(page, 'banned.0.say').innerText(), /写一句可以代替的说法/);
    assert.match(await visibleError(page, 'banned.1.say').innerText(), /含有禁用词「不归我管」/);
    assert.match(await visibleError(page, 'warn').innerText(), /比回复超时短/);
    assert.equal(await page.getAttribute('[name="banned.0.say"]', 'aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('kefu-lint:settings') || '{}').customPack ?? null), null);
    // An error only the engine finds (a word of nothing but punctuation) comes back to its field.
    await page.fill('[name="banned.0.say"]', '非常抱歉，我马上帮您处理');
    await page.fill('[name="banned.1.say"]', '亲，我来帮您联系售后');
    await page.fill('[name="warn"]', '60');
    await page.fill('[name="hours.from"]', '08:00');
    await page.fill('[name="hours.to"]', '23:00');
    await page.fill('[name="banned.0.words"]', '爱买不买、！！');
    assert.match(await saved(page), /需要修改/);
    const wordError = await visibleError(page, 'banned.0.words').innerText();
    assert.match(wordError, /禁用词「！！」不能用：只有标点、空格或符号/);
    assert.match(wordError, /pack\.E209/);
  });

  test('exceptions let their phrase pass; the rest of the word is still flagged', async () => {
    const { page } = await settings();
    await page.click('#shop-add');
    await page.fill('[name="banned.0.words"]', '滚');
    await page.selectOption('[name="banned.0.category"]', 'rude');
    await page.fill('[name="banned.0.say"]', '亲，请您稍等');
    await page.fill('[name="allowed"]', '滚筒洗衣机');
    assert.match(await saved(page), /已保存并启用（1 条规则）/);
    const pack = JSON.parse(await page.evaluate(() => JSON.parse(localStorage.getItem('kefu-lint:settings')).customPack.json));
    assert.deepEqual(pack.blockers, { 滚: ['滚筒洗衣机'] });
    await typeReply(page, '这台滚筒洗衣机很好用');
    assert.ok(!(await settledFindings(page)).some((f) => f.rule === 'myshop.banned-1'));
    await typeReply(page, '你给我滚');
    assert.ok((await settledFindings(page)).some((f) => f.rule === 'myshop.banned-1'));
  });

  test('reply limits and service hours judge transcripts', async () => {
    const { page } = await settings();
    await page.fill('[name="hours.from"]', '09:00');
    await page.fill('[name="hours.to"]', '21:00');
    await page.fill('[name="warn"]', '30');
    await page.fill('[name="error"]', '120');
    await page.locator('[name="error"]').dispatchEvent('change');
    await page.fill('[name="fines.slow_response"]', '每次扣除50元');
    assert.match(await saved(page), /已保存并启用（2 条规则）/);
    const pack = JSON.parse(await page.evaluate(() => JSON.parse(localStorage.getItem('kefu-lint:settings')).customPack.json));
    assert.equal(pack.settings.service_hours, '09:00-21:00');
    await page.click('#tab-transcript');
    await page.fill('#transcript', '[2024-06-18 10:00:00] 买家: 在吗\n[2024-06-18 10:03:00] 客服: 亲，您好，在的\n' +
      '[2024-06-18 22:00:00] 买家: 在吗\n[2024-06-18 22:10:00] 客服: 亲，您好，在的');
    const late = page.locator('#transcript-result [data-rule="myshop.slow-response"]');
    await late.first().waitFor({ timeout: 20000 });
    assert.equal(await late.count(), 1, 'the wait after 21:00 is outside the service hours');
    assert.match(await late.first().innerText(), /每次扣除50元/);
  });

  test('export gives a pack file; importing it fills the form; another pack goes to the JSON box', async () => {
    const { page } = await settings();
    await page.click('#shop-starter');
    await page.fill('[name="banned.0.words"]', '爱买不买、穷鬼');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#shop-export')]);
    assert.equal(download.suggestedFilename(), 'myshop.json');
    const text = fs.readFileSync(await download.path(), 'utf8');
    const pack = JSON.parse(text);
    assert.deepEqual(pack.rules[0].terms, ['爱买不买', '穷鬼']);
    assert.equal(pack.rules[0].penalty, '每次扣除100元');

    const fresh = await settings();
    await fresh.page.setInputFiles('#shop-import', { name: 'myshop.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await fresh.page.locator('#shop-status').filter({ hasText: /已保存/ }).waitFor({ timeout: 20000 });
    assert.equal(await fresh.page.inputValue('[name="banned.0.words"]'), '爱买不买、穷鬼');
    assert.equal(await fresh.page.inputValue('[name="followup"]'), '20');
    await typeReply(fresh.page, '穷鬼');
    assert.ok((await settledFindings(fresh.page)).some((f) => f.rule === 'myshop.banned-1'));

    // A pack with hand-written examples is not the form's: kept as JSON, validated and used.
    await fresh.page.click('#tab-settings');
    await fresh.page.setInputFiles('#shop-import', { name: 'page-pack.json', mimeType: 'application/json', buffer: Buffer.from(fixture('page-pack.json')) });
    await fresh.page.locator('#custom-pack-status').filter({ hasText: 'page-pack.json' }).waitFor({ timeout: 20000 });
    assert.equal(await fresh.page.evaluate(() => document.querySelector('#custom-advanced').open), true);
    assert.match(await fresh.page.innerText('#shop-notes'), /表单表示不了/);
    assert.match(await fresh.page.inputValue('#custom-pack'), /"pagetest"/);
    await typeReply(fresh.page, '亲，加我微信');
    assert.ok((await settledFindings(fresh.page)).some((f) => f.rule === 'pagetest.offsite'));
  });

  test('the pack format is explained inside the page', async () => {
    const { page } = await settings();
    await page.click('#pack-help summary');
    const help = await page.innerText('#pack-help');
    for (const word of ['blockers', 'examples', 'service_hours', 'penalty', 'category']) assert.ok(help.includes(word), word);
    assert.doesNotMatch(help, /https?:|\.md\b|github/);
  });
});

describe('本店规范 in English', () => {
  test('a language switch redraws the labels and keeps what is typed', async () => {
    const { page } = await settings();
    await page.click('#shop-add');
    await page.fill('[name="banned.0.words"]', '穷鬼');
    await page.click('#lang-toggle');
    await page.locator('#shop-form legend', { hasText: 'Banned words' }).waitFor();
    assert.equal(await page.inputValue('[name="banned.0.words"]'), '穷鬼');
    assert.match(await page.innerText('#shop-form'), /Say instead/);
  });
});
