// 聊天记录: a pasted or dropped chat export, checked as a whole: per-message findings, the
// conversation figures, a summary by category and penalty; CSV/JSON export and print.
import { LARGE, bigTextBox } from './bigtext.js';
import { $, clear, download, el, readFileText } from './dom.js';
import { parseAnswer } from './engine.js';
import { MAX_LISTED, countLine, errorItems, findingItem } from './findings.js';
import { t } from './i18n.js';
import { progressLine } from './progress.js';
import { moduleOptions } from './state.js';
import { load, save } from './store.js';

export function initTranscript(engine) {
  const box = $('#transcript');
  const out = $('#transcript-result');
  const status = $('#transcript-status');
  let timer = 0;
  let last = null;

  const big = bigTextBox(box, $('#transcript-big'), () => box.dispatchEvent(new Event('input', { bubbles: true })));
  const draft = load('draft.transcript', '');
  if (draft.length > LARGE) big.set(draft);
  else box.value = draft;
  const progress = progressLine($('#transcript-progress'));

  async function run() {
    const text = big.value();
    if (!text.trim()) {
      clear(out).append(el('p', { class: 'hint' }, t('transcript.none')));
      status.textContent = '';
      last = null;
      return;
    }
    const token = progress.start(text.length);
    const answer = await engine.call('transcript', text, moduleOptions(), 'transcript');
    progress.stop(token);
    if (answer.stale || big.value() !== text) return;
    last = { text, result: parseAnswer(answer) };
    render(last.result);
  }

  function render(result) {
    clear(out);
    if (result.errors) {
      status.textContent = '';
      out.append(el('ul', { class: 'errors' }, errorItems(result.errors)));
      return;
    }
    const findings = result.findings || [];
    status.textContent = countLine(findings);
    if (result.warnings?.length) out.append(el('ul', { class: 'errors' }, errorItems(result.warnings)));
    if (result.figures) out.append(el('h2', {}, t('transcript.figures')), figureList(result.figures));
    if (findings.length) out.append(el('h2', {}, t('transcript.summary')), summaryTable(findings));
    const general = findings.filter((f) => !Number.isInteger(f.message_index));
    if (general.length) out.append(el('h2', {}, t('transcript.findings')), el('ul', { class: 'findings' }, general.slice(0, MAX_LISTED).map((f) => findingItem(f))));
    if (general.length > MAX_LISTED) out.append(el('p', { class: 'hint more' }, t('shown.some', { shown: MAX_LISTED, n: general.length })));
    // Findings by message, once (a 10 MB export has hundreds of thousands of messages); only the
    // first MAX_LISTED messages become elements, the summary above counts them all.
    const byMessage = new Map();
    for (const f of findings)
      if (Number.isInteger(f.message_index)) {
        if (!byMessage.has(f.message_index)) byMessage.set(f.message_index, []);
        byMessage.get(f.message_index).push(f);
      }
    const conversations = result.conversations || [{ messages: result.messages || [] }];
    let budget = MAX_LISTED;
    let total = 0;
    conversations.forEach((conversation, i) => {
      const messages = conversation.messages || [];
      total += messages.length;
      if (!messages.length || budget <= 0) return;
      out.append(el('h2', {}, t('transcript.messages'), conversations.length > 1 ? ` ${i + 1}` : '',
        conversation.buyer ? ` · ${conversation.buyer}` : ''));
      const shown = messages.slice(0, budget);
      budget -= shown.length;
      out.append(el('ol', { class: 'messages' }, shown.map((m, j) => messageItem(m, j, byMessage))));
    });
    if (budget <= 0 && total > MAX_LISTED) out.append(el('p', { class: 'hint more' }, t('shown.some', { shown: MAX_LISTED, n: total })));
  }

  box.addEventListener('input', () => {
    save('draft.transcript', big.value());
    clearTimeout(timer);
    timer = setTimeout(run, 120);  // a transcript is long; wait for a pause in typing
  });
  box.addEventListener('dragover', (event) => event.preventDefault());
  box.addEventListener('drop', async (event) => {
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    setText(await readFileText(file));
  });
  $('#transcript-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (file) setText(await readFileText(file));
    event.target.value = '';
  });
  $('#transcript-json').addEventListener('click', () => {
    if (last) download('kefu-lint-transcript.json', JSON.stringify(last.result, null, 2) + '\n', 'application/json');
  });
  $('#transcript-csv').addEventListener('click', async () => {
    if (!last) return;
    const answer = await engine.call('transcript', last.text, moduleOptions({ format: 'csv' }));
    // The core starts CSV with a BOM for Excel, but TextDecoder drops it on the way to JS.
    download('kefu-lint-transcript.csv', answer.out.startsWith('\ufeff') ? answer.out : '\ufeff' + answer.out, 'text/csv');
  });
  $('#transcript-print').addEventListener('click', () => window.print());

  function setText(text) {
    big.set(text);
  }

  return { refresh: run };
}

function messageItem(message, position, byMessage) {
  const index = Number.isInteger(message.index) ? message.index : position;
  const own = byMessage.get(index) || [];
  const from = message.from || '';
  return el('li', { class: 'message', 'data-from': from, 'data-index': index },
    el('div', { class: 'who' }, [message.time, message.name || (from && t('from.' + from))].filter(Boolean).join(' · ')),
    el('div', { class: 'text' }, message.text || ''),
    own.length ? el('ul', { class: 'findings' }, own.map((f) => findingItem(f))) : null);
}

// Nested figures (answered_within.300.percent, platform_bar.*) as flat, readable rows.
function figureList(figures) {
  const list = el('dl', { class: 'figures' });
  const add = (prefix, value) => {
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) add(prefix ? `${prefix}.${key}` : key, inner);
    } else if (value !== null && value !== undefined) {
      list.append(el('dt', {}, figureLabel(prefix)), el('dd', {}, String(value)));
    }
  };
  add('', figures);
  return list;
}

function figureLabel(key) {
  const label = t('figure.' + key);
  return label === 'figure.' + key ? key : label;
}

function summaryTable(findings) {
  const byCategory = new Map();
  for (const f of findings) {
    const row = byCategory.get(f.category) || { title: f.title, count: 0, penalties: new Map() };
    row.count += 1;
    if (f.penalty) row.penalties.set(f.penalty, (row.penalties.get(f.penalty) || 0) + 1);
    byCategory.set(f.category, row);
  }
  return el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, t('category')), el('th', {}, t('count.short')), el('th', {}, t('penalty')))),
    el('tbody', {}, [...byCategory].map(([category, row]) =>
      el('tr', { 'data-category': category },
        el('td', {}, row.title, ' ', el('code', {}, category)),
        el('td', {}, String(row.count)),
        el('td', {}, [...row.penalties].map(([p, n]) => `${p} × ${n}`).join('；'))))));
}
