// 聊天记录: a pasted or dropped chat export (several files make one report), checked as a whole:
// the report header, the speakers whose roles the user settles, the per-agent scorecard, the
// figures, a summary by category and penalty, per-message findings; CSV/JSON export and print.
import { bigTextBox } from './bigtext.js';
import { $, clear, download, el } from './dom.js';
import { parseAnswer } from './engine.js';
import { MAX_LISTED, countLine, errorItems, findingItem } from './findings.js';
import { t } from './i18n.js';
import { progressLine } from './progress.js';
import { agentsTable, figureRows, reportHeader, speakersTable, timeText, words } from './scorecard.js';
import { moduleOptions, settings } from './state.js';
import { load, save } from './store.js';

// Exports from Windows tools come as UTF-8, GBK/GB18030 (Excel's plain CSV) or UTF-16; the core
// reads text, so the page decodes first: UTF-16 by its byte order mark, UTF-8 when it is valid,
// else GB18030 when that is. Anything else (a photo, random bytes) goes on as lossy UTF-8 so the
// core can say what it is.
export function decodeExport(bytes) {
  const b = new Uint8Array(bytes);
  if (b[0] === 0xFF && b[1] === 0xFE) return { text: new TextDecoder('utf-16le').decode(b), encoding: 'UTF-16LE' };
  if (b[0] === 0xFE && b[1] === 0xFF) return { text: new TextDecoder('utf-16be').decode(b), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' };
  } catch { /* not UTF-8 */ }
  if (!b.slice(0, 4096).includes(0)) {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(b), encoding: 'GB18030' };
    } catch { /* not GB18030 either */ }
  }
  return { text: new TextDecoder('utf-8').decode(b), encoding: '' };
}

// Several files become one export: each starts a conversation of its own under its file name.
export async function readExports(files) {
  const parts = [];
  for (const file of files) {
    const { text } = decodeExport(await file.arrayBuffer());
    parts.push(files.length > 1 ? `=== ${file.name} ===\n${text.replace(/^\uFEFF/, '')}` : text);
  }
  return parts.join('\n');
}

// Files dropped on the box while the checker is still loading (before initTranscript) are held
// for it instead of being left to the browser, which would open the file in place of the page.
const early = { box: globalThis.document?.getElementById('transcript'), files: null };
const preventDefault = (event) => event.preventDefault();
function holdDrop(event) {
  const files = event.dataTransfer ? [...event.dataTransfer.files] : [];
  if (!files.length) return;
  event.preventDefault();
  early.files = files;
}
early.box?.addEventListener('dragover', preventDefault);
early.box?.addEventListener('drop', holdDrop);

export function initTranscript(engine) {
  const box = $('#transcript');
  const out = $('#transcript-result');
  const status = $('#transcript-status');
  let timer = 0;
  let last = null;

  const big = bigTextBox(box, $('#transcript-big'), () => box.dispatchEvent(new Event('input', { bubbles: true })));
  if (big.restore(load('draft.transcript', ''))) save('draft.transcript', big.value());
  const progress = progressLine($('#transcript-progress'));
  // Roles the user settled on the page, remembered across visits: {name: 'buyer' | 'agent'}.
  let roles = load('transcript.roles', {});

  function roleOptions(extra) {
    const agent = Object.keys(roles).filter((n) => roles[n] === 'agent').join(',');
    const buyer = Object.keys(roles).filter((n) => roles[n] === 'buyer').join(',');
    return moduleOptions({ ...(agent ? { agent } : {}), ...(buyer ? { buyer } : {}), ...extra });
  }

  function settle(name, role) {
    roles = { ...roles, [name]: role };
    save('transcript.roles', roles);
    run();
  }

  async function run() {
    const text = big.value();
    if (!text.trim()) {
      clear(out).append(el('p', { class: 'hint' }, t('transcript.none')));
      status.textContent = '';
      last = null;
      return;
    }
    const token = progress.start(text.length);
    const answer = await engine.call('transcript', text, roleOptions(), 'transcript');
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
    status.textContent = countLine(result.summary);
    const w = words();
    out.append(reportHeader(result, platformName()));
    const titles = new Map();
    for (const f of findings) if (!titles.has(f.category)) titles.set(f.category, f.title);
    if (result.agents?.length) out.append(el('h2', {}, w.agents), agentsTable(result.agents, titles));
    if (result.figures) out.append(el('h2', {}, t('transcript.figures')), figureRows(result.figures));
    if (result.speakers?.length) out.append(el('h2', { class: 'no-print' }, w.speakers), speakersTable(result.speakers, roles, settle));
    if (result.warnings?.length) out.append(el('ul', { class: 'errors' }, errorItems(result.warnings)));
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
      if (conversations.length > 1 && conversation.figures) out.append(figureRows(conversation.figures));
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
    const files = event.dataTransfer ? [...event.dataTransfer.files] : [];
    if (!files.length) return;
    event.preventDefault();
    setText(await readExports(files));
  });
  early.box?.removeEventListener('dragover', preventDefault);
  early.box?.removeEventListener('drop', holdDrop);
  if (early.files) readExports(early.files).then(setText);
  $('#transcript-file').addEventListener('change', async (event) => {
    const files = [...event.target.files];
    if (files.length) setText(await readExports(files));
    event.target.value = '';
  });
  $('#transcript-json').addEventListener('click', () => {
    if (last) download('kefu-lint-transcript.json', JSON.stringify(last.result, null, 2) + '\n', 'application/json');
  });
  $('#transcript-csv').addEventListener('click', async () => {
    if (!last) return;
    const answer = await engine.call('transcript', last.text, roleOptions({ format: 'csv' }));
    // The core starts CSV with a BOM for Excel, but TextDecoder drops it on the way to JS.
    download('kefu-lint-transcript.csv', answer.out.startsWith('\ufeff') ? answer.out : '\ufeff' + answer.out, 'text/csv');
  });
  $('#transcript-print').addEventListener('click', () => window.print());

  function setText(text) {
    big.set(text);
  }

  function platformName() {
    const option = document.querySelector(`#platform option[value="${settings.platform}"]`);
    return option ? option.textContent : settings.platform || '';
  }

  return { refresh: run };
}

function messageItem(message, position, byMessage) {
  const index = Number.isInteger(message.index) ? message.index : position;
  const own = byMessage.get(index) || [];
  const from = message.from || '';
  return el('li', { class: 'message', 'data-from': from, 'data-index': index },
    el('div', { class: 'who' }, [timeText(message.time), message.name, from && t('from.' + from)].filter(Boolean).join(' · ')),
    el('div', { class: 'text' }, message.text || ''),
    own.length ? el('ul', { class: 'findings' }, own.map((f) => findingItem(f))) : null);
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
