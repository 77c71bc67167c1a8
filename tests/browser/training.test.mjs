// The training handout printed to PDF the way a trainer prints it (headless Chromium page.pdf),
// rendered to images with pdftoppm: a sensible page count, no blank page, the contents list, the
// cheat sheet and the deadlines each where they belong (issue 13).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launchBrowser } from './support.mjs';

const CLI = process.env.KEFU_CLI || path.join(ROOT, 'build/native/cli/kefu-lint');

function pageText(pdf, n) {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' });
}

for (const platform of ['taobao', 'pdd']) {
  test(`handout for ${platform} prints to PDF with no blank page`, async () => {
    assert.ok(fs.existsSync(CLI), `no CLI at ${CLI} (set KEFU_CLI)`);
    const html = execFileSync(CLI, ['rules', '--platform', platform, '--format', 'html', '--now', '2026-12-03', '--shop-name', '示例店铺'],
                              { encoding: 'utf8' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-handout-'));
    const pdf = path.join(dir, `${platform}.pdf`);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
    assert.ok(pages >= 8 && pages <= 40, `${pages} pages`);
    execFileSync('pdftoppm', ['-r', '30', '-png', pdf, path.join(dir, 'p')]);
    const pngs = fs.readdirSync(dir).filter((f) => f.endsWith('.png'));
    assert.equal(pngs.length, pages);
    const sizes = pngs.map((f) => fs.statSync(path.join(dir, f)).size);
    const blankish = Math.min(...sizes);
    for (let n = 1; n <= pages; n++) assert.match(pageText(pdf, n), /\S/, `page ${n} is blank`);
    assert.ok(blankish > 800, `a page image of ${blankish} bytes looks blank`);
    assert.match(pageText(pdf, 1), /客服规则培训手册/);
    assert.match(pageText(pdf, 1), /示例店铺/);
    assert.match(pageText(pdf, 2), /目录/);
    let cheat = 0, deadlines = 0;
    for (let n = 1; n <= pages; n++) {
      const t = pageText(pdf, n);
      if (/^\s*速查表/m.test(t)) cheat = n;
      if (/^\s*订单时限/m.test(t)) deadlines = n;
    }
    assert.ok(cheat > 2, 'the cheat sheet has its own page');
    assert.equal(deadlines, cheat + 1, 'the cheat sheet fits on one page, the deadlines follow');
    for (let n = 1; n <= pages; n++) assert.doesNotMatch(pageText(pdf, n), /\.txt|rule-sources|seed-only/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
}
