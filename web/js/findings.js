// One finding as a list item with the hooks browser tests rely on (data-category, data-rule,
// data-severity; docs/page.md):
// title, severity, penalty, why (message and source) and the suggestion.
import { el } from './dom.js';
import { localized, t } from './i18n.js';

// Lists stop at this many items (the counts above them cover everything): a 10 MB paste can
// have hundreds of thousands of findings, and as many list items would freeze the page.
export const MAX_LISTED = 500;

export function findingItem(finding, actions = {}) {
  const severity = finding.severity;
  const suggestion = finding.suggestion
    ? el('p', { class: 'suggestion' }, t('suggestion'), '：', finding.suggestion, ' ',
        actions.apply && el('button', { type: 'button', class: 'apply', onclick: () => actions.apply(finding),
          'aria-label': `${t('apply')}：${finding.suggestion}` }, t('apply')))
    : null;
  return el('li', { class: 'finding', 'data-category': finding.category, 'data-rule': finding.rule, 'data-severity': severity },
    el('h3', {}, el('span', { class: 'badge', 'data-severity': severity }, t('severity.' + severity)), ' ', localized(finding, 'title')),
    el('p', {},
      finding.text ? (actions.locate
        ? el('button', { type: 'button', class: 'quote', onclick: () => actions.locate(finding), title: t('locate') }, '「', finding.text, '」')
        : el('span', { class: 'quote' }, '「', finding.text, '」')) : null,
      ' ', el('span', { class: finding.penalty ? 'penalty' : 'penalty none' }, t('penalty'), '：', finding.penalty || t('none_stated'))),
    el('p', {}, t('why'), '：', localized(finding, 'message')),
    suggestion,
    // The rule's id is for pack authors and QA exports, not the agent: a tooltip, not text.
    el('p', { class: 'meta', title: finding.rule }, t('source'), '：', finding.source));
}

export function errorItems(errors) {
  return (errors || []).map((error) =>
    el('li', { 'data-code': error.code, 'data-pointer': error.pointer || null }, error.text || `[${error.code}] ${error.message}`));
}

// The core's own counts (the `summary` of a check or transcript answer) in words: the page does
// not count findings again.
export function countLine(summary) {
  const s = summary || {};
  return s.total ? t('count', { n: s.total, error: s.error || 0, warning: s.warning || 0, info: s.info || 0 }) : t('clean');
}
