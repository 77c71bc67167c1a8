// 规则手册: the core's handout — the module's rules() with format html, the very document
// `kefu-lint rules --format html` prints — shown inside the page for the page's platform, shop
// pack and custom pack, styled by the page's CSS; 「打印」 prints it with the handout's page breaks
// (@media print in app.css). The page renders no rule itself: one renderer, in the core.
import { $, clear, el } from './dom.js';
import { parseAnswer } from './engine.js';
import { errorItems } from './findings.js';
import { moduleOptions, settings } from './state.js';

// What survives of the core's HTML: its structural tags, classes, the data- hooks and links to
// its own #anchors. The core escapes every pack string it prints, so this is a second fence, not
// the first: nothing else (scripts, styles, event attributes, other links) can get through even
// if that ever broke. Its <style> is dropped as well; the page's CSS lays the handout out.
const TAGS = new Set(['div', 'header', 'nav', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'p', 'span', 'dl', 'dt', 'dd',
  'ol', 'ul', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'strong', 'em', 'code']);
const ID_PREFIX = 'handout-';

export function initHandbook(engine) {
  const root = $('#handbook');
  const filter = $('#handbook-filter');
  let stale = true;

  // Built only when its tab is open, so it never delays the first check.
  async function run() {
    stale = true;
    if ($('#panel-handbook').hidden) return;
    stale = false;
    // The clock dates the cover, as the CLI's clock does.
    const options = moduleOptions({ format: 'html', clock: Math.floor(Date.now() / 1000) });
    if (settings.shopName) options.shop_name = settings.shopName;  // from the 本店规范 form
    const answer = await engine.call('rules', '', options, 'handbook');
    if (answer.stale) return;
    if (!answer.out) {
      // An html call that failed prints its errors on stderr only; ask again for them as JSON.
      const why = await engine.call('rules', '', moduleOptions(), 'handbook');
      if (why.stale) return;
      const result = parseAnswer(why);
      clear(root).append(el('ul', { class: 'errors' }, errorItems(result.errors || [{ code: 'page.E002', message: 'no handbook' }])));
      return;
    }
    // From <body> on: the head's <style> would be refused by the page's CSP even in an inert
    // parsed document (and reported), and the page's CSS styles the handout anyway.
    const body = answer.out.slice(Math.max(0, answer.out.indexOf('<body')));
    const handout = new DOMParser().parseFromString(body, 'text/html').querySelector('.handout');
    clear(root);
    if (handout) root.append(copy(handout));
    applyFilter();
  }

  // 筛选 hides the rules that do not mention the words, and the categories left empty.
  function applyFilter() {
    const needle = filter.value.trim().toLowerCase();
    for (const rule of root.querySelectorAll('article[data-rule]'))
      rule.hidden = Boolean(needle) && !rule.textContent.toLowerCase().includes(needle);
    for (const category of root.querySelectorAll('section[data-category]'))
      category.hidden = !category.querySelector('article[data-rule]:not([hidden])');
    root.dataset.filtered = needle ? 'true' : 'false';
  }

  filter.addEventListener('input', applyFilter);
  // The contents list jumps within the tab without touching the page's #tab address.
  root.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#"]');
    if (!link) return;
    event.preventDefault();
    root.querySelector(link.getAttribute('href'))?.scrollIntoView({ block: 'start' });
  });
  $('#handbook-print').addEventListener('click', () => {
    filter.value = '';  // the handout prints whole
    applyFilter();
    window.print();
  });
  return { refresh: run, shown: () => stale && run() };
}

// A fresh copy of the parsed handout made of the allowed elements and attributes only.
function copy(node) {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.data);
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const tag = node.tagName.toLowerCase();
  if (!TAGS.has(tag)) return null;
  const out = document.createElement(tag);
  for (const { name, value } of node.attributes) {
    if (name === 'class' || name.startsWith('data-')) out.setAttribute(name, value);
    else if (name === 'id') out.id = ID_PREFIX + value;  // never one of the page's own ids
    else if (name === 'href' && tag === 'a' && /^#[\w-]+$/.test(value)) out.setAttribute('href', '#' + ID_PREFIX + value.slice(1));
  }
  for (const child of node.childNodes) {
    const c = copy(child);
    if (c) out.append(c);
  }
  return out;
}
