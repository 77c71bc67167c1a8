// 练习: a trainer's drill on the rules of the page's platform. The questions come from the core
// (quiz, the same sheet as `kefu-lint quiz --seed S` for the same packs); this tab only asks them
// one at a time, keeps the score and lists the mistakes. The seed is shown so a trainer can give
// a whole class the same sheet. Quiz text comes from packs (custom ones too): text nodes only.
import { $, clear, download, el } from './dom.js';
import { parseAnswer } from './engine.js';
import { errorItems } from './findings.js';
import { currentLang, localized, onLangChange, t } from './i18n.js';
import { moduleOptions, settings } from './state.js';

// The tab's own strings, kept here rather than in the shared table; Chinese first.
const STRINGS = {
  zh: {
    intro: '从当前平台的规则里出题，一次一题，答完看解析。题号相同，题目就相同：培训时把题号发给大家即可。',
    platform: '平台', count: '题数', seed: '题号', seedHint: '留空则按当前时间生成',
    categories: '只练这些类别（不选则全部）', start: '开始练习', loading: '正在出题…',
    sheet: '题号 {seed} · {platform} · 共 {n} 题', none: '所选类别没有可出的题，请换几个类别。',
    progress: '第 {i} / {n} 题', right: '对', wrong: '错', rule: '规则', next: '下一题', finish: '查看结果',
    score: '得分 {right}/{answered}', done: '练习结束：{n} 题答对 {right} 题。', allRight: '全部答对，没有错题。',
    mistakes: '错题回顾', yourAnswer: '你的答案', correct: '正确答案', explanation: '解析',
    csv: '导出CSV', again: '用同一题号再练一次', csvHead: ['序号', '题目', '你的答案', '正确答案', '结果', '规则编号', '规则'],
    badCount: '题数须为 1 到 200 之间的整数', badSeed: '题号须为非负整数',
  },
  en: {
    intro: 'Questions from the rules of the current platform, one at a time, with the explanation after each answer. The same sheet number gives the same questions: give it to the whole class.',
    platform: 'Platform', count: 'Questions', seed: 'Sheet number', seedHint: 'empty: taken from the clock',
    categories: 'Only these categories (none ticked: all)', start: 'Start', loading: 'Drawing questions…',
    sheet: 'Sheet {seed} · {platform} · {n} questions', none: 'The chosen categories have no questions; choose others.',
    progress: 'Question {i} of {n}', right: 'Right', wrong: 'Wrong', rule: 'Rule', next: 'Next', finish: 'See the result',
    score: 'Score {right}/{answered}', done: 'Done: {right} of {n} right.', allRight: 'All right, no mistakes.',
    mistakes: 'Mistakes', yourAnswer: 'Your answer', correct: 'Right answer', explanation: 'Explanation',
    csv: 'Export CSV', again: 'Again with the same sheet', csvHead: ['No.', 'Question', 'Chosen', 'Right answer', 'Result', 'Rule id', 'Rule'],
    badCount: 'The number of questions must be a whole number from 1 to 200', badSeed: 'The sheet number must be a whole number, 0 or more',
  },
};

function s(key, values) {
  const text = (STRINGS[currentLang()] || STRINGS.zh)[key] ?? STRINGS.zh[key];
  return values && typeof text === 'string' ? text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? '')) : text;
}

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

export function initPractice(engine) {
  const root = $('#practice');
  let meta = null;  // {platform, categories: [{name,title}], titles: Map(rule id -> rule)} of the rules call
  let metaStale = true;
  let quiz = null;  // {seed, platform, questions, at, answers: [choice index]}
  const form = { count: '10', seed: '', categories: new Set() };

  // Category names and rule titles for the platform: the quiz gives rule ids and category names.
  async function loadMeta() {
    metaStale = false;
    const answer = await engine.call('rules', '', moduleOptions(), 'practice-rules');
    if (answer.stale) return;
    const result = parseAnswer(answer);
    if (result.errors) {
      meta = { platform: settings.platform, categories: [], titles: new Map(), errors: result.errors };
    } else {
      meta = { platform: result.platform || settings.platform, categories: result.categories || [],
        titles: new Map((result.rules || []).map((r) => [r.id, r])) };
    }
    const known = new Set(meta.categories.map((c) => c.name));
    for (const name of [...form.categories]) if (!known.has(name)) form.categories.delete(name);
    render();
  }

  function ruleLabel(id) {
    const rule = meta?.titles.get(id);
    return rule ? `${localized(rule, 'title')}（${id}）` : id;
  }

  function categoryLabel(name) {
    const category = meta?.categories.find((c) => c.name === name);
    return category ? localized(category, 'title') : name;
  }

  async function start(seed) {
    const count = Number(form.count);
    if (!Number.isInteger(count) || count < 1 || count > 200) return showError(s('badCount'));
    if (seed === undefined) {
      seed = form.seed.trim() === '' ? Date.now() % 1000000 : Number(form.seed.trim());
      if (!Number.isSafeInteger(seed) || seed < 0 || !/^\d+$/.test(form.seed.trim() || '0')) return showError(s('badSeed'));
    }
    const options = moduleOptions({ count, seed });
    if (form.categories.size) options.categories = [...form.categories];
    quiz = { loading: true, seed, platform: settings.platform };
    render();
    const answer = await engine.call('quiz', '', options, 'practice');
    if (answer.stale) return;
    const result = parseAnswer(answer);
    quiz = result.errors
      ? { errors: result.errors, seed, platform: settings.platform }
      : { seed: result.seed ?? seed, platform: result.platform || settings.platform, questions: result.questions || [], at: 0, answers: [] };
    render();
    $('[data-quiz-question]', root)?.focus();
  }

  function showError(message) {
    quiz = { errors: [{ code: 'page.E003', message, text: message }] };
    render();
  }

  function answer(choice) {
    if (!quiz?.questions || quiz.answers.length !== quiz.at) return;
    quiz.answers.push(choice);
    render();
    $('[data-quiz-result]', root)?.focus();
  }

  function next() {
    quiz.at += 1;
    render();
    ($('[data-quiz-question]', root) || $('[data-quiz-summary]', root))?.focus();
  }

  function score() {
    const right = quiz.answers.filter((a, i) => a === quiz.questions[i].answer).length;
    return { right, answered: quiz.answers.length };
  }

  function exportCsv() {
    const rows = [s('csvHead')];
    quiz.answers.forEach((a, i) => {
      const q = quiz.questions[i];
      rows.push([i + 1, q.text, q.choices[a] ?? '', q.choices[q.answer] ?? '', a === q.answer ? s('right') : s('wrong'),
        q.rule, meta?.titles.get(q.rule) ? localized(meta.titles.get(q.rule), 'title') : '']);
    });
    // BOM so that Excel reads UTF-8; every field quoted; a leading = + - @ is neutralised so a
    // spreadsheet never runs a pack's text as a formula.
    const field = (v) => {
      let text = String(v);
      if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
      return '"' + text.replace(/"/g, '""') + '"';
    };
    const csv = '\ufeff' + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
    download(`kefu-practice-${quiz.platform}-${quiz.seed}.csv`, csv, 'text/csv;charset=utf-8');
  }

  function settingsForm() {
    const count = el('input', { type: 'number', min: 1, max: 200, step: 1, value: form.count, name: 'count', 'data-quiz-count': true });
    count.addEventListener('input', () => { form.count = count.value; });
    const seed = el('input', { type: 'text', inputmode: 'numeric', value: form.seed, name: 'seed', placeholder: s('seedHint'), 'data-quiz-seed': true });
    seed.addEventListener('input', () => { form.seed = seed.value; });
    const boxes = (meta?.categories || []).map((c) => {
      const box = el('input', { type: 'checkbox', value: c.name, checked: form.categories.has(c.name) });
      box.addEventListener('change', () => (box.checked ? form.categories.add(c.name) : form.categories.delete(c.name)));
      return el('label', { 'data-category': c.name }, box, ' ', localized(c, 'title'));
    });
    const submit = el('button', { type: 'submit', class: 'primary', 'data-quiz-start': true }, s('start'));
    const node = el('form', { class: 'practice-settings', autocomplete: 'off', novalidate: true },
      el('p', { class: 'hint' }, s('intro')),
      el('div', { class: 'grid' },
        el('p', {}, s('platform'), '：', el('strong', { 'data-quiz-platform': true }, t('platform.' + settings.platform))),
        el('label', {}, el('span', {}, s('count')), ' ', count),
        el('label', {}, el('span', {}, s('seed')), ' ', seed)),
      boxes.length ? el('fieldset', { class: 'flags' }, el('legend', {}, s('categories')), boxes) : null,
      meta?.errors ? el('ul', { class: 'errors' }, errorItems(meta.errors)) : null,
      el('div', { class: 'toolbar' }, submit));
    node.addEventListener('submit', (event) => {
      event.preventDefault();
      start();
    });
    return node;
  }

  function questionView() {
    const q = quiz.questions[quiz.at];
    const answered = quiz.answers.length > quiz.at;
    const chosen = quiz.answers[quiz.at];
    const choices = q.choices.map((choice, i) => el('li', {},
      el('button', { type: 'button', class: 'choice', 'data-quiz-answer': i, disabled: answered,
        'data-state': answered ? (i === q.answer ? 'right' : i === chosen ? 'wrong' : null) : null,
        onclick: () => answer(i) }, `${LETTERS[i] || i + 1}. `, choice)));
    const right = chosen === q.answer;
    return el('div', { class: 'quiz-question', 'data-quiz-question': quiz.at, 'data-type': q.type, 'data-rule': q.rule, tabindex: -1 },
      el('p', { class: 'hint' }, s('progress', { i: quiz.at + 1, n: quiz.questions.length }), ' · ', categoryLabel(q.category)),
      el('p', { class: 'quiz-text' }, q.text),
      el('ol', { class: 'choices' }, choices),
      answered ? el('div', { class: 'quiz-result', 'data-quiz-result': right ? 'right' : 'wrong', role: 'status', tabindex: -1 },
        el('p', { class: 'verdict' }, right ? '✓ ' + s('right') : '✗ ' + s('wrong'),
          right ? '' : `（${s('correct')}：${LETTERS[q.answer] || q.answer + 1}. ${q.choices[q.answer]}）`),
        el('p', {}, q.explanation),
        el('p', { class: 'meta' }, s('rule'), '：', ruleLabel(q.rule)),
        el('button', { type: 'button', class: 'primary', 'data-quiz-next': true, onclick: next },
          quiz.at + 1 < quiz.questions.length ? s('next') : s('finish'))) : null);
  }

  function summaryView() {
    const { right } = score();
    const mistakes = quiz.answers.map((a, i) => ({ a, i, q: quiz.questions[i] })).filter(({ a, q }) => a !== q.answer);
    return el('div', { class: 'quiz-summary', 'data-quiz-summary': true, tabindex: -1 },
      el('h2', {}, s('done', { n: quiz.questions.length, right })),
      mistakes.length
        ? el('section', { 'data-quiz-mistakes': true }, el('h3', {}, s('mistakes')),
          el('ol', {}, mistakes.map(({ a, i, q }) => el('li', { 'data-rule': q.rule, value: i + 1 },
            el('p', { class: 'quiz-text' }, q.text),
            el('p', { class: 'wrong' }, s('yourAnswer'), '：', q.choices[a]),
            el('p', { class: 'right' }, s('correct'), '：', q.choices[q.answer]),
            el('p', {}, s('explanation'), '：', q.explanation),
            el('p', { class: 'meta' }, s('rule'), '：', ruleLabel(q.rule))))))
        : el('p', {}, s('allRight')),
      el('div', { class: 'toolbar' },
        el('button', { type: 'button', 'data-quiz-csv': true, onclick: exportCsv }, s('csv')),
        el('button', { type: 'button', 'data-quiz-again': true, onclick: () => start(quiz.seed) }, s('again'))));
  }

  function render() {
    const parts = [settingsForm()];
    if (quiz?.loading) parts.push(el('p', { class: 'status', role: 'status' }, s('loading')));
    else if (quiz?.errors) parts.push(el('ul', { class: 'errors' }, errorItems(quiz.errors)));
    else if (quiz?.questions) {
      const { right, answered } = score();
      parts.push(el('p', { class: 'quiz-bar' },
        el('span', { 'data-quiz-seed-shown': quiz.seed }, s('sheet', { seed: quiz.seed, platform: t('platform.' + quiz.platform), n: quiz.questions.length })),
        ' · ', el('strong', { 'data-quiz-score': `${right}/${answered}`, role: 'status', 'aria-live': 'polite' }, s('score', { right, answered }))));
      if (!quiz.questions.length) parts.push(el('p', { class: 'hint' }, s('none')));
      else if (quiz.at < quiz.questions.length) parts.push(questionView());
      else parts.push(summaryView());
    }
    clear(root).append(...parts);
  }

  onLangChange(() => render());
  render();
  return {
    // Settings changed (platform, packs): the category list is for the old ones. A quiz under way
    // keeps its questions; the next start uses the new platform.
    refresh: () => {
      metaStale = true;
      if (!$('#panel-practice').hidden) loadMeta();
      else render();
    },
    shown: () => metaStale && loadMeta(),
  };
}
