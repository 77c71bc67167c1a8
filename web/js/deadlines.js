// 订单时效: order facts in, a timeline of deadlines out. Times are Beijing time whatever the
// machine's zone, so the form's values are sent with an explicit +08:00.
import { $, clear, el } from './dom.js';
import { parseAnswer } from './engine.js';
import { errorItems } from './findings.js';
import { localized, t } from './i18n.js';
import { moduleOptions, settings } from './state.js';
import { load, save } from './store.js';

// SPEC §3 order events, in the order they usually happen.
export const ORDER_EVENTS = ['ordered', 'terms_changed', 'paid', 'grouped', 'shipped', 'received', 'refund_requested',
  'refund_refused', 'refund_agreed', 'return_shipped', 'trade_success', 'invoice_requested', 'complaint', 'pickup_agreed_day'];
const DATE_ONLY = new Set(['pickup_agreed_day']);

export function initDeadlines(engine) {
  const form = $('#order-form');
  const list = $('#deadline-list');
  const status = $('#deadline-status');
  const eventBox = $('#order-events');
  const panel = $('#panel-deadlines');

  for (const name of ORDER_EVENTS)
    eventBox.append(el('label', {}, el('span', { 'data-i18n': 'event.' + name }, t('event.' + name)),
      el('input', { type: DATE_ONLY.has(name) ? 'date' : 'datetime-local', step: DATE_ONLY.has(name) ? null : '1', name })));

  restore(form, load('draft.order', {}));
  if (!form.elements.platform.value) form.elements.platform.value = settings.platform;

  async function run() {
    save('draft.order', snapshot(form));
    const facts = factsFrom(form);
    if (!Object.keys(facts.events).length && !facts.presale_ship_by) {
      clear(list);
      status.textContent = t('deadlines.none');
      return;
    }
    const options = moduleOptions({ platform: facts.platform });
    if (form.elements.live_now.checked || !form.elements.now.value) options.clock = Math.floor(Date.now() / 1000);
    else options.now = beijing(form.elements.now.value);
    const answer = await engine.call('deadlines', JSON.stringify(facts), options, 'deadlines');
    if (answer.stale) return;
    render(parseAnswer(answer));
  }

  function render(result) {
    clear(list);
    if (result.errors) {
      status.textContent = '';
      list.append(...errorItems(result.errors));
      return;
    }
    const rows = result.deadlines || [];
    status.textContent = t('deadlines.count', { n: rows.length }) + (result.now ? ` · ${t('order.now')} ${plainTime(result.now)}` : '');
    list.append(...rows.map(deadlineItem));
    if (result.warnings?.length) list.append(...errorItems(result.warnings));
  }

  form.addEventListener('input', run);
  form.addEventListener('change', run);
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

  return { refresh: run };
}

function deadlineItem(d) {
  const left = Number(d.left_seconds);
  return el('li', { 'data-kind': d.kind, 'data-status': d.status, 'data-rule': d.rule },
    el('h3', {}, localized(d, 'title') || d.kind, ' ', el('span', { class: 'badge' }, t('status.' + d.status))),
    el('p', {}, d.starts_from ? `${t('event.' + d.starts_from)} ${plainTime(d.start)} → ` : '',
      t('due'), '：', el('span', { class: 'due' }, plainTime(d.due)), ' · ',
      el('span', { class: 'left' }, Number.isFinite(left) && d.status !== 'met' && d.status !== 'void'
        ? (left >= 0 ? `${t('left')} ${duration(left)}` : `${t('overdue_by')} ${duration(-left)}`) : ''),
      d.closed_by ? ` · ${t('event.' + d.closed_by)} ${plainTime(d.closed_at)}` : ''),
    el('p', {}, t('consequence'), '：', localized(d, 'consequence') || '—', d.penalty ? ` · ${t('penalty')}：${d.penalty}` : ''),
    el('p', { class: 'meta' }, t('source'), '：', d.source || '', ' · ', el('code', {}, d.rule || d.kind)));
}

function factsFrom(form) {
  const f = form.elements;
  const facts = { platform: f.platform.value, shipping: f.shipping.value, events: {} };
  for (const flag of ['return_required', 'vat_invoice', 'invoice_committed']) if (f[flag].checked) facts[flag] = true;
  if (f.presale_ship_by.value) facts.presale_ship_by = beijing(f.presale_ship_by.value);
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

function duration(seconds) {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const pad = (n) => String(n).padStart(2, '0');
  return (d ? `${d}d ` : '') + `${pad(h)}:${pad(m)}:${pad(s)}`;
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
