// What one finding's card says to an agent: a rewrite that covers several findings (the whole
// sentence is rewritten) is offered once and the other cards point to it; the 依据 line names
// the source, not the rule's internal id (kept as the card's data-rule and the line's tooltip).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage, settledFindings, typeReply, withBrowserAndSite } from './support.mjs';

const env = withBrowserAndSite();

describe('finding cards', () => {
  test('one sentence with three findings offers its rewrite once, and 依据 shows no rule id', async () => {
    const context = await env.browser.newContext();
    const { page, problems } = await openPage(context, env.site.url);
    await typeReply(page, '亲，发票这边暂时给您开不出来，加我薇信 abc123 给你便宜点');
    const findings = await settledFindings(page);
    assert.ok(findings.length >= 3, JSON.stringify(findings));
    await page.locator('#reply-findings [data-action="apply"]').first().waitFor({ timeout: 10000 });
    const cards = page.locator('#reply-findings li.finding');
    const n = await cards.count();
    // Every card either has a rewrite button (its own rewrite, or a pointer to the one shown
    // above with the same button) or says none passes.
    const buttons = await page.locator('#reply-findings [data-action="apply"]').count();
    const pointers = await page.locator('#reply-findings .rewrite-same').count();
    const none = await page.locator('#reply-findings .rewrite-none').count();
    assert.equal(buttons + none, n);
    assert.ok(pointers >= 1, 'findings sharing a rewrite point to it');
    const offered = await page.locator('#reply-findings .rewrite').allInnerTexts();
    assert.equal(new Set(offered).size, offered.length, `a rewrite is offered once: ${offered}`);
    // The pointer names the finding whose card holds the rewrite.
    const pointer = await page.locator('#reply-findings .rewrite-same').first().innerText();
    const firstTitle = await cards.first().locator('h3').innerText();
    assert.ok(firstTitle.includes(pointer.match(/「(.+?)」/)[1]), `${pointer} / ${firstTitle}`);
    for (let i = 0; i < n; i++) {
      const card = cards.nth(i);
      const rule = await card.getAttribute('data-rule');
      const meta = card.locator('.meta');
      assert.ok(!(await meta.innerText()).includes(rule), `the 依据 line shows ${rule}`);
      assert.equal(await meta.getAttribute('title'), rule);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
