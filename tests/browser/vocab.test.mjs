// The page names platforms, severities and statuses with the core's vocabulary: the platform
// selectors are filled from vocabulary() at start-up, and a custom pack that adds a platform
// (tests/fixtures/vocab/xhs.json, a platform no code knows) is offered, chosen and checked.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { ROOT, openPage, saveArtifact, settledFindings, typeReply, withBrowserAndSite } from './support.mjs';

const CLI = process.env.KEFU_CLI || path.join(ROOT, 'build/native/cli/kefu-lint');
const XHS_FILE = path.join(ROOT, 'tests/fixtures/vocab/xhs.json');
const XHS = fs.readFileSync(XHS_FILE, 'utf8');

// What the core says, from the CLI built of the same sources.
function vocabulary(...args) {
  const run = spawnSync(CLI, ['vocabulary', '--format', 'json', ...args], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

const env = withBrowserAndSite();

const options = (page, selector) => page.$$eval(`${selector} option`, (list) => list.map((o) => ({ value: o.value, label: o.textContent })));

describe('vocabulary', () => {
  test('every platform selector lists the vocabulary\'s platforms by their titles, in both languages', async () => {
    const context = await env.browser.newContext();
    const { page, problems } = await openPage(context, env.site.url);
    const { platforms } = vocabulary();
    const zh = platforms.map((p) => ({ value: p.name, label: p.title }));
    for (const selector of ['#platform', '#settings-platform', '#order-form [name=platform]'])
      assert.deepEqual(await options(page, selector), zh, selector);
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await options(page, '#platform'), platforms.map((p) => ({ value: p.name, label: p.title_en })));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a finding\'s severity badge is the vocabulary\'s title', async () => {
    const context = await env.browser.newContext();
    const { page, problems } = await openPage(context, env.site.url);
    await typeReply(page, '亲，加我微信聊');
    const findings = await settledFindings(page);
    const error = findings.find((f) => f.severity === 'error');
    assert.ok(error, JSON.stringify(findings));
    const title = vocabulary().severities.find((s) => s.name === 'error').title;
    assert.equal(await page.locator(`#reply-findings [data-rule="${error.rule}"] .badge`).first().innerText(), title);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a custom pack that adds a platform is offered, chosen and checked', async () => {
    const context = await env.browser.newContext();
    await context.addInitScript((json) => {
      if (!localStorage.getItem('kefu-lint:settings'))
        localStorage.setItem('kefu-lint:settings', JSON.stringify({ platform: 'xhs', customPack: { name: 'xhs.json', json } }));
    }, XHS);
    const { page, problems } = await openPage(context, env.site.url);
    const added = vocabulary('--pack', XHS_FILE).platforms.at(-1);
    assert.equal(added.name, 'xhs');
    await page.waitForSelector('#platform option[value="xhs"]', { state: 'attached' });
    assert.equal(await page.locator('#platform option[value="xhs"]').innerText(), added.title);
    assert.equal(await page.locator('#platform').inputValue(), 'xhs');
    await typeReply(page, '亲，私信下单更便宜');
    const findings = await settledFindings(page);
    assert.ok(findings.some((f) => f.rule === 'xhs.private-message'), JSON.stringify(findings));
    await page.screenshot({ path: saveArtifact('vocab-custom-platform.png'), fullPage: true });
    // On a built-in platform the added platform's rules stay out.
    await page.selectOption('#platform', vocabulary().platforms[0].name);
    await typeReply(page, '亲，私信下单更便宜呀');
    assert.ok(!(await settledFindings(page)).some((f) => f.rule === 'xhs.private-message'));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
