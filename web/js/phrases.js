// 话术库: the packs' approved replies for the chosen platform (kefu `phrases`), searchable and
// copyable, plus the shop's own phrases kept in local storage. A shop phrase is checked by the
// core before it is added (a phrase library that teaches a violation is worse than none), and
// the shop's list is exported and imported as a pack with a `phrases` section.
import { $, clear, download, el, readFileText } from './dom.js';
import { parseAnswer } from './engine.js';
import { t } from './i18n.js';
import { moduleOptions, settings } from './state.js';
import { load, save } from './store.js';

const OWN_KEY = 'phrases.own';
const OWN_PACK = 'shop-phrases';

// Copies text: the Clipboard API where the page may use it, else a selected hidden textarea
// (file:// pages and older shells refuse navigator.clipboard).
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection way
  }
  const area = el('textarea', { style: 'position:fixed;left:-9999px;top:0', readonly: true });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function initPhrases(engine) {
  const search = $('#phrase-search');
  const scenarioSelect = $('#phrase-scenario');
  const list = $('#phrase-list');
  const status = $('#phrase-status');
  const form = $('#phrase-form');
  const formErrors = $('#phrase-form-errors');
  let builtIn = [];
  let own = load(OWN_KEY, []).filter((p) => p && typeof p.text === 'string');

  async function refresh() {
    const result = parseAnswer(await engine.call('phrases', '', moduleOptions()));
    builtIn = result.errors ? [] : result.phrases || [];
    render();
  }

  function all() {
    return [...own.map((p) => ({ ...p, mine: true })), ...builtIn];
  }

  function render() {
    const phrases = all();
    const scenarios = [...new Set(phrases.map((p) => p.scenario))];
    const chosen = scenarioSelect.value;
    scenarioSelect.replaceChildren(el('option', { value: '' }, t('phrases.all')),
      ...scenarios.map((s) => el('option', { value: s }, s)));
    scenarioSelect.value = scenarios.includes(chosen) ? chosen : '';
    clear(list);
    for (const scenario of scenarios) {
      const items = phrases.filter((p) => p.scenario === scenario).map(item);
      list.append(el('section', { 'data-scenario': scenario }, el('h3', {}, scenario), el('ul', {}, ...items)));
    }
    filter();
  }

  function item(phrase) {
    return el('li', { 'data-phrase': phrase.id, 'data-mine': phrase.mine ? 'true' : null },
      el('div', { class: 'body' },
        el('p', {}, el('strong', {}, phrase.title), phrase.mine ? el('span', { class: 'tag' }, t('phrases.mine')) : null),
        el('p', { class: 'phrase-text' }, phrase.text)),
      el('button', { type: 'button', 'data-action': 'copy', onclick: async (event) => {
        event.target.textContent = t((await copyText(phrase.text)) ? 'copied' : 'copy.failed');
        setTimeout(() => { event.target.textContent = t('phrases.copy'); }, 1500);
      } }, t('phrases.copy')),
      phrase.mine ? el('button', { type: 'button', 'data-action': 'delete', onclick: () => {
        own = own.filter((p) => p.id !== phrase.id);
        save(OWN_KEY, own);
        render();
      } }, t('phrases.delete')) : null);
  }

  // Every word of the query must appear in the title, the text or the scenario.
  function filter() {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const scenario = scenarioSelect.value;
    let shown = 0;
    let n = 0;
    for (const section of list.querySelectorAll('section[data-scenario]')) {
      let any = false;
      for (const li of section.querySelectorAll('li[data-phrase]')) {
        n += 1;
        const hay = (section.dataset.scenario + ' ' + li.textContent).toLowerCase();
        const on = (!scenario || section.dataset.scenario === scenario) && words.every((w) => hay.includes(w));
        li.hidden = !on;
        if (on) { any = true; shown += 1; }
      }
      section.hidden = !any;
    }
    status.textContent = t('phrases.count', { shown, n });
  }

  async function problemsOf(text) {
    const result = parseAnswer(await engine.call('check', text, moduleOptions()));
    if (result.errors) return result.errors.map((e) => e.text || e.message);
    return (result.findings || []).filter((f) => f.severity !== 'info').map((f) => `${f.title}「${f.text}」`);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const phrase = { scenario: String(data.get('scenario')).trim(), title: String(data.get('title')).trim(), text: String(data.get('text')).trim() };
    clear(formErrors);
    if (!phrase.scenario || !phrase.title || !phrase.text) return;
    const problems = await problemsOf(phrase.text);
    if (problems.length) {
      formErrors.append(el('li', {}, t('phrases.not_clean'), problems.join('；')));
      return;
    }
    phrase.id = 'own-' + Date.now().toString(36);
    own.push(phrase);
    save(OWN_KEY, own);
    form.reset();
    formErrors.append(el('li', { class: 'ok' }, t('phrases.added')));
    render();
  });

  $('#phrase-export').addEventListener('click', () => {
    const pack = { pack: OWN_PACK, title: '本店话术', phrases: own.map(({ id, scenario, title, text }) => ({ id, scenario, title, text })) };
    download(OWN_PACK + '.json', JSON.stringify(pack, null, 2) + '\n', 'application/json');
  });
  const file = $('#phrase-import');
  $('#phrase-import-button').addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const chosen = file.files && file.files[0];
    file.value = '';
    if (!chosen) return;
    clear(formErrors);
    const json = await readFileText(chosen);
    // The core validates the pack as it would any user pack: errors name the field and place.
    const checked = parseAnswer(await engine.call('validate', json, { name: chosen.name }));
    if (checked.errors && checked.errors.length) {
      formErrors.append(...checked.errors.map((e) => el('li', {}, e.text || e.message)));
      return;
    }
    const phrases = JSON.parse(json).phrases || [];
    if (!phrases.length) {
      formErrors.append(el('li', {}, t('phrases.none_in_pack')));
      return;
    }
    let added = 0;
    for (const p of phrases) {
      if (p.platforms && !p.platforms.includes(settings.platform)) continue;
      const text = (p.by_platform && p.by_platform[settings.platform]) || p.text;
      const problems = await problemsOf(text);
      if (problems.length) {
        formErrors.append(el('li', {}, `${p.title}：${t('phrases.not_clean')}${problems.join('；')}`));
        continue;
      }
      own = own.filter((o) => o.id !== p.id);
      own.push({ id: p.id, scenario: p.scenario, title: p.title, text });
      added += 1;
    }
    save(OWN_KEY, own);
    formErrors.append(el('li', { class: 'ok' }, t('phrases.imported', { n: added })));
    render();
  });

  search.addEventListener('input', filter);
  scenarioSelect.addEventListener('change', filter);
  return { refresh };
}
