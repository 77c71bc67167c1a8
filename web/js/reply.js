// 单条回复: checked on every keystroke. The text is mirrored in a layer under the textarea,
// with <mark> around each finding's characters (UTF-16 offsets, so emoji do not shift them).
import { $, clear, el } from './dom.js';
import { parseAnswer } from './engine.js';
import { countLine, errorItems, findingItem } from './findings.js';
import { t } from './i18n.js';
import { utf16Range } from './offsets.js';
import { moduleOptions } from './state.js';
import { load, save } from './store.js';

const RANK = { error: 3, warning: 2, info: 1 };
let firstFindingsMarked = false;

export function initReply(engine) {
  const box = $('#reply');
  const marks = $('#reply-marks');
  const list = $('#reply-findings');
  const status = $('#reply-status');
  let shown = { text: null, findings: [] };

  box.value = load('draft.reply', '');

  async function run(inputTime) {
    const text = box.value;
    const answer = await engine.call('check', text, moduleOptions(), 'reply');
    if (answer.stale || box.value !== text) return;
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
    paintMarks(marks, text, findings);
    clear(list);
    if (result.errors) {
      list.append(...errorItems(result.errors));
      status.textContent = '';
      return;
    }
    list.append(...findings.map((f) => findingItem(f, { apply, locate })));
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
    save('draft.reply', box.value);
    run(event.timeStamp);
  });
  box.addEventListener('scroll', () => { marks.parentElement.scrollTop = box.scrollTop; });
  new ResizeObserver(() => { marks.style.width = box.clientWidth + 'px'; }).observe(box);

  $('#reply-clear').addEventListener('click', () => {
    box.value = '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.focus();
  });
  $('#reply-mask').addEventListener('click', async () => {
    const text = box.value;
    const result = parseAnswer(await engine.call('mask', text, moduleOptions()));
    if (result.errors || box.value !== text) return;
    if (result.masked === text) {
      status.textContent = t('masked.none');
      return;
    }
    box.value = result.masked;
    box.dispatchEvent(new Event('input', { bubbles: true }));
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
