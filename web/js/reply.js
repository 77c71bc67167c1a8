// 单条回复: checked on every keystroke. The text is mirrored in a layer under the textarea,
// with <mark> around each finding's characters (UTF-16 offsets, so emoji do not shift them).
// Each finding offers the core's rewrite (kefu `fix`: the whole sentence, re-checked before it
// is offered) or, when none passes, advice; applied rewrites are marked, listed and undoable.
import { LARGE, bigTextBox } from './bigtext.js';
import { $, clear, el } from './dom.js';
import { parseAnswer } from './engine.js';
import { MAX_LISTED, countLine, errorItems, findingItem } from './findings.js';
import { localized, t } from './i18n.js';
import { utf16Range } from './offsets.js';
import { progressLine, sizeText } from './progress.js';
import { copyText } from './phrases.js';
import { moduleOptions } from './state.js';
import { load, save } from './store.js';

const RANK = { error: 3, warning: 2, info: 1 };
// A pasted novel must not freeze the page painting: past these sizes the text is not mirrored
// with highlights and only the first findings become list items (the count says how many).
const MAX_MARKED_CHARS = LARGE;
// Rewriting re-checks every candidate; past this size the page does not ask for rewrites while
// the agent types (a reply is a few sentences; a pasted chat belongs in the transcript tab).
const MAX_FIX_CHARS = 20000;
let firstFindingsMarked = false;

export function initReply(engine) {
  const box = $('#reply');
  const marks = $('#reply-marks');
  const list = $('#reply-findings');
  const status = $('#reply-status');
  let shown = { text: null, findings: [], fix: null };
  // Texts before each applied rewrite, newest last; `rewritten` is the text right after the last
  // one, so Ctrl+Z undoes our edit only while the agent has not typed since.
  const undoStack = [];
  let rewritten = null;
  let changed = [];  // UTF-16 ranges of the rewritten text to mark as changed
  const changesBox = $('#reply-changes');
  const undoButton = $('#reply-undo');
  const fixAllButton = $('#reply-fix-all');

  const big = bigTextBox(box, $('#reply-big'), () => box.dispatchEvent(new Event('input', { bubbles: true })));
  if (big.restore(load('draft.reply', ''))) save('draft.reply', big.value());

  const progress = progressLine($('#reply-progress'));
  const note = $('#reply-note');

  async function run(inputTime) {
    const text = big.value();
    const token = progress.start(text.length);
    // Past MAX_MARKED_CHARS only the first MAX_LISTED findings are shown (no marks): the module
    // lists just those (the typed boundary), instead of writing and the page parsing a JSON
    // object for each of a 10 MB text's tens of thousands; the summary still counts them all.
    const listed = text.length > MAX_MARKED_CHARS;
    const answer = listed ? await engine.call('checkListed', text, moduleOptions(), 'reply', MAX_LISTED)
      : await engine.call('check', text, moduleOptions(), 'reply');
    progress.stop(token);
    if (answer.stale || big.value() !== text) return;
    const result = parseAnswer(answer);
    let fixed = null;
    const blocking = result.summary ? result.summary.error + result.summary.warning > 0
      : (result.findings || []).some((f) => f.severity !== 'info');
    if (!result.errors && (result.findings || []).length && text.length <= MAX_FIX_CHARS) {
      const fixAnswer = await engine.call('fix', text, moduleOptions(), 'reply-fix');
      if (fixAnswer.stale || big.value() !== text) return;
      fixed = parseAnswer(fixAnswer);
      if (fixed.errors) fixed = null;
    }
    render(text, result, fixed, blocking);
    afterPaint(() => {
      if (inputTime !== undefined) performance.measure('kefu:keystroke-to-paint', { start: inputTime });
      if (!firstFindingsMarked && shown.findings.length) {
        firstFindingsMarked = true;
        performance.mark('kefu:first-findings');
      }
    });
  }

  function render(text, result, fixed, blocking) {
    const findings = result.findings || [];
    shown = { text, findings, fix: fixed };
    const marked = text.length <= MAX_MARKED_CHARS;
    if (text !== rewritten) changed = [];
    paintMarks(marks, marked ? text : '', marked ? findings : [], marked ? changed : []);
    fixAllButton.disabled = !(fixed && fixed.changes && fixed.changes.length);
    note.hidden = marked;
    note.textContent = marked ? '' : t('marks.off', { size: sizeText(text.length) });
    clear(list);
    if (result.errors) {
      list.append(...errorItems(result.errors));
      status.textContent = '';
      return;
    }
    // One rewrite often covers several findings (the whole sentence is rewritten): it is offered
    // once, on the first of them, and the others point to it.
    const offered = new Map();
    list.append(...findings.slice(0, MAX_LISTED).map((f) => withRewrite(findingItem(f, { locate }), f, fixed, offered)));
    const total = result.summary ? result.summary.total : findings.length;  // checkListed lists some
    if (total > MAX_LISTED) list.append(el('li', { class: 'more' }, t('shown.some', { shown: MAX_LISTED, n: total })));
    // 「未发现问题 ✓」 only from a re-check of this very text that found nothing.
    status.textContent = text.trim() ? countLine(result.summary) : '';
    if (!blocking && !findings.length && text !== rewritten) changesBox.hidden = true;
  }

  // The change of the core's rewrite that covers this finding, if one passed the re-check.
  function changeFor(finding, fixed) {
    if (!fixed || !fixed.changes) return null;
    return fixed.changes.find((c) => c.start <= finding.start && finding.end <= c.end) || null;
  }

  function adviceFor(finding, fixed) {
    const left = (fixed && fixed.findings) || [];
    const same = left.find((f) => f.rule === finding.rule) || null;
    return (same && same.advice) || finding.suggestion || '';
  }

  function withRewrite(item, finding, fixed, offered) {
    if (!fixed) return item;
    const change = changeFor(finding, fixed);
    // The rule's own suggestion stays as a hint; the button applies the re-checked rewrite.
    if (change && offered.has(change)) {
      // The same button, without the long text again: every card can still apply its fix.
      item.append(el('p', { class: 'rewrite-same' }, t('rewrite.same', { title: offered.get(change) }), ' ',
        el('button', { type: 'button', class: 'apply', 'data-action': 'apply', onclick: () => applyChanges([change]),
          'aria-label': `${t('rewrite.apply')}：${change.after}` }, t('rewrite.apply'))));
    } else if (change) {
      offered.set(change, localized(finding, 'title'));
      item.append(el('p', { class: 'rewrite' }, t('rewrite'), '：「', change.after, '」 ',
        el('button', { type: 'button', class: 'apply', 'data-action': 'apply', onclick: () => applyChanges([change]),
          'aria-label': `${t('rewrite.apply')}：${change.after}` }, t('rewrite.apply'))));
    } else {
      const advice = adviceFor(finding, fixed);
      item.append(el('p', { class: 'rewrite-none' }, t('rewrite.none'), advice ? `。${t('rewrite.advice')}：${advice}` : ''));
    }
    return item;
  }

  // Applies changes of the shown text (sorted, not overlapping) in one edit that Undo reverts.
  function applyChanges(changes) {
    const text = shown.text;
    if (box.value !== text || !changes.length) return;  // the text changed under the button
    let out = '';
    let at = 0;
    const ranges = [];
    for (const c of [...changes].sort((a, b) => a.start_utf16 - b.start_utf16)) {
      out += text.slice(at, c.start_utf16);
      ranges.push([out.length, out.length + c.after.length]);
      out += c.after;
      at = c.end_utf16;
    }
    out += text.slice(at);
    undoStack.push(text);
    rewritten = out;
    changed = ranges;
    showChanges(changes);
    undoButton.disabled = false;
    big.set(out);
    box.focus();
  }

  function showChanges(changes) {
    clear(changesBox).append(t('changes.one'),
      ...changes.flatMap((c, i) => [i ? '；' : '', el('del', {}, c.before), ' → ', el('ins', {}, c.after)]),
      t('changes.undo'));
    changesBox.hidden = false;
  }

  function undo() {
    if (!undoStack.length) return false;
    const previous = undoStack.pop();
    rewritten = undoStack.length ? previous : null;  // an earlier rewrite's result, if any
    changed = [];
    undoButton.disabled = !undoStack.length;
    changesBox.textContent = t('undone');
    changesBox.hidden = false;
    big.set(previous);
    box.focus();
    return true;
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
  box.addEventListener('keydown', (event) => {
    // Our rewrite replaced the text wholesale, which the textarea's own history cannot undo.
    const isUndo = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z';
    if (isUndo && undoStack.length && box.value === rewritten) {
      event.preventDefault();
      undo();
    }
  });
  undoButton.addEventListener('click', () => undo());
  fixAllButton.addEventListener('click', () => {
    if (shown.fix && shown.fix.changes) applyChanges(shown.fix.changes);
  });
  $('#reply-copy').addEventListener('click', async () => {
    status.textContent = t((await copyText(big.value())) ? 'copied' : 'copy.failed');
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
function paintMarks(layer, text, findings, changed = []) {
  const ranges = findings.map((f) => [...utf16Range(text, f), f.severity]);
  for (const [start, end] of changed) ranges.push([start, end, 'changed']);
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
      if (start <= from && to <= end && start < end && (!severity || (RANK[s] || 0) > (RANK[severity] || 0))) severity = s;
    const piece = text.slice(from, to);
    if (severity === 'changed') pieces.push(el('mark', { class: 'changed' }, piece));
    else pieces.push(severity ? el('mark', { 'data-severity': severity }, piece) : piece);
  }
  // A trailing newline needs a character after it to take up its line, as in the textarea.
  pieces.push('\u200b');
  clear(layer).append(...pieces.map((p) => (typeof p === 'string' ? document.createTextNode(p) : p)));
}

function afterPaint(callback) {
  requestAnimationFrame(() => setTimeout(callback, 0));
}
