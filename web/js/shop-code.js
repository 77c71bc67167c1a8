// 本店规范: the shop's own code as a form in 设置 — banned words with the reason and the wording to
// use instead, exceptions, the fine of each category in use, service hours and reply limits. The
// form writes a rule pack (toPack), the engine validates it, and only then is it stored and used
// in place of the built-in example shop code. Errors are shown next to the field they concern
// (an engine error's JSON pointer leads back to the field that wrote that part of the pack).
// Import reads a pack back into the form (fromPack) when the form would write the very same pack;
// any other pack goes to the JSON box (高级), which stays the way to edit what the form cannot say.
import { $, clear, download, el, readFileText } from './dom.js';
import { parseAnswer } from './engine.js';
import { localized, onLangChange, t } from './i18n.js';
import { moduleOptions, settings, updateSettings } from './state.js';
import { STARTER } from './starter-pack.js';
import { load, save } from './store.js';

const SOURCE = '本店规范';
const DEFAULT_MESSAGE = '本店规定不对买家说这些话；换成礼貌、具体的说法。';
const SEVERITIES = ['error', 'warning', 'info'];
// The engine's own limits are the real ones; these keep the generated example chats inside a day.
const MAX_REPLY_SECONDS = 7200;
const MAX_FOLLOWUP_MINUTES = 240;

const emptyCode = () => ({ name: 'myshop', banned: [], allowed: [], fines: {}, hours: '', warn: '', error: '', followup: '', closedBy: [] });
const splitWords = (text) => String(text || '').split(/[\n,，、;；]+/).map((w) => w.trim()).filter(Boolean);

function duration(seconds) {
  if (seconds % 3600 === 0) return `${seconds / 3600}小时`;
  if (seconds % 60 === 0) return `${seconds / 60}分钟`;
  return `${seconds}秒`;
}

// Example chats for the time rules, dated, starting a minute into the service hours so that the
// buyer's message is one the rule judges.
function clockAt(hours, plusSeconds) {
  const m = /^(\d\d):(\d\d)-/.exec(hours || '');
  const start = m ? (Number(m[1]) * 60 + Number(m[2]) + 1) * 60 : 10 * 3600;
  return new Date(Date.UTC(2024, 5, 18) + (start + plusSeconds) * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

function waitChat(hours, wait) {
  return `[${clockAt(hours, 0)}] 买家: 在吗\n[${clockAt(hours, wait)}] 客服: 亲，您好，在的`;
}

function bannedTitle(words) {
  return `本店禁用语：${words.slice(0, 2).join('、')}${words.length > 2 ? '等' : ''}`;
}

// The pack the form's values stand for, and for each rule the form field it came from.
export function toPack(code, blockers) {
  const p = code.name;
  const pack = { pack: p, title: '本店规范', title_en: 'Our shop code' };
  if (code.hours) pack.settings = { service_hours: code.hours };
  if (blockers && Object.keys(blockers).length) pack.blockers = blockers;
  const rules = [];
  const origin = [];
  code.banned.forEach((b, i) => {
    rules.push({
      id: `${p}.banned-${i + 1}`, kind: 'terms', category: b.category, severity: b.severity,
      title: bannedTitle(b.words), message: b.message, penalty: code.fines[b.category] || '', authority: 'shop',
      source: SOURCE, suggestion: b.say, terms: b.words, examples: { bad: b.words.slice(0, 3), good: [b.say] },
    });
    origin.push(`banned.${i}`);
  });
  if (code.warn) {
    const rule = {
      id: `${p}.reply-delayed`, kind: 'response_time', category: 'slow_response', severity: 'warning',
      title: `回复延迟（超过${duration(code.warn)}）`, message: `买家的消息要在${duration(code.warn)}内回复；同时接待多人时先回一句。`,
      penalty: '', authority: 'shop', source: SOURCE, suggestion: '亲，稍等一下哦，马上为您查询～', after: code.warn,
    };
    if (code.error) rule.until = code.error;
    rule.examples = { bad: [waitChat(code.hours, code.warn + 1)], good: [waitChat(code.hours, code.warn)] };
    rules.push(rule);
    origin.push('warn');
  }
  if (code.error) {
    rules.push({
      id: `${p}.slow-response`, kind: 'response_time', category: 'slow_response', severity: 'error',
      title: `回复超时（超过${duration(code.error)}）`, message: `买家等待超过${duration(code.error)}未得到回复按超时处理；服务时间外的消息不计。`,
      penalty: code.fines.slow_response || '', authority: 'shop', source: SOURCE,
      suggestion: '离开前调成离开状态或转给当班客服；忙时先回一句“亲，稍等马上为您查询”', after: code.error,
      examples: { bad: [waitChat(code.hours, code.error + 1)], good: [waitChat(code.hours, code.error)] },
    });
    origin.push('error');
  }
  if (code.followup) {
    const rule = {
      id: `${p}.no-followup`, kind: 'followup', category: 'no_followup', severity: 'error',
      title: `买家无回应${duration(code.followup)}内未再次询问`,
      message: `买家询单、回答后没有回应时，应在${duration(code.followup)}内再次询问买家需求；以结束语收尾的对话不必再问。`,
      penalty: code.fines.no_followup || '', authority: 'shop', source: SOURCE,
      suggestion: '亲，还在吗？刚才的问题还有哪里需要帮您的呢？', within: code.followup,
    };
    if (code.closedBy.length) rule.closed_by = code.closedBy;
    const h = code.hours;
    rule.examples = {
      bad: [`[${clockAt(h, 0)}] 买家: 这款有红色吗\n[${clockAt(h, 30)}] 客服: 亲，有红色的哦，需要给您推荐尺码吗\n[${clockAt(h, 30 + code.followup + 60)}] 系统: 会话超时关闭`],
      good: [`[${clockAt(h, 0)}] 买家: 包邮吗\n[${clockAt(h, 20)}] 客服: 亲，满99包邮哦\n[${clockAt(h, 60)}] 买家: 好的`],
    };
    rules.push(rule);
    origin.push('followup');
  }
  pack.rules = rules;
  return { pack, origin };
}

// The form's values for a pack, or null when the form would not write that very pack back.
export function fromPack(pack) {
  if (!pack || typeof pack !== 'object' || Array.isArray(pack) || typeof pack.pack !== 'string') return null;
  const code = emptyCode();
  code.name = pack.pack;
  if (pack.settings && typeof pack.settings.service_hours === 'string') code.hours = pack.settings.service_hours;
  const fines = {};
  const fine = (category, penalty) => {
    if (!penalty) return;
    if (fines[category] !== undefined && fines[category] !== penalty) fines[category] = null;  // two fines: not the form's
    else fines[category] = penalty;
  };
  for (const rule of Array.isArray(pack.rules) ? pack.rules : []) {
    if (!rule || typeof rule !== 'object') return null;
    if (rule.kind === 'terms' && Array.isArray(rule.terms) && rule.terms.every((w) => typeof w === 'string')) {
      code.banned.push({ words: rule.terms, category: rule.category, severity: rule.severity, message: rule.message, say: rule.suggestion });
      fine(rule.category, rule.penalty);
    } else if (rule.kind === 'response_time' && rule.severity === 'warning') {
      code.warn = rule.after;
    } else if (rule.kind === 'response_time' && rule.severity === 'error') {
      code.error = rule.after;
      fine(rule.category, rule.penalty);
    } else if (rule.kind === 'followup') {
      code.followup = rule.within;
      code.closedBy = rule.closed_by || [];
      fine(rule.category, rule.penalty);
    } else {
      return null;
    }
  }
  if (Object.values(fines).includes(null)) return null;
  code.fines = fines;
  if (pack.blockers !== undefined) {
    if (!pack.blockers || typeof pack.blockers !== 'object') return null;
    for (const list of Object.values(pack.blockers)) {
      if (!Array.isArray(list) || !list.every((w) => typeof w === 'string' && !w.startsWith('@'))) return null;
      for (const w of list) if (!code.allowed.includes(w)) code.allowed.push(w);
    }
  }
  return canonical(toPack(code, pack.blockers).pack) === canonical(pack) ? code : null;
}

// JSON with sorted keys, for "the same pack" whatever the key order.
function canonical(value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (value && typeof value === 'object')
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
  return JSON.stringify(value);
}

export function initShopCode(engine, advanced) {
  const form = $('#shop-form');
  const status = $('#shop-status');
  const errorList = $('#shop-errors');
  const notes = $('#shop-notes');
  let categories = [];  // from the module: {name, scope, title, title_en}
  let code = load('draft.shopcode', null) || fromStored() || emptyCode();

  // The stored custom pack, when the form can show it (a pack saved before the form existed, or
  // by the 高级 box, may not be).
  function fromStored() {
    try {
      return settings.customPack ? fromPack(JSON.parse(settings.customPack.json)) : null;
    } catch {
      return null;
    }
  }

  const fieldError = (key) => el('p', { class: 'field-error', 'data-error-for': key, role: 'alert', hidden: true });
  const categoryTitle = (name) => localized(categories.find((c) => c.name === name) || { title: name }, 'title');

  function bannedRow(b, i) {
    const options = categories.filter((c) => c.scope === 'reply')
      .map((c) => el('option', { value: c.name, selected: c.name === b.category }, localized(c, 'title')));
    return el('fieldset', { class: 'banned-row', 'data-row': i },
      el('legend', {}, t('shop.banned_row', { n: i + 1 })),
      el('label', { class: 'wide' }, el('span', {}, t('shop.words')),
        el('textarea', { name: `banned.${i}.words`, rows: 2, 'data-field': `banned.${i}.words` }, b.words.join('、')), fieldError(`banned.${i}.words`)),
      el('label', {}, el('span', {}, t('category')), el('select', { name: `banned.${i}.category`, 'data-field': `banned.${i}.category` }, options),
        fieldError(`banned.${i}.category`)),
      el('label', {}, el('span', {}, t('shop.severity')), el('select', { name: `banned.${i}.severity` },
        SEVERITIES.map((s) => el('option', { value: s, selected: s === b.severity }, t('severity.' + s))))),
      el('label', { class: 'wide' }, el('span', {}, t('shop.message')),
        el('input', { name: `banned.${i}.message`, value: b.message || '', placeholder: DEFAULT_MESSAGE, 'data-field': `banned.${i}.message` }), fieldError(`banned.${i}.message`)),
      el('label', { class: 'wide' }, el('span', {}, t('shop.say')),
        el('input', { name: `banned.${i}.say`, value: b.say || '', 'data-field': `banned.${i}.say` }), fieldError(`banned.${i}.say`)),
      el('button', { type: 'button', class: 'remove', 'data-remove': i }, t('shop.remove')));
  }

  // Fines for the categories the code's rules use, titled as the module names them.
  function usedCategories(c) {
    const used = c.banned.map((b) => b.category);
    if (c.error) used.push('slow_response');
    if (c.followup) used.push('no_followup');
    return [...new Set(used)];
  }

  function render() {
    const numberInput = (name, value, attrs) => el('input', { type: 'number', name, 'data-field': name, value: value === '' ? '' : value, min: 1, step: 1, ...attrs });
    const [from, to] = (code.hours || '-').split('-');
    clear(form).append(
      // A page setting, not pack data: the handbook prints it on its cover.
      el('label', { class: 'shop-name' }, el('span', {}, t('shop.shop_name')),
        el('input', { name: 'shopName', value: settings.shopName || '', maxlength: 40 })),
      el('fieldset', { class: 'banned' }, el('legend', {}, t('shop.banned')),
        el('p', { class: 'hint' }, t('shop.banned_hint')),
        code.banned.map(bannedRow),
        el('button', { type: 'button', id: 'shop-add' }, t('shop.add'))),
      el('fieldset', {}, el('legend', {}, t('shop.allowed')),
        el('p', { class: 'hint' }, t('shop.allowed_hint')),
        el('textarea', { name: 'allowed', rows: 2, class: 'wide', 'data-field': 'allowed' }, code.allowed.join('\n')), fieldError('allowed')),
      el('fieldset', { class: 'fines' }, el('legend', {}, t('shop.fines')),
        el('p', { class: 'hint' }, t('shop.fines_hint')),
        usedCategories(code).map((name) => el('label', {}, el('span', {}, categoryTitle(name)),
          el('input', { name: `fines.${name}`, 'data-field': `fines.${name}`, 'data-category': name, value: code.fines[name] || '', placeholder: t('shop.fine_placeholder') }),
          fieldError(`fines.${name}`)))),
      el('fieldset', { class: 'times' }, el('legend', {}, t('shop.times')),
        el('label', {}, el('span', {}, t('shop.hours_from')), el('input', { type: 'time', name: 'hours.from', 'data-field': 'hours', value: from || '' })),
        el('label', {}, el('span', {}, t('shop.hours_to')), el('input', { type: 'time', name: 'hours.to', value: to || '' })),
        fieldError('hours'),
        el('label', {}, el('span', {}, t('shop.warn')), numberInput('warn', code.warn, { max: MAX_REPLY_SECONDS }), fieldError('warn')),
        el('label', {}, el('span', {}, t('shop.error')), numberInput('error', code.error, { max: MAX_REPLY_SECONDS }), fieldError('error')),
        el('label', {}, el('span', {}, t('shop.followup')),
          numberInput('followup', code.followup ? code.followup / 60 : '', { max: MAX_FOLLOWUP_MINUTES }), fieldError('followup')),
        el('label', { class: 'wide' }, el('span', {}, t('shop.closed_by')),
          el('input', { name: 'closedBy', 'data-field': 'closedBy', value: code.closedBy.join('、') }), fieldError('closedBy'))),
      // Until a code of the shop's own is in use, saving one replaces the example by default.
      el('label', { class: 'replace' }, el('input', { type: 'checkbox', name: 'keep_example', checked: settings.shop && Boolean(settings.customPack) }),
        ' ', t('shop.keep_example')));
  }

  // The form's values, read back; problems the form can see by itself are listed by field.
  function read() {
    const data = new FormData(form);
    const problems = [];
    const next = { ...emptyCode(), name: code.name };
    const rows = form.querySelectorAll('.banned-row').length;
    for (let i = 0; i < rows; i++) {
      const b = {
        words: splitWords(data.get(`banned.${i}.words`)),
        category: data.get(`banned.${i}.category`),
        severity: data.get(`banned.${i}.severity`),
        message: String(data.get(`banned.${i}.message`) || '').trim() || DEFAULT_MESSAGE,
        say: String(data.get(`banned.${i}.say`) || '').trim(),
      };
      if (!b.words.length) problems.push([`banned.${i}.words`, t('shop.e_words')]);
      if (!b.say) problems.push([`banned.${i}.say`, t('shop.e_say')]);
      const inSay = b.words.find((w) => b.say.includes(w));
      if (inSay) problems.push([`banned.${i}.say`, t('shop.e_say_banned', { word: inSay })]);
      next.banned.push(b);
    }
    next.allowed = splitWords(String(data.get('allowed') || '').replace(/[,，、;；]/g, '\n'));
    const from = String(data.get('hours.from') || '');
    const to = String(data.get('hours.to') || '');
    // The engine takes hours within one day (start before end), as the platforms state them.
    if (from && to && from < to) next.hours = `${from}-${to}`;
    else if (from && to) problems.push(['hours', t(from === to ? 'shop.e_hours_same' : 'shop.e_hours_order')]);
    else if (from || to) problems.push(['hours', t('shop.e_hours_both')]);
    const number = (key, max, unit) => {
      const raw = String(data.get(key) || '').trim();
      if (!raw) return '';
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1 || n > max) {
        problems.push([key, t('shop.e_number', { max, unit })]);
        return '';
      }
      return n;
    };
    next.warn = number('warn', MAX_REPLY_SECONDS, t('shop.seconds'));
    next.error = number('error', MAX_REPLY_SECONDS, t('shop.seconds'));
    if (next.warn && next.error && next.warn >= next.error) problems.push(['warn', t('shop.e_warn_order')]);
    const minutes = number('followup', MAX_FOLLOWUP_MINUTES, t('shop.minutes'));
    next.followup = minutes ? minutes * 60 : '';
    next.closedBy = splitWords(data.get('closedBy'));
    // Fines last: which categories are in use depends on everything above.
    for (const name of usedCategories(next)) {
      const value = String(data.get(`fines.${name}`) ?? code.fines[name] ?? '').trim();
      if (value.length > 100) problems.push([`fines.${name}`, t('shop.e_fine_long')]);
      if (value) next.fines[name] = value;
    }
    return { next, problems, keepExample: data.get('keep_example') === 'on', shopName: String(data.get('shopName') || '').trim() };
  }

  function showProblems(problems) {
    for (const node of form.querySelectorAll('.field-error')) {
      node.hidden = true;
      node.textContent = '';
    }
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    clear(errorList);
    for (const [key, message] of problems) {
      const slot = key && form.querySelector(`[data-error-for="${key}"]`);
      if (slot) {
        slot.textContent = slot.textContent ? slot.textContent + '；' + message : message;
        slot.hidden = false;
        form.querySelector(`[data-field="${key}"]`)?.setAttribute('aria-invalid', 'true');
      } else {
        errorList.append(el('li', {}, message));
      }
    }
    const first = form.querySelector('[aria-invalid]');
    if (first) first.focus();
  }

  // An engine error's pointer, as the field that wrote that part of the pack, in Chinese.
  function engineProblem(error, origin) {
    const pointer = error.pointer || '';
    // What to change, in the interface language, for the codes a form can cause; the engine's
    // own line follows for reference.
    const core = error.text || `[${error.code}] ${error.message}`;
    const hintKey = 'shop.why.' + error.code;
    const text = t(hintKey) === hintKey ? core : `${t(hintKey)}（${core}）`;
    const m = /^\/rules\/(\d+)(\/[^/]+)?(?:\/(\d+))?/.exec(pointer);
    if (m) {
      const from = origin[Number(m[1])] || '';
      const part = m[2] || '';
      if (from.startsWith('banned.')) {
        if (part === '/terms') {
          const word = code.banned[Number(from.split('.')[1])]?.words[Number(m[3])] ?? '';
          return [`${from}.words`, t('shop.e_word', { word, why: text })];
        }
        if (part === '/suggestion' || part === '/examples') return [`${from}.say`, t('shop.e_engine', { why: text })];
        if (part === '/message' || part === '/category') return [`${from}${part.replace('/', '.')}`, t('shop.e_engine', { why: text })];
        if (part === '/penalty') return [`fines.${code.banned[Number(from.split('.')[1])]?.category}`, t('shop.e_engine', { why: text })];
        return [`${from}.words`, t('shop.e_engine', { why: text })];
      }
      if (part === '/penalty') return [`fines.${from === 'followup' ? 'no_followup' : 'slow_response'}`, t('shop.e_engine', { why: text })];
      if (part === '/closed_by') return ['closedBy', t('shop.e_engine', { why: text })];
      return [from, t('shop.e_engine', { why: text })];
    }
    if (pointer.startsWith('/settings/service_hours')) return ['hours', t('shop.e_engine', { why: text })];
    if (pointer.startsWith('/blockers')) return ['allowed', t('shop.e_engine', { why: text })];
    return [null, t('shop.e_engine', { why: text })];
  }

  const fileName = () => `${code.name}.json`;
  const withPack = (json) => ({ ...moduleOptions(), shop: false, packs: [{ name: fileName(), json }] });

  async function call(op, input, options) {
    return parseAnswer(await engine.call(op, input, options));
  }

  // Validates the pack alone, then together with the built-in packs (an id may clash).
  async function engineErrors(json) {
    let result = await call('validate', json, { name: fileName() });
    if (!result.errors) result = await call('check', '', withPack(json));
    return result.errors || null;
  }

  // Each exception becomes a blocker of the words it would otherwise be flagged for, whichever
  // pack flags them: the engine finds them, so the page guesses no word boundaries.
  async function blockersFor(allowed, json) {
    const blockers = {};
    for (const phrase of allowed) {
      const result = await call('check', phrase, withPack(json));
      for (const f of result.findings || []) {
        if (!f.text || f.text.startsWith('@') || !phrase.includes(f.text)) continue;
        (blockers[f.text] = blockers[f.text] || []).includes(phrase) || blockers[f.text].push(phrase);
      }
    }
    return blockers;
  }

  // Saves the form: the checks the form can make, the engine's validation, the examples the pack
  // carries checked by the engine, then stored and used. Answers the saved pack's JSON or null.
  async function saveForm() {
    status.textContent = t('checking');
    clear(notes);
    const { next, problems, keepExample, shopName } = read();
    code = next;
    save('draft.shopcode', code);
    if (problems.length) return fail(problems);
    if (!code.banned.length && !code.warn && !code.error && !code.followup) return fail([[null, t('shop.e_empty')]]);
    let built = toPack(code, null);
    let errors = await engineErrors(JSON.stringify(built.pack));
    if (errors) return fail(errors.map((e) => engineProblem(e, built.origin)));
    const blockers = await blockersFor(code.allowed, JSON.stringify(built.pack));
    built = toPack(code, blockers);
    const json = JSON.stringify(built.pack, null, 2);
    errors = await engineErrors(json);
    if (errors) return fail(errors.map((e) => engineProblem(e, built.origin)));
    // The handbook and the quiz show the examples as right and wrong: the engine must agree.
    const wrong = [];
    for (const [i, rule] of built.pack.rules.entries()) {
      if (rule.kind !== 'terms') continue;
      const key = built.origin[i];
      for (const bad of rule.examples.bad) {
        const r = await call('check', bad, withPack(json));
        if (!(r.findings || []).some((f) => f.rule === rule.id)) wrong.push([`${key}.words`, t('shop.e_not_caught', { word: bad })]);
      }
      const good = await call('check', rule.examples.good[0], withPack(json));
      const hit = (good.findings || []).find((f) => f.rule === rule.id);
      if (hit) wrong.push([`${key}.say`, t('shop.e_say_banned', { word: hit.text })]);
    }
    if (wrong.length) return fail(wrong);
    for (const phrase of code.allowed) {
      const r = await call('check', phrase, withPack(json));
      const left = (r.findings || []).filter((f) => f.severity !== 'info');
      if (left.length) notes.append(el('li', {}, t('shop.still_flagged', { phrase, title: left.map((f) => f.title).join('、') })));
    }
    showProblems([]);
    advanced.show(json);
    updateSettings({ customPack: { name: fileName(), json }, shop: keepExample, shopName });
    status.textContent = t('shop.saved', { n: built.pack.rules.length });
    return json;
  }

  function fail(problems) {
    showProblems(problems);
    status.textContent = t('shop.invalid', { n: problems.length });
    return null;
  }

  function fill(next) {
    code = next;
    save('draft.shopcode', code);
    render();
    showProblems([]);
  }

  form.addEventListener('click', (event) => {
    const remove = event.target.closest('[data-remove]');
    if (event.target.id === 'shop-add') {
      code = read().next;
      code.banned.push({ words: [], category: 'rude', severity: 'warning', message: '', say: '' });
      render();
      form.querySelector(`[name="banned.${code.banned.length - 1}.words"]`).focus();
    } else if (remove) {
      code = read().next;
      code.banned.splice(Number(remove.dataset.remove), 1);
      render();
    }
  });
  // Typing is kept as a draft; a changed category changes the fines listed.
  form.addEventListener('input', () => save('draft.shopcode', read().next));
  form.addEventListener('change', () => {
    const next = read().next;
    const shown = [...form.querySelectorAll('.fines [data-category]')].map((input) => input.dataset.category);
    if (canonical(usedCategories(next)) === canonical(shown)) return;
    code = next;
    render();
  });
  $('#shop-starter').addEventListener('click', () => {
    // Over a code being written only when the user says so.
    const current = read().next;
    const written = current.banned.length || current.allowed.length || current.warn || current.error || current.followup;
    if (written && !confirm(t('shop.starter_confirm'))) return;
    fill(JSON.parse(JSON.stringify(STARTER)));
    status.textContent = t('shop.starter_filled');
  });
  $('#shop-save').addEventListener('click', saveForm);
  $('#shop-export').addEventListener('click', async () => {
    const json = await saveForm();
    if (json) download(fileName(), json, 'application/json');
  });
  $('#shop-import').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (file) await importText(await readFileText(file), file.name);
  });

  async function importText(text, name) {
    let pack = null;
    try {
      pack = JSON.parse(text);
    } catch {
      // the engine says where the JSON breaks, below
    }
    const next = fromPack(pack);
    if (!next) {
      // Not the form's kind of pack: the JSON box keeps it, validated and used as it is.
      advanced.open(text, name);
      clear(notes).append(el('li', {}, t('shop.not_form', { name })));
      status.textContent = '';
      return;
    }
    fill(next);
    await saveForm();
  }

  async function start() {
    const handbook = await call('rules', '', moduleOptions());
    categories = handbook.categories || [];
    render();
  }
  start();
  // Labels are made here, not by data-i18n: a language switch redraws them, keeping what is typed.
  onLangChange(() => {
    if (!form.firstChild) return;
    code = read().next;
    render();
  });

  return {
    refresh: () => {
      const box = form.querySelector('[name=keep_example]');
      if (box) box.checked = settings.shop && Boolean(settings.customPack);
    },
    importText,
  };
}
