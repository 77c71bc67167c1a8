// 订单时效: order facts in, a timeline of deadlines out. Times are Beijing time whatever the
// machine's zone, so the form's values are sent with an explicit +08:00. Everything shown about a
// clock (due time, status, countdown, summary, which event would start a clock) comes from the
// core's answer; the page only lays it out.
import { $, $$, clear, el } from './dom.js';
import { parseAnswer } from './engine.js';
import { errorItems } from './findings.js';
import { currentLang, localized, t } from './i18n.js';
import { moduleOptions, settings } from './state.js';
import { load, save } from './store.js';

// The events an order's facts may carry (docs/deadlines.md), in the order they usually happen.
export const ORDER_EVENTS = ['ordered', 'verified', 'terms_changed', 'paid', 'grouped', 'shipped', 'received',
  'refund_requested', 'refund_refused', 'refund_agreed', 'return_shipped', 'trade_success', 'invoice_requested',
  'complaint', 'pickup_agreed_day'];
const DATE_ONLY = new Set(['pickup_agreed_day']);
// Time fields outside the events, by the name the core's error pointers use.
const TIME_FIELDS = ['presale_ship_by', 'promised_ship_by'];

export function initDeadlines(engine) {
  const form = $('#order-form');
  const list = $('#deadline-list');
  const status = $('#deadline-status');
  const summary = $('#deadline-summary');
  const waiting = $('#deadline-waiting');
  const eventBox = $('#order-events');
  const panel = $('#panel-deadlines');

  for (const name of ORDER_EVENTS)
    eventBox.append(el('label', {}, el('span', { 'data-i18n': 'event.' + name }, t('event.' + name)),
      el('input', { type: DATE_ONLY.has(name) ? 'date' : 'datetime-local', step: DATE_ONLY.has(name) ? null : '1', name })));

  // The page has one platform (the header's); a draft's own platform is not restored over it.
  const draft = load('draft.order', {});
  delete draft.platform;
  restore(form, draft);
  form.elements.platform.value = settings.platform;

  async function run() {
    save('draft.order', snapshot(form));
    clearFieldErrors(form);
    // A date the browser cannot read (2月30日) leaves the field's value empty: say so beside it
    // rather than computing as if the event had not happened.
    const unreadable = [...ORDER_EVENTS, ...TIME_FIELDS, 'now'].filter((name) => form.elements[name]?.validity.badInput);
    if (unreadable.length) {
      for (const name of unreadable) showFieldError(form, name, t('order.bad_date', { field: fieldLabel(form, name) }));
      render({ errors: [] }, unreadable.length);
      return;
    }
    const facts = factsFrom(form);
    if (!Object.keys(facts.events).length && !facts.presale_ship_by) {
      clear(list);
      clear(summary);
      clear(waiting);
      status.textContent = t('deadlines.none');
      return;
    }
    const options = moduleOptions({ platform: facts.platform, lang: currentLang() === 'en' ? 'en' : 'zh' });
    if (form.elements.live_now.checked || !form.elements.now.value) options.clock = Math.floor(Date.now() / 1000);
    else options.now = beijing(form.elements.now.value);
    const answer = await engine.call('deadlines', JSON.stringify(facts), options, 'deadlines');
    if (answer.stale) return;
    render(parseAnswer(answer), 0);
  }

  function render(result, unreadable) {
    clear(list);
    clear(summary);
    clear(waiting);
    if (result.errors) {
      // Errors about a field go beside it; the rest (and a copy of the count) above the list.
      let placed = unreadable;
      const rest = [];
      for (const error of result.errors) {
        const name = fieldOf(error.pointer);
        if (name && form.elements[name]) {
          showFieldError(form, name, error.message);
          placed += 1;
        } else {
          rest.push(error);
        }
      }
      status.textContent = placed ? t('order.fix_fields', { n: placed }) : '';
      summary.append(el('p', { class: 'summary-line', 'data-summary': 'errors' }, status.textContent || t('order.errors')));
      list.append(...errorItems(rest));
      return;
    }
    const rows = result.deadlines || [];
    status.textContent = t('deadlines.count', { n: rows.length }) + (result.now ? ` · ${t('order.now')} ${plainTime(result.now)}` : '');
    // The summary at the top of the tab: the core's one-line summary and the open clocks that
    // need action first, so a phone shows the answer without scrolling past the form.
    summary.append(el('p', { class: 'summary-line', 'data-summary': 'deadlines' }, result.summary_text || ''));
    const urgent = rows.filter((d) => d.status === 'overdue' && !d.closed_by)
      .concat(rows.filter((d) => d.status === 'due_soon'), rows.filter((d) => d.status === 'pending')).slice(0, 3);
    if (urgent.length)
      summary.append(el('ul', { class: 'summary-list' }, urgent.map((d) =>
        el('li', { 'data-status': d.status, 'data-kind': d.kind },
          el('span', { class: 'badge' }, t('status.' + d.status)), ' ', localized(d, 'title') || d.kind, ' · ',
          el('strong', {}, d.left_text || '')))));
    list.append(...rows.map(deadlineItem));
    if (result.waiting?.length) waiting.append(waitingBlock(result.waiting, rows.length === 0));
    if (result.warnings?.length) {
      list.append(...errorItems(result.warnings.filter((w) => !fieldOf(w.pointer) || !form.elements[fieldOf(w.pointer)])));
      for (const w of result.warnings) if (fieldOf(w.pointer) && form.elements[fieldOf(w.pointer)]) showFieldError(form, fieldOf(w.pointer), w.message);
    }
  }

  form.addEventListener('input', run);
  form.addEventListener('change', run);
  // Typing an impossible date into a date field changes no value and fires no input event (the
  // value stays ""): look again when a key is released or the field is left.
  form.addEventListener('keyup', (event) => { if (event.target.validity?.badInput) run(); });
  form.addEventListener('focusout', run);
  form.addEventListener('submit', (event) => event.preventDefault());
  $('#order-reset').addEventListener('click', () => {
    form.reset();
    form.elements.platform.value = settings.platform;
    run();
  });
  // Live countdowns: the core recomputes status and time left against the clock each second.
  setInterval(() => {
    if (!panel.hidden && !document.hidden && form.elements.live_now.checked && list.childElementCount) run();
  }, 1000);

  return {
    refresh() {
      form.elements.platform.value = settings.platform;
      return run();
    },
  };
}

function deadlineItem(d) {
  return el('li', { 'data-kind': d.kind, 'data-status': d.status, 'data-rule': d.rule, 'data-basis': d.basis || null },
    el('h3', {}, localized(d, 'title') || d.kind, ' ', el('span', { class: 'badge' }, t('status.' + d.status))),
    el('p', {}, d.starts_from ? `${t('event.' + d.starts_from)} ${plainTime(d.start)} → ` : '',
      t('due'), '：', el('span', { class: 'due' }, plainTime(d.due)), ' · ',
      el('span', { class: 'left' }, d.left_text || ''),
      d.closed_by ? ` · ${t('event.' + d.closed_by)} ${plainTime(d.closed_at)}` : ''),
    d.basis_text ? el('p', { class: 'basis', 'data-basis': d.basis }, d.basis_text) : null,
    el('p', {}, t('consequence'), '：', localized(d, 'consequence') || '—', d.penalty ? ` · ${t('penalty')}：${d.penalty}` : ''),
    el('p', { class: 'meta' }, t('source'), '：', d.source || '', ' · ', el('code', {}, d.rule || d.kind)));
}

// Clocks not yet running, grouped by the event that would start them.
function waitingBlock(items, none) {
  const groups = new Map();
  for (const w of items) {
    if (!groups.has(w.needs)) groups.set(w.needs, { label: w.needs_text || w.needs, titles: [] });
    groups.get(w.needs).titles.push(localized(w, 'title') || w.kind);
  }
  return el('div', { class: 'waiting', 'data-waiting': '' },
    el('h3', {}, t(none ? 'order.no_clock' : 'order.waiting')),
    el('ul', {}, [...groups].map(([event, g]) =>
      el('li', { 'data-needs': event }, el('strong', {}, g.label), ' → ', g.titles.join(currentLang() === 'en' ? ', ' : '、')))));
}

// "/events/paid" -> "paid"; "/promised_ship_hours" -> "promised_ship_hours".
function fieldOf(pointer) {
  if (!pointer) return '';
  const m = /^\/(?:events\/)?([a-z_]+)$/.exec(pointer);
  return m ? m[1] : '';
}

function fieldLabel(form, name) {
  const label = form.elements[name]?.closest('label');
  return label?.querySelector('span')?.textContent || name;
}

function showFieldError(form, name, message) {
  const input = form.elements[name];
  if (!input) return;
  input.setAttribute('aria-invalid', 'true');
  const note = el('span', { class: 'field-error', 'data-error-for': name, role: 'alert' }, message);
  (input.closest('label') || input.parentNode).append(note);
}

function clearFieldErrors(form) {
  for (const note of $$('[data-error-for]', form)) note.remove();
  for (const input of $$('[aria-invalid]', form)) input.removeAttribute('aria-invalid');
}

function factsFrom(form) {
  const f = form.elements;
  const facts = { platform: f.platform.value, shipping: f.shipping.value, events: {} };
  for (const flag of ['return_required', 'vat_invoice', 'invoice_committed']) if (f[flag].checked) facts[flag] = true;
  for (const name of TIME_FIELDS) if (f[name].value) facts[name] = beijing(f[name].value);
  if (f.promised_ship_hours.value) facts.promised_ship_hours = Number(f.promised_ship_hours.value);
  for (const name of ORDER_EVENTS) {
    const value = f[name].value;
    if (value) facts.events[name] = DATE_ONLY.has(name) ? value : beijing(value);
  }
  return facts;
}

// "2024-06-18T10:00" from a datetime-local field -> "2024-06-18T10:00:00+08:00".
function beijing(value) {
  return (value.length === 16 ? value + ':00' : value) + '+08:00';
}

function plainTime(iso) {
  return String(iso || '').replace('T', ' ').replace(/\+08:00$/, '');
}

function snapshot(form) {
  const data = {};
  for (const input of form.elements) {
    if (!input.name) continue;
    data[input.name] = input.type === 'checkbox' ? input.checked : input.value;
  }
  return data;
}

function restore(form, data) {
  for (const [name, value] of Object.entries(data)) {
    const input = form.elements[name];
    if (!input) continue;
    if (input.type === 'checkbox') input.checked = Boolean(value);
    else input.value = value;
  }
}
