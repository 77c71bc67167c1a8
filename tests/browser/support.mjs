// Shared by the browser tests: Debian's Chromium through playwright-core (never a downloaded
// browser), the built site served on a free port, and the repository's paths.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// KEFU_DIST_DIR: the page built elsewhere (scripts/build-web honours the same variable).
const DIST = process.env.KEFU_DIST_DIR || path.join(ROOT, 'dist');
export const SITE = path.join(DIST, 'web');
export const SINGLE_FILE = path.join(DIST, 'kefu-lint.html');
export const ARTIFACTS = path.join(ROOT, 'build/artifacts');
export const fixture = (name) => fs.readFileSync(path.join(ROOT, 'tests/browser/fixtures', name), 'utf8');

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.KEFU_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export async function serveSite() {
  if (!fs.existsSync(path.join(SITE, 'index.html'))) throw new Error(`${SITE} is missing: run scripts/build first`);
  const server = await startServer(SITE, 0);
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

// One browser and one served site for a test file, closed after it: `env.browser`, `env.site`.
export function withBrowserAndSite() {
  const env = {};
  before(async () => {
    env.browser = await launchBrowser();
    env.site = await serveSite();
  });
  after(async () => {
    await env.browser?.close();
    env.site?.server.close();
  });
  return env;
}

// Opens the page and waits until the checker is loaded and every tab is wired.
export async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  await page.waitForSelector('html[data-ready=true]', { timeout: 20000 });
  return { page, problems };
}

// Loads a custom pack through the 设置 tab, the way a user does.
export async function useCustomPack(page, json) {
  await page.click('#tab-settings');
  await page.locator('#custom-advanced').evaluate((details) => { details.open = true; });  // 高级: the JSON box
  await page.fill('#custom-pack', json);
  await page.click('#custom-pack-apply');
  // Applying validates the pack and compiles it with the built-in ones in the worker, which takes
  // a moment with the larger packs: a reply typed before it is done is checked without it.
  await page.waitForFunction(() => /custom\.json/.test(document.querySelector('#custom-pack-status').textContent) ||
    document.querySelectorAll('#custom-pack-errors li').length > 0);
}

export async function typeReply(page, text) {
  await page.click('#tab-reply');
  await page.fill('#reply', '');
  await page.locator('#reply').pressSequentially(text);
}

// Waits until the list shows the result for what the reply box holds now.
export async function settledFindings(page) {
  // The highlight layer repeats the text it was painted for (plus a zero-width space).
  await page.waitForFunction(() =>
    document.querySelector('#reply-marks').textContent === document.querySelector('#reply').value + '\u200b');
  return page.$$eval('#reply-findings [data-rule]', (items) => items.map((li) => ({
    rule: li.dataset.rule, category: li.dataset.category, severity: li.dataset.severity })));
}

export function saveArtifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
