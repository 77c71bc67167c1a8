// Starts the page: language, tabs, the checker engine, then each tab.
import { initDeadlines } from './deadlines.js';
import { $, $$, el } from './dom.js';
import { ABI_VERSION, parseAnswer, startEngine } from './engine.js';
import { initHandbook } from './handbook.js';
import { initPhrases } from './phrases.js';
import { initPractice } from './practice.js';
import { onLangChange, setLang, setVocabulary, t } from './i18n.js';
import { initReply } from './reply.js';
import { initSettings } from './settings.js';
import { moduleOptions, onSettingsChange, settings, updateSettings } from './state.js';
import { load, onStorageProblem, save } from './store.js';
import { initTranscript } from './transcript.js';

const TABS = ['reply', 'transcript', 'deadlines', 'phrases', 'handbook', 'practice', 'settings'];
const tabs = {};

setLang(settings.lang);
onStorageProblem((kind) => {
  const notice = $('#storage-notice');
  notice.dataset.kind = kind;
  notice.textContent = t('storage.' + kind);
  notice.hidden = false;
});
setUpTabs();
$('#lang-toggle').addEventListener('click', () => updateSettings({ lang: settings.lang === 'zh' ? 'en' : 'zh' }));
showLangToggle();

startEngine().then(start, (error) => banner(t('engine.failed', { message: error.message || String(error) })));

function start(engine) {
  if (engine.abi !== ABI_VERSION) {
    banner(t('engine.abi', { found: engine.abi, expected: ABI_VERSION }));
    return;
  }
  document.documentElement.dataset.engine = engine.kind;
  $('#engine-info').textContent = t(engine.kind === 'worker' ? 'engine.worker' : 'engine.main');
  setVocabulary(engine.vocabulary);
  fillPlatforms(engine.vocabulary.platforms);
  tabs.reply = initReply(engine);
  tabs.transcript = initTranscript(engine);
  tabs.deadlines = initDeadlines(engine);
  tabs.phrases = initPhrases(engine);
  tabs.handbook = initHandbook(engine);
  tabs.practice = initPractice(engine);
  tabs.settings = initSettings(engine);
  refreshAll();
  onSettingsChange((changes) => {
    if ('lang' in changes) setLang(settings.lang);
    if ('customPack' in changes) refreshVocabulary(engine);
    for (const select of $$('[data-platform-select]')) select.value = settings.platform;
    tabs.settings.refresh();
    refreshAll();
  });
  onLangChange(() => {
    showLangToggle();
    const notice = $('#storage-notice');
    if (!notice.hidden) notice.textContent = t('storage.' + notice.dataset.kind);
    fillPlatforms(engine.vocabulary.platforms);
    $('#engine-info').textContent = t(engine.kind === 'worker' ? 'engine.worker' : 'engine.main');
  });
  if (settings.customPack) refreshVocabulary(engine);
  document.documentElement.dataset.ready = 'true';
  registerServiceWorker();
}

// A custom pack may add a platform (a pack with "platform"): the core's vocabulary with the
// user's packs names it, and the selectors offer it. A pack that does not load adds nothing
// (Settings reports why).
async function refreshVocabulary(engine) {
  const answer = await engine.call('vocabulary', '', moduleOptions(), 'vocabulary');
  if (answer.stale) return;
  const vocabulary = parseAnswer(answer);
  if (vocabulary.errors || !Array.isArray(vocabulary.platforms)) return;
  engine.vocabulary = vocabulary;
  setVocabulary(vocabulary);
  fillPlatforms(vocabulary.platforms);
}

function refreshAll() {
  for (const name of TABS) tabs[name]?.refresh();
}

// One platform for the whole page: the header, settings and order-form selectors all show it and
// all change it (an order form on one platform under another's header would answer with the
// wrong rules). The platforms and their names are the core's vocabulary: the packs'.
function fillPlatforms(platforms) {
  for (const select of $$('[data-platform-select]')) {
    select.replaceChildren(...platforms.map((p) => el('option', { value: p.name }, t('platform.' + p.name))));
    select.value = settings.platform;
    if (!select.dataset.bound) {
      select.dataset.bound = 'true';
      select.addEventListener('change', () => updateSettings({ platform: select.value }));
    }
  }
}

function setUpTabs() {
  const buttons = $$('[role=tab]');
  const select = (name, focus) => {
    for (const button of buttons) {
      const on = button.dataset.tab === name;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      $('#' + button.getAttribute('aria-controls')).hidden = !on;
      if (on && focus) button.focus();
    }
    document.body.dataset.tab = name;
    save('tab', name);
    tabs[name]?.shown?.();
  };
  for (const button of buttons) {
    button.addEventListener('click', () => select(button.dataset.tab));
    button.addEventListener('keydown', (event) => {
      const i = TABS.indexOf(button.dataset.tab);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      select(TABS[(to + TABS.length) % TABS.length], true);
    });
  }
  const remembered = location.hash.slice(1) || load('tab', 'reply');
  select(TABS.includes(remembered) ? remembered : 'reply');
}

function showLangToggle() {
  const toggle = $('#lang-toggle');
  const toEnglish = settings.lang === 'zh';
  toggle.textContent = toEnglish ? 'English' : '中文';
  toggle.lang = toEnglish ? 'en' : 'zh-CN';
  toggle.setAttribute('aria-label', toEnglish ? 'Switch to English' : '切换到中文');
}

function banner(text) {
  const node = $('#banner');
  node.textContent = text;
  node.hidden = false;
}

function registerServiceWorker() {
  if (document.documentElement.dataset.build === 'single' || !('serviceWorker' in navigator)) return;
  if (!/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register('sw.js').catch((error) => console.warn('kefu-lint: no offline cache', error));
}
