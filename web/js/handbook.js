// 规则手册: every rule of the chosen platform with penalty, source and examples, laid out so
// that printing it gives a handout (see @media print in app.css).
import { $, clear, el } from './dom.js';
import { parseAnswer } from './engine.js';
import { errorItems } from './findings.js';
import { localized, t } from './i18n.js';
import { moduleOptions, settings } from './state.js';

export function initHandbook(engine) {
  const root = $('#handbook');
  const filter = $('#handbook-filter');
  let result = null;

  let stale = true;
  // The handbook is only built when its tab is open, so it never delays the first check.
  async function run() {
    stale = true;
    if ($('#panel-handbook').hidden) return;
    stale = false;
    const answer = await engine.call('rules', '', moduleOptions(), 'handbook');
    if (answer.stale) return;
    result = parseAnswer(answer);
    render();
  }

  function render() {
    clear(root);
    if (!result) return;
    if (result.errors) {
      root.append(el('ul', { class: 'errors' }, errorItems(result.errors)));
      return;
    }
    const categories = new Map((result.categories || []).map((c) => [c.name, c]));
    const needle = filter.value.trim().toLowerCase();
    const rules = (result.rules || []).filter((r) => !needle || JSON.stringify(r).toLowerCase().includes(needle));
    root.append(el('h2', {}, t('handbook.title', { platform: t('platform.' + (result.platform || settings.platform)) })),
      el('p', { class: 'hint' }, t('handbook.count', { n: rules.length }), ' · ',
        (result.packs || []).map((p) => p.title || p.name).join(' + ')));
    let pack = null;
    for (const rule of rules) {
      const first = rule.pack !== pack;
      pack = rule.pack;
      root.append(ruleSection(rule, categories.get(rule.category), first));
    }
  }

  filter.addEventListener('input', render);
  $('#handbook-print').addEventListener('click', () => window.print());
  return { refresh: run, shown: () => stale && run() };
}

function ruleSection(rule, category, firstOfPack) {
  return el('section', { 'data-rule': rule.id, 'data-category': rule.category, 'data-severity': rule.severity,
    'data-first-of-pack': firstOfPack || null },
    el('h3', {}, el('span', { class: 'badge', 'data-severity': rule.severity }, t('severity.' + rule.severity)), ' ',
      localized(rule, 'title'), ' ', el('code', {}, rule.id)),
    el('p', {}, t('category'), '：', category ? localized(category, 'title') : rule.category, ' · ',
      el('span', { class: rule.penalty ? 'penalty' : 'penalty none' }, t('penalty'), '：', rule.penalty || t('none_stated'))),
    el('p', {}, t('why'), '：', localized(rule, 'message')),
    rule.suggestion ? el('p', { class: 'suggestion' }, t('suggestion'), '：', rule.suggestion) : null,
    el('p', { class: 'meta' }, t('source'), '：', rule.source),
    el('div', { class: 'examples' },
      el('div', {}, el('h4', {}, t('examples.bad')), el('ul', { class: 'bad' }, (rule.examples?.bad || []).map((x) => el('li', {}, x)))),
      el('div', {}, el('h4', {}, t('examples.good')), el('ul', { class: 'good' }, (rule.examples?.good || []).map((x) => el('li', {}, x))))));
}
