// 单条回复: checked on every keystroke. The text is mirrored in a layer under the textarea,
// with <mark> around each finding's characters (UTF-16 offsets, so emoji do not shift them).
import { LARGE, bigTextBox } from './bigtext.js';
import { $, clear, el } from './dom.js';
import { parseAnswer } from './engine.js';
import { MAX_LISTED, countLine, errorItems, findingItem } from './findings.js';
import { t } from './i18n.js';
import { utf16Range } from './offsets.js';
import { progressLine, sizeText } from './progress.js';
import { moduleOptions } from './state.js';
import { load, save } from './store.js';

const RANK = { error: 3, warning: 2, info: 1 };
// A pasted novel must not freeze the page painting: past these sizes the text is not mirrored
// with highlights and only the first findings become list items (the count says how many).
const MAX_MARKED_CHARS = LARGE;
let firstFindingsMarked = false;

export function initReply(engine) {
  const box = $('#reply');
  const marks = $('#reply-marks');
  const list = $('#reply-findings');
  const status = $('#reply-status');
  let shown = { text: null, findings: [] };

  const big = bigTextBox(box, $('#reply-big'), () => box.dispatchEvent(new Event('input', { bubbles: true })));
  const draft = load('draft.reply', '');
  if (draft.length > LARGE) big.set(draft);
  else box.value = draft;

  const progress = progressLine($('#reply-progress'));
  const note = $('#reply-note');

  async function run(inputTime) {
    const text = big.value();
    const token = progress.start(text.length);
    const answer = await engine.call('check', text, moduleOptions(), 'reply');
    progress.stop(token);
    if (answer.stale || big.value() !== text) return;
    const result = parseAnswer(answer);
    render(text, result);
    afterPaint(() => {
      if (inputTime !== undefined) performance.measure('kefu:keystroke-to-paint', { start: inputTime });
      if (!firstFindingsMarked && shown.findings.length) {
        firstFindingsMarked = true;
        performance.mark('kefu:first-findings');
      }
    });
  }

  function render(text, result) {
    const findings = result.findings || [];
    shown = { text, findings };
    const marked = text.length <= MAX_MARKED_CHARS;
    paintMarks(marks, marked ? text : '', marked ? findings : []);
    note.hidden = marked;
    note.textContent = marked ? '' : t('marks.off', { size: sizeText(text.length) });
    clear(list);
    if (result.errors) {
      list.append(...errorItems(result.errors));
      status.textContent = '';
      return;
    }
    list.append(...findings.slice(0, MAX_LISTED).map((f) => findingItem(f, { apply, locate })));
    if (findings.length > MAX_LISTED) list.append(el('li', { class: 'more' }, t('shown.some', { shown: MAX_LISTED, n: findings.length })));
    status.textContent = text.trim() ? countLine(findings) : '';
  }

  function apply(finding) {
    const [start, end] = utf16Range(shown.text, finding);
    if (box.value !== shown.text) return;  // the text changed under the button; it will re-render
    box.setRangeText(finding.suggestion, start, end, 'end');
    box.focus();
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function locate(finding) {
    const [start, end] = utf16Range(shown.text, finding);
    box.focus();
    box.setSelectionRange(start, end);
  }

  box.addEventListener('input', (event) => {
    save('draft.reply', big.value());
    run(event.timeStamp);
  });
  box.addEventListener('scroll', () => { marks.parentElement.scrollTop = box.scrollTop; });
  new ResizeObserver(() => { marks.style.width = box.clientWidth + 'px'; }).observe(box);

  $('#reply-clear').addEventListener('click', () => {
    big.set('');
    box.focus();
  });
  $('#reply-mask').addEventListener('click', async () => {
    const text = big.value();
    const result = parseAnswer(await engine.call('mask', text, moduleOptions()));
    if (result.errors || big.value() !== text) return;
    if (result.masked === text) {
      status.textContent = t('masked.none');
      return;
    }
    big.set(result.masked);
  });

  return { refresh: () => run() };
}

// Splits the text where findings start and end; each piece is marked with the most severe
// finding covering it, so overlapping findings still read clearly.
function paintMarks(layer, text, findings) {
  const ranges = findings.map((f) => [...utf16Range(text, f), f.severity]);
  const cuts = new Set([0, text.length]);
  for (const [start, end] of ranges) {
    cuts.add(Math.max(0, Math.min(start, text.length)));
    cuts.add(Math.max(0, Math.min(end, text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    let severity = null;
    for (const [start, end, s] of ranges)
      if (start <= from && to <= end && start < end && (!severity || RANK[s] > RANK[severity])) severity = s;
    const piece = text.slice(from, to);
    pieces.push(severity ? el('mark', { 'data-severity': severity }, piece) : piece);
  }
  // A trailing newline needs a character after it to take up its line, as in the textarea.
  pieces.push('\u200b');
  clear(layer).append(...pieces.map((p) => (typeof p === 'string' ? document.createTextNode(p) : p)));
}

function afterPaint(callback) {
  requestAnimationFrame(() => setTimeout(callback, 0));
}
