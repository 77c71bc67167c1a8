// Issue 12 on the page: a pasted header-then-text export finds the slow reply and lists the
// speakers for confirmation; a role change re-checks at once and is remembered; a two-agent
// export gives each agent a scorecard row; figures read as people read them; several dropped
// files make one report; GB18030 and UTF-16 files are decoded; a photo gets a clear error; the
// phone layout does not overflow; the print is a report without the input box.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, openPage, saveArtifact, withBrowserAndSite } from './support.mjs';

const EXPORTS = path.join(ROOT, 'tests/fixtures/exports');
const exportText = (name) => fs.readFileSync(path.join(EXPORTS, name), 'utf8');

const env = withBrowserAndSite();

async function transcriptPage(viewport) {
  const context = await env.browser.newContext(viewport ? { viewport } : {});
  const opened = await openPage(context, env.site.url);
  await opened.page.click('#tab-transcript');
  return { context, ...opened };
}

async function paste(page, text) {
  await page.focus('#transcript');
  await page.fill('#transcript', '');
  await page.keyboard.insertText(text);
}

// Drops files on the box the way a browser does: a DataTransfer with File objects.
async function drop(page, files) {
  const handle = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, files.map((f) => ({ name: f.name, bytes: [...f.bytes] })));
  await page.dispatchEvent('#transcript', 'drop', { dataTransfer: handle });
}

describe('聊天记录 as a QA lead uses it', () => {
  test('a pasted header-then-text export finds the slow reply and lists the speakers', async () => {
    const { context, page, problems } = await transcriptPage();
    await paste(page, exportText('heading_space.txt'));
    await page.waitForSelector('#transcript-result [data-rule="shop.slow-response"]');
    const speakers = await page.$$eval('#transcript-result [data-speaker]', (rows) =>
      rows.map((r) => ({ name: r.dataset.speaker, role: r.querySelector('select').value, count: r.lastElementChild.textContent })));
    assert.deepEqual(speakers, [
      { name: '松鼠铺子旗舰店:小萌', role: 'agent', count: '3' },
      { name: 'tb_lily', role: 'buyer', count: '3' },
    ]);
    // Figures for people: labels, 6分29秒, no raw keys or booleans, times without the T.
    const text = await page.textContent('#transcript-result');
    assert.match(text, /最长等待6分29秒/);
    assert.match(text, /首响19秒/);
    for (const raw of ['answered_within', 'platform_bar', 'true', 'T10:00', '.txt']) assert.ok(!text.includes(raw), raw);
    assert.match(await page.textContent('#transcript-result .message .who'), /^2024-06-18 10:00:01 · tb_lily/);
    assert.match(await page.textContent('#transcript-result [data-header=period]'), /2024-06-18 10:00:01 至 2024-06-18 10:08:30/);
    assert.match(await page.textContent('#transcript-result [data-header=format]'), /名字 时间/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a role change re-checks at once and is remembered', async () => {
    const { context, page } = await transcriptPage();
    // No role word anywhere: the order of speakers decides, the user corrects it.
    await paste(page, '[2024-06-18 10:00:00] 小萌: 亲，您好，有什么可以帮您\n[2024-06-18 10:00:30] tb_lily: 这个有货吗\n[2024-06-18 10:08:00] 小萌: 亲，有货的哦，祝您生活愉快\n');
    await page.waitForSelector('#transcript-result [data-speaker="小萌"]');
    assert.equal(await page.inputValue('[data-speaker="小萌"] select'), 'buyer');
    await page.selectOption('[data-speaker="小萌"] select', 'agent');
    await page.waitForSelector('#transcript-result [data-speaker="小萌"][data-settled=user]');
    assert.equal(await page.inputValue('[data-speaker="小萌"] select'), 'agent');
    assert.equal(await page.inputValue('[data-speaker="tb_lily"] select'), 'buyer');
    await page.waitForSelector('#transcript-result [data-rule="shop.slow-response"]');  // 7分30秒 now the agent's
    await page.reload();
    await page.waitForSelector('html[data-ready=true]');
    await page.click('#tab-transcript');
    await page.waitForSelector('#transcript-result [data-speaker="小萌"][data-settled=user]');
    assert.equal(await page.inputValue('[data-speaker="小萌"] select'), 'agent');
    await context.close();
  });

  test('two files dropped at once make one report with a scorecard row per agent', async () => {
    const { context, page, problems } = await transcriptPage();
    await drop(page, [
      { name: 'two_agents.csv', bytes: fs.readFileSync(path.join(EXPORTS, 'two_agents.csv')) },
      { name: 'gbk.txt', bytes: fs.readFileSync(path.join(EXPORTS, 'gbk_heading.txt')) },
    ]);
    await page.waitForSelector('#transcript-result table.agents [data-agent="松鼠铺子旗舰店:小美"]');
    const rows = await page.$$eval('#transcript-result table.agents tbody tr', (trs) => trs.map((tr) => ({
      agent: tr.dataset.agent,
      conversations: tr.querySelector('[data-col=conversations]').textContent,
      first: tr.querySelector('[data-col=first]').textContent,
    })));
    assert.deepEqual(rows, [
      { agent: '松鼠铺子旗舰店:小萌', conversations: '3', first: '16秒' },  // mean of 10, 20 and 19 s (the GB18030 file)
      { agent: '松鼠铺子旗舰店:小美', conversations: '1', first: '6分40秒' },
    ]);
    assert.match(await page.textContent('#transcript-result [data-agent="松鼠铺子旗舰店:小美"] [data-col=penalties]'), /扣款 40元 \(店规 40元\)/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a UTF-16 export is decoded and a photo gets a clear error', async () => {
    const { context, page } = await transcriptPage();
    await drop(page, [{ name: 'utf16.csv', bytes: fs.readFileSync(path.join(EXPORTS, 'utf16.csv')) }]);
    await page.waitForSelector('#transcript-result [data-rule="shop.slow-response"]');
    await drop(page, [{ name: 'photo.png', bytes: Buffer.from('89504e470d0a1a0a0000000d4948445200000010', 'hex') }]);
    await page.waitForSelector('#transcript-result .errors [data-code="transcript.E312"]');
    assert.match(await page.textContent('#transcript-result .errors'), /这是一张图片/);
    await context.close();
  });

  test('the phone layout does not overflow; screenshots and the print for review', async () => {
    const text = exportText('two_agents.csv');
    for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const { context, page } = await transcriptPage(viewport);
      await paste(page, text);
      await page.waitForSelector('#transcript-result table.agents');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the screen`);
      await page.screenshot({ path: saveArtifact(`transcript-${name}.png`), fullPage: true });
      if (name === 'desktop') {
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.isVisible('#transcript'), false);
        assert.equal(await page.isVisible('#transcript-result .report-title'), true);
        await page.pdf({ path: saveArtifact('transcript-print.pdf'), format: 'A4' });
      }
      await context.close();
    }
  });
});
