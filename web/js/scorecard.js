// The transcript report for people: labels for every figure (Chinese, or English in English
// mode), durations as 6分29秒 and times as 2024-06-18 10:00:01, the report header, the per-agent
// scorecard and the speakers table whose role selects settle who is the buyer. Numbers come from
// the core's transcript JSON; this file only words and lays them out.
import { el } from './dom.js';
import { currentLang } from './i18n.js';

const WORDS = {
  zh: {
    title: '聊天记录质检报告', shop: '店铺', platform: '平台', period: '记录时间', made: '生成时间', format: '读取格式',
    columns: '表头', to: ' 至 ', conversations: '会话', messages: '消息', findings: '问题', none: '—',
    first: '首响', average: '平响', longest: '最长等待', buyer_messages: '买家消息', answered: '已回复',
    unanswered_rounds: '未回复轮次', within: (n) => `${n / 60}分钟内回复`, service_hours: '考核时段',
    no_times: '记录中没有时间：响应时间数据与时间规则跳过', bar: '平台考核', bar_met: '达标', bar_missed: '未达标',
    bar_unknown: '平台未公布数字', needs: (p) => `要求 ≥ ${p}%`, source: '来源',
    agents: '客服评分表', agent: '客服', by_category: '问题分布', penalties: '处罚',
    yuan: '扣款', points: '扣分', unquantified: (n) => `另有 ${n} 处处罚无固定金额`, no_penalty: '无',
    authority: { shop: '店规', platform: '平台规则', law: '法律法规' },
    speakers: '说话人（请确认角色）', speaker: '名字', role: '角色', count: '消息数',
    role_buyer: '买家', role_agent: '客服', role_system: '系统', role_unknown: '未定',
    roles_hint: '改动角色后立即重新检查，并记住这个选择。', folded: (n) => `同一条款在同一条消息上的另 ${n} 处不重复计罚`,
    minutes: (m, s) => `${m}分${String(s).padStart(2, '0')}秒`, seconds: (s) => `${s}秒`,
    hours: (h, m) => `${h}小时${String(m).padStart(2, '0')}分`,
  },
  en: {
    title: 'Chat QA report', shop: 'Shop', platform: 'Platform', period: 'Period', made: 'Made', format: 'Format read',
    columns: 'columns', to: ' to ', conversations: 'Conversations', messages: 'Messages', findings: 'Findings', none: '—',
    first: 'First response', average: 'Average response', longest: 'Longest wait', buyer_messages: 'Buyer messages',
    answered: 'Answered', unanswered_rounds: 'Unanswered rounds', within: (n) => `Answered within ${n / 60} min`,
    service_hours: 'Service hours', no_times: 'No times in the export: response figures and time rules skipped',
    bar: 'Platform bar', bar_met: 'met', bar_missed: 'missed', bar_unknown: 'no published number',
    needs: (p) => `needs ≥ ${p}%`, source: 'Source',
    agents: 'Agents', agent: 'Agent', by_category: 'Findings by category', penalties: 'Penalties',
    yuan: 'Fines', points: 'Points', unquantified: (n) => `${n} more without a fixed amount`, no_penalty: 'none',
    authority: { shop: 'shop code', platform: 'platform rules', law: 'law' },
    speakers: 'Speakers (confirm the roles)', speaker: 'Name', role: 'Role', count: 'Messages',
    role_buyer: 'Buyer', role_agent: 'Agent', role_system: 'System', role_unknown: 'Unsettled',
    roles_hint: 'A change re-checks at once and is remembered.', folded: (n) => `${n} more of a clause already fined on the same message not counted again`,
    minutes: (m, s) => `${m} min ${String(s).padStart(2, '0')} s`, seconds: (s) => `${s} s`,
    hours: (h, m) => `${h} h ${String(m).padStart(2, '0')} min`,
  },
};

export const words = () => WORDS[currentLang()] || WORDS.zh;

// 389 → 6分29秒; 45 → 45秒; 3720 → 1小时02分
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return words().none;
  const w = words();
  const s = Math.round(seconds);
  if (s < 60) return w.seconds(s);
  if (s < 3600) return w.minutes(Math.floor(s / 60), s % 60);
  return w.hours(Math.floor(s / 3600), Math.floor((s % 3600) / 60));
}

// 2024-06-18T10:00:01+08:00 → 2024-06-18 10:00:01 (the core writes Beijing time)
export function timeText(iso) {
  if (!iso) return '';
  return String(iso).replace('T', ' ').replace(/\+08:00$/, '');
}

function percent(value) {
  return value === null || value === undefined ? words().none : `${value}%`;
}

// The response figures as labelled rows; no raw keys, no booleans.
export function figureRows(figures) {
  const w = words();
  const list = el('dl', { class: 'figures' });
  const add = (label, value, key) => list.append(el('dt', { 'data-figure': key }, label), el('dd', { 'data-figure': key }, value));
  if (!figures || figures.timed === false) {
    list.append(el('dd', { class: 'hint', 'data-figure': 'timed' }, w.no_times));
    return list;
  }
  add(w.first, duration(figures.first_response_seconds), 'first_response_seconds');
  add(w.average, duration(figures.average_response_seconds), 'average_response_seconds');
  add(w.longest, duration(figures.longest_wait_seconds), 'longest_wait_seconds');
  add(w.buyer_messages, String(figures.buyer_messages ?? 0) + (figures.service_hours ? ` (${w.service_hours} ${figures.service_hours})` : ''), 'buyer_messages');
  add(w.answered, String(figures.answered ?? 0), 'answered');
  add(w.unanswered_rounds, String(figures.unanswered_rounds ?? 0), 'unanswered_rounds');
  for (const [within, v] of Object.entries(figures.answered_within || {}))
    add(w.within(Number(within)), `${percent(v.percent)} (${v.count})`, `answered_within.${within}`);
  const bar = figures.platform_bar;
  if (bar) {
    const verdict = bar.met === true ? w.bar_met : bar.met === false ? w.bar_missed : w.bar_unknown;
    const needs = bar.min_percent === null || bar.min_percent === undefined ? '' : `，${w.needs(bar.min_percent)}`;
    add(bar.title || w.bar, `${percent(bar.percent)} (${bar.count ?? 0}/${bar.total ?? 0})${needs}：${verdict}`, 'platform_bar');
    if (bar.source) add(w.source, bar.source, 'platform_bar.source');
  }
  return list;
}

export function penaltyText(p) {
  const w = words();
  if (!p) return w.no_penalty;
  const parts = [];
  const split = (what, unit, v) => {
    if (!v || !v.total) return;
    const by = ['shop', 'platform', 'law'].filter((a) => v[a]).map((a) => `${w.authority[a]} ${v[a]}${unit}`);
    parts.push(`${what} ${v.total}${unit} (${by.join('，')})`);
  };
  split(w.yuan, currentLang() === 'en' ? ' yuan' : '元', p.yuan);
  split(w.points, currentLang() === 'en' ? ' pt' : '分', p.points);
  if (p.unquantified && p.unquantified.total) parts.push(w.unquantified(p.unquantified.total));
  return parts.length ? parts.join('；') : w.no_penalty;
}

// Title, shop, platform, the export's date range, when the report was made, the format read.
export function reportHeader(result, platformName) {
  const w = words();
  const made = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const madeText = `${made.getFullYear()}-${pad(made.getMonth() + 1)}-${pad(made.getDate())} ${pad(made.getHours())}:${pad(made.getMinutes())}`;
  const rows = [];
  const row = (label, value, key) => value && rows.push(el('dt', {}, label), el('dd', { 'data-header': key }, value));
  row(w.shop, (result.shops || []).join('、'), 'shop');
  row(w.platform, platformName, 'platform');
  row(w.period, result.period ? `${result.period.from}${w.to}${result.period.to}` : '', 'period');
  row(w.made, madeText, 'made');
  if (result.input) row(w.format, result.input.label + (result.input.columns ? `（${w.columns}：${result.input.columns}）` : ''), 'format');
  const s = result.summary || {};
  row(w.conversations, `${s.conversations ?? 0} · ${w.messages} ${s.messages ?? 0} · ${w.findings} ${s.total ?? 0}`, 'counts');
  row(w.penalties, penaltyText(result.penalties), 'penalties');
  if (s.folded_same_clause) rows.push(el('dd', { class: 'hint' }, w.folded(s.folded_same_clause)));
  return el('header', { class: 'report-header' }, el('h2', { class: 'report-title' }, w.title), el('dl', { class: 'report-meta' }, rows));
}

// `titles`: category → a title people read (the title of a finding of that category).
export function agentsTable(agents, titles = new Map()) {
  const w = words();
  const within180 = (f) => (f.answered_within && f.answered_within['180'] ? percent(f.answered_within['180'].percent) : w.none);
  return el('div', { class: 'table-scroll' }, el('table', { class: 'agents' },
    el('thead', {}, el('tr', {}, [w.agent, w.conversations, w.messages, w.first, w.average, w.longest, w.within(180), w.findings, w.by_category, w.penalties]
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, agents.map((a) => {
      const f = a.figures || {};
      const cats = Object.entries(a.findings_by_category || {}).map(([k, n]) => `${titles.get(k) || k} ${n}`).join('，');
      return el('tr', { 'data-agent': a.name },
        el('th', { scope: 'row' }, a.name),
        el('td', { 'data-col': 'conversations' }, String(a.conversations)),
        el('td', { 'data-col': 'messages' }, String(a.messages)),
        el('td', { 'data-col': 'first', class: 'num' }, f.timed === false ? w.none : duration(f.first_response_seconds)),
        el('td', { 'data-col': 'average', class: 'num' }, f.timed === false ? w.none : duration(f.average_response_seconds)),
        el('td', { 'data-col': 'longest', class: 'num' }, f.timed === false ? w.none : duration(f.longest_wait_seconds)),
        el('td', { 'data-col': 'within180', class: 'num' }, within180(f)),
        el('td', { 'data-col': 'findings' }, String(a.findings)),
        el('td', { 'data-col': 'categories' }, cats || w.none),
        el('td', { 'data-col': 'penalties' }, penaltyText(a.penalties)));
    }))));
}

// Every speaker with the role the core settled on and the message count; `roles` holds the
// user's own choices, `onChange(name, role)` is called when a select changes.
export function speakersTable(speakers, roles, onChange) {
  const w = words();
  const label = { buyer: w.role_buyer, agent: w.role_agent, system: w.role_system, unknown: w.role_unknown };
  return el('div', { class: 'speakers' },
    el('p', { class: 'hint' }, w.roles_hint),
    el('div', { class: 'table-scroll' }, el('table', {},
      el('thead', {}, el('tr', {}, [w.speaker, w.role, w.count].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, speakers.map((s) => {
        const chosen = roles[s.name] || s.from;
        const select = el('select', { 'aria-label': `${w.role}：${s.name}`, 'data-role-for': s.name },
          ['buyer', 'agent'].concat(chosen === 'system' ? ['system'] : []).map((r) => el('option', { value: r }, label[r])));
        select.value = chosen === 'unknown' ? 'buyer' : chosen;
        select.addEventListener('change', () => onChange(s.name, select.value));
        return el('tr', { 'data-speaker': s.name, 'data-from': s.from, 'data-settled': roles[s.name] ? 'user' : null },
          el('th', { scope: 'row' }, s.name), el('td', {}, select), el('td', {}, String(s.messages)));
      })))));
}
