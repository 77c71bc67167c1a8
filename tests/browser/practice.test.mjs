// 练习 in headless Chromium, as a trainee uses it: open the tab, start, answer a question, see the
// verdict with its rule and the score move; the same sheet number gives the same questions; quiz
// text from the packs stays text; the single offline file runs the quiz too.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { SINGLE_FILE, openPage, saveArtifact, withBrowserAndSite } from './support.mjs';

const env = withBrowserAndSite();

async function startPractice(page, { count = 5, seed } = {}) {
  await page.click('[data-tab="practice"]');
  await page.fill('[data-quiz-count]', String(count));
  await page.fill('[data-quiz-seed]', seed === undefined ? '' : String(seed));
  await page.click('[data-quiz-start]');
  await page.locator('[data-quiz-question]').waitFor();
}

const questionText = (page) => page.locator('[data-quiz-question] .quiz-text').innerText();

describe('练习', () => {
  test('start, answer, see the verdict, the rule and the score change; finish with a review and CSV', async () => {
    const context = await env.browser.newContext({ acceptDownloads: true });
    const { page, problems } = await openPage(context, env.site.url);
    await page.selectOption('#platform', 'pdd');
    await startPractice(page, { count: 5 });
    assert.equal(await page.getAttribute('[data-quiz-score]', 'data-quiz-score'), '0/0');
    assert.match(await page.locator('[data-quiz-score]').innerText(), /得分 0\/0/);
    const seedShown = await page.getAttribute('[data-quiz-seed-shown]', 'data-quiz-seed-shown');
    assert.match(seedShown, /^\d+$/);
    assert.match(await page.locator('.quiz-bar').innerText(), new RegExp(`题号 ${seedShown} · 拼多多 · 共 5 题`));
    assert.ok((await questionText(page)).length > 5);
    const choices = page.locator('[data-quiz-answer]');
    assert.ok(await choices.count() >= 2);

    // Answer every question with its first choice: the verdict, whichever it is, must agree with
    // the score, and the right choice is marked once answered.
    let right = 0;
    for (let i = 0; i < 5; i++) {
      await page.locator(`[data-quiz-question="${i}"]`).waitFor();
      await page.locator('[data-quiz-answer]').first().click();
      const result = page.locator('[data-quiz-result]');
      await result.waitFor();
      const verdict = await result.getAttribute('data-quiz-result');
      assert.ok(verdict === 'right' || verdict === 'wrong');
      if (verdict === 'right') right++;
      const text = await result.innerText();
      assert.match(text, verdict === 'right' ? /✓ 对/ : /✗ 错/);
      assert.match(text, /规则：.+（[a-z0-9_.-]+）/);
      // The chosen button and the right one are marked, and no answer can be changed.
      assert.equal(await page.locator('[data-quiz-answer][data-state=right]').count(), 1);
      assert.equal(await page.locator('[data-quiz-answer]:not([disabled])').count(), 0);
      assert.equal(await page.getAttribute('[data-quiz-score]', 'data-quiz-score'), `${right}/${i + 1}`);
      assert.match(await page.locator('[data-quiz-score]').innerText(), new RegExp(`得分 ${right}/${i + 1}`));
      if (i === 0) await page.screenshot({ path: saveArtifact('practice.png'), fullPage: true });
      await page.click('[data-quiz-next]');
    }
    await page.locator('[data-quiz-summary]').waitFor();
    assert.match(await page.locator('[data-quiz-summary] h2').innerText(), new RegExp(`5 题答对 ${right} 题`));
    assert.equal(await page.locator('[data-quiz-mistakes] li').count(), 5 - right);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-quiz-csv]')]);
    assert.equal(download.suggestedFilename(), `kefu-practice-pdd-${seedShown}.csv`);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines[0], '"序号","题目","你的答案","正确答案","结果","规则编号","规则"');
    assert.equal(csv.match(/,"(对|错)",/g).length, 5);
    await page.screenshot({ path: saveArtifact('practice-summary.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the same sheet number gives the same questions; a bad count is refused in Chinese', async () => {
    const context = await env.browser.newContext();
    const { page, problems } = await openPage(context, env.site.url);
    await startPractice(page, { count: 4, seed: 4242 });
    const first = await questionText(page);
    assert.equal(await page.getAttribute('[data-quiz-seed-shown]', 'data-quiz-seed-shown'), '4242');
    await startPractice(page, { count: 4, seed: 4242 });
    assert.equal(await questionText(page), first);
    await page.fill('[data-quiz-count]', '0');
    await page.click('[data-quiz-start]');
    assert.match(await page.locator('#practice .errors').innerText(), /题数须为 1 到 200/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the single offline file runs the quiz', async () => {
    assert.ok(fs.existsSync(SINGLE_FILE), `no single file at ${SINGLE_FILE}`);
    const context = await env.browser.newContext();
    const { page, problems } = await openPage(context, pathToFileURL(SINGLE_FILE).href);
    await startPractice(page, { count: 3, seed: 7 });
    await page.locator('[data-quiz-answer]').first().click();
    await page.locator('[data-quiz-result]').waitFor();
    assert.match(await page.getAttribute('[data-quiz-score]', 'data-quiz-score'), /^[01]\/1$/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
