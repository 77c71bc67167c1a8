// Interface strings, Chinese first. Rule texts come from the packs (title_en/message_en when a
// pack has them). Static elements carry data-i18n / data-i18n-placeholder / data-i18n-aria-label.
const STRINGS = {
  zh: {
    'skip': '跳到内容', 'app.title': '客服话术合规检查', 'platform': '平台', 'tabs.label': '功能',
    'tab.reply': '单条回复', 'tab.transcript': '聊天记录', 'tab.deadlines': '订单时效',
    'tab.handbook': '规则手册', 'tab.practice': '练习', 'tab.settings': '设置',
    'tab.phrases': '话术库', 'reply.fix_all': '全部修正', 'reply.undo': '撤销', 'reply.copy': '复制',
    'rewrite': '改为', 'rewrite.apply': '采用改写', 'rewrite.none': '没有能通过复查的改写，请手动修改', 'rewrite.advice': '怎么改',
    'changes.one': '已改写：', 'changes.undo': '（Ctrl+Z 或「撤销」可恢复原文）', 'copied': '已复制', 'copy.failed': '复制失败，请手动选中复制',
    'undone': '已恢复改写前的内容', 'phrases.search': '搜索', 'phrases.search_placeholder': '关键词，如 发票、退款、尺码',
    'phrases.scenario': '场景', 'phrases.all': '全部场景', 'phrases.count': '显示 {shown} / {n} 条话术', 'phrases.copy': '复制',
    'phrases.use': '用到回复', 'phrases.mine': '本店', 'phrases.delete': '删除',
    'phrases.own': '本店话术（保存在本机，可导出为规则包）', 'phrases.own_scenario': '场景', 'phrases.own_title': '标题',
    'phrases.own_text': '话术', 'phrases.add': '检查并添加', 'phrases.export': '导出为规则包', 'phrases.import': '导入规则包',
    'phrases.added': '已添加', 'phrases.imported': '已导入 {n} 条话术', 'phrases.not_clean': '这条话术没有通过检查：',
    'phrases.none_in_pack': '这个规则包里没有 phrases',
    'reply.label': '回复内容（边输入边检查）', 'reply.placeholder': '在这里输入或粘贴要发给买家的回复',
    'reply.mask': '脱敏', 'reply.clear': '清空', 'findings.label': '检查结果',
    'transcript.label': '聊天记录（粘贴，或把文件拖到这里）', 'transcript.open': '打开文件',
    'transcript.placeholder': '[2024-06-18 10:00:00] 买家: 在吗\n[2024-06-18 10:01:00] 客服: 亲，您好，在的呢',
    'transcript.csv': '导出 CSV', 'transcript.json': '导出 JSON', 'print': '打印',
    'order.hint': '所有时间均为北京时间（UTC+8）。只填发生过的事件。', 'order.shipping': '物流方式',
    'shipping.express': '快递', 'shipping.ems': 'EMS', 'shipping.surface': '平邮',
    'order.presale': '预售约定发货时间', 'order.flags': '选项', 'order.return_required': '退款需退货',
    'order.vat_invoice': '增值税专用发票', 'order.invoice_committed': '已承诺开票时间',
    'order.events': '订单事件', 'order.now': '当前时间', 'order.live_now': '使用实时时间',
    'order.now_at': '指定时间', 'order.reset': '清空表单', 'deadlines.label': '时效',
    'handbook.filter': '筛选', 'settings.shop': '启用店铺客服规范（shop 规则包）', 'settings.lang': '界面语言',
    'settings.custom': '自定义规则包',
    'settings.custom_hint': 'JSON 格式。点「填入示例」得到一份可直接修改的本店规范（禁用语、罚款、正反示例）；验证通过后叠加在内置规则包之上，保存在本机浏览器中。', 'settings.starter': '填入示例',
    'settings.custom_label': '规则包 JSON', 'settings.load': '从文件载入', 'settings.apply': '验证并启用',
    'settings.export': '导出', 'settings.reset': '移除并重置', 'errors.label': '错误',
    'footer': '离线运行：检查在本机完成，不上传任何内容。',
    'event.ordered': '下单', 'event.terms_changed': '修改交易条件', 'event.paid': '付款', 'event.grouped': '成团',
    'event.shipped': '发货', 'event.received': '签收', 'event.refund_requested': '申请退款',
    'event.refund_refused': '拒绝退款', 'event.refund_agreed': '同意退款', 'event.return_shipped': '买家退货发出',
    'event.trade_success': '交易成功', 'event.invoice_requested': '申请发票', 'event.complaint': '投诉',
    'event.pickup_agreed_day': '约定上门取件日', 'event.verified': '核对订单',
    'order.promise_hours': '店铺承诺发货时长', 'order.promise_none': '未承诺（按平台默认）', 'order.promise_24': '24小时',
    'order.promise_48': '48小时', 'order.promise_72': '72小时', 'order.promise_120': '5天', 'order.promise_168': '7天',
    'order.promise_360': '15天', 'order.promise_by': '或：承诺发货时间',
    'order.bad_date': '{field}：日期或时间不存在（例如 2月30日），请改正', 'order.fix_fields': '有 {n} 处需要改正（见标红的字段）',
    'order.errors': '订单信息有误', 'order.no_clock': '没有正在计时的时效。发生下列事件后开始计时：',
    'order.waiting': '尚未开始计时（发生下列事件后开始）：',
    'severity.error': '违规', 'severity.warning': '警告', 'severity.info': '提示',
    'status.pending': '进行中', 'status.due_soon': '即将到期', 'status.overdue': '已超时', 'status.met': '已完成', 'status.void': '不适用',
    'clean': '未发现问题 ✓', 'checking': '检查中…', 'count': '{n} 条问题（违规 {error}，警告 {warning}，提示 {info}）',
    'penalty': '处罚', 'why': '原因', 'source': '依据', 'suggestion': '建议', 'apply': '采用建议',
    'locate': '定位', 'none_stated': '无明确处罚（服务规范）', 'examples.bad': '错误示例', 'examples.good': '正确示例',
    'handbook.title': '规则手册 · {platform}', 'handbook.count': '{n} 条规则', 'category': '类别',
    'left': '剩余', 'overdue_by': '已超时', 'due': '截止', 'consequence': '后果',
    'deadlines.none': '填写订单事件后显示时效。', 'deadlines.count': '{n} 项时效',
    'transcript.none': '粘贴聊天记录后显示结果。', 'transcript.messages': '消息', 'transcript.figures': '会话数据',
    'transcript.summary': '按类别汇总', 'transcript.findings': '会话问题', 'count.short': '条数',
    'from.buyer': '买家', 'from.agent': '客服', 'from.system': '系统',
    'custom.ok': '规则包 {name} 已启用。', 'custom.invalid': '规则包有 {n} 处错误，未启用。',
    'custom.removed': '已移除自定义规则包并恢复默认设置。', 'custom.none': '没有自定义规则包。', 'custom.starter_busy': '框里已有内容：先导出或清空，再填入示例。',
    'engine.failed': '检查引擎无法加载：{message}', 'engine.abi': '检查引擎版本 {found} 与页面（{expected}）不符，请刷新页面。',
    'engine.worker': '引擎：Web Worker', 'engine.main': '引擎：主线程（本地文件模式）',
    'masked.none': '没有需要脱敏的内容。', 'masked.done': '已脱敏。',
    'platform.taobao': '淘宝', 'platform.tmall': '天猫', 'platform.jd': '京东', 'platform.pdd': '拼多多',
    'figure.timed': '有时间戳', 'figure.service_hours': '考核时段', 'figure.buyer_messages': '买家消息数',
    'figure.answered': '已回复', 'figure.unanswered_rounds': '未回复轮次', 'figure.first_response_seconds': '首次响应（秒）',
    'figure.average_response_seconds': '平均响应（秒）', 'figure.longest_wait_seconds': '最长等待（秒）',
    'figure.platform_bar.title': '平台考核', 'figure.platform_bar.percent': '平台考核达成率 %',
    'platform.douyin': '抖音', 'platform.kuaishou': '快手', 'platform.1688': '1688',
    'big.note': '内容很长（{size}）：框里只显示开头 {shown}，检查的是全文。', 'big.clear': '清空',
    'size.chars': '{n} 字', 'progress': '检查中… {size}，已用 {seconds} 秒', 'progress.label': '检查进度',
    'shown.some': '只显示前 {shown} 条，共 {n} 条。', 'marks.off': '文本过长（{size}），原文中不标出高亮；问题见下方列表。',
    'storage.full': '本机存储已满：刚才的内容仍在页面上，但重新加载后不会保留。请导出或清理后再试。',
    'storage.off': '本机存储不可用（已被浏览器禁用）：内容仍在页面上，但重新加载后不会保留。',
  },
  en: {
    'skip': 'Skip to content', 'app.title': 'Customer-service reply checker', 'platform': 'Platform', 'tabs.label': 'Tools',
    'tab.reply': 'Reply', 'tab.transcript': 'Transcript', 'tab.deadlines': 'Order deadlines',
    'tab.handbook': 'Handbook', 'tab.practice': 'Practice', 'tab.settings': 'Settings',
    'tab.phrases': 'Phrases', 'reply.fix_all': 'Fix all', 'reply.undo': 'Undo', 'reply.copy': 'Copy',
    'rewrite': 'Rewrite as', 'rewrite.apply': 'Apply rewrite', 'rewrite.none': 'No rewrite passes the re-check; edit it by hand', 'rewrite.advice': 'How to fix',
    'changes.one': 'Rewritten: ', 'changes.undo': ' (Ctrl+Z or Undo brings the original back)', 'copied': 'Copied', 'copy.failed': 'Copy failed; select the text and copy it by hand',
    'undone': 'The text before the rewrite is back', 'phrases.search': 'Search', 'phrases.search_placeholder': 'Keyword, e.g. 发票, 退款, 尺码',
    'phrases.scenario': 'Scenario', 'phrases.all': 'All scenarios', 'phrases.count': '{shown} of {n} phrases', 'phrases.copy': 'Copy',
    'phrases.use': 'Use in reply', 'phrases.mine': 'Shop', 'phrases.delete': 'Delete',
    'phrases.own': "The shop's own phrases (kept on this computer, exported as a pack)", 'phrases.own_scenario': 'Scenario', 'phrases.own_title': 'Title',
    'phrases.own_text': 'Phrase', 'phrases.add': 'Check and add', 'phrases.export': 'Export as pack', 'phrases.import': 'Import pack',
    'phrases.added': 'Added', 'phrases.imported': '{n} phrases imported', 'phrases.not_clean': 'This phrase does not pass the check: ',
    'phrases.none_in_pack': 'This pack has no phrases',
    'reply.label': 'Reply (checked as you type)', 'reply.placeholder': 'Type or paste the reply you are about to send',
    'reply.mask': 'Mask personal data', 'reply.clear': 'Clear', 'findings.label': 'Findings',
    'transcript.label': 'Chat transcript (paste, or drop a file here)', 'transcript.open': 'Open file',
    'transcript.placeholder': '[2024-06-18 10:00:00] buyer: hello?\n[2024-06-18 10:01:00] agent: 亲，您好',
    'transcript.csv': 'Export CSV', 'transcript.json': 'Export JSON', 'print': 'Print',
    'order.hint': 'All times are Beijing time (UTC+8). Fill in only the events that happened.', 'order.shipping': 'Shipping',
    'shipping.express': 'Express', 'shipping.ems': 'EMS', 'shipping.surface': 'Surface mail',
    'order.presale': 'Presale ship-by', 'order.flags': 'Options', 'order.return_required': 'Refund needs a return',
    'order.vat_invoice': 'VAT invoice', 'order.invoice_committed': 'Invoice date committed',
    'order.events': 'Order events', 'order.now': 'Now', 'order.live_now': 'Use the live clock',
    'order.now_at': 'Fixed time', 'order.reset': 'Clear form', 'deadlines.label': 'Deadlines',
    'handbook.filter': 'Filter', 'settings.shop': 'Use the shop service code (shop pack)', 'settings.lang': 'Language',
    'settings.custom': 'Custom rule pack',
    'settings.custom_hint': 'JSON. 「Starter」 fills in a shop code to edit (banned words, fine, good and bad examples); once valid it is loaded on top of the built-in packs and kept in this browser.', 'settings.starter': 'Starter',
    'settings.custom_label': 'Pack JSON', 'settings.load': 'Load from file', 'settings.apply': 'Validate and use',
    'settings.export': 'Export', 'settings.reset': 'Remove and reset', 'errors.label': 'Errors',
    'footer': 'Runs offline: everything is checked on this device, nothing is uploaded.',
    'event.ordered': 'Ordered', 'event.terms_changed': 'Terms changed', 'event.paid': 'Paid', 'event.grouped': 'Group formed',
    'event.shipped': 'Shipped', 'event.received': 'Received', 'event.refund_requested': 'Refund requested',
    'event.refund_refused': 'Refund refused', 'event.refund_agreed': 'Refund agreed', 'event.return_shipped': 'Return shipped',
    'event.trade_success': 'Trade success', 'event.invoice_requested': 'Invoice requested', 'event.complaint': 'Complaint',
    'event.pickup_agreed_day': 'Agreed pickup day', 'event.verified': 'Order verified',
    'order.promise_hours': "Shop's promised ship time", 'order.promise_none': 'None (platform default)', 'order.promise_24': '24 h',
    'order.promise_48': '48 h', 'order.promise_72': '72 h', 'order.promise_120': '5 days', 'order.promise_168': '7 days',
    'order.promise_360': '15 days', 'order.promise_by': 'or: promised ship-by time',
    'order.bad_date': '{field}: this date or time does not exist (e.g. 30 February); please correct it',
    'order.fix_fields': '{n} field(s) to correct (marked in red)', 'order.errors': 'The order facts have errors',
    'order.no_clock': 'No deadline runs yet. These events would start one:',
    'order.waiting': 'Not started yet (these events would start them):',
    'severity.error': 'error', 'severity.warning': 'warning', 'severity.info': 'info',
    'status.pending': 'pending', 'status.due_soon': 'due soon', 'status.overdue': 'overdue', 'status.met': 'met', 'status.void': 'void',
    'clean': 'No problems found ✓', 'checking': 'Checking…', 'count': '{n} findings ({error} errors, {warning} warnings, {info} info)',
    'penalty': 'Penalty', 'why': 'Why', 'source': 'Source', 'suggestion': 'Say instead', 'apply': 'Apply suggestion',
    'locate': 'Select', 'none_stated': 'no stated penalty (service standard)', 'examples.bad': 'Bad', 'examples.good': 'Good',
    'handbook.title': 'Rule handbook · {platform}', 'handbook.count': '{n} rules', 'category': 'Category',
    'left': 'left', 'overdue_by': 'overdue by', 'due': 'Due', 'consequence': 'Consequence',
    'deadlines.none': 'Fill in order events to see the deadlines.', 'deadlines.count': '{n} deadlines',
    'transcript.none': 'Paste a transcript to see the results.', 'transcript.messages': 'Messages', 'transcript.figures': 'Conversation figures',
    'transcript.summary': 'Summary by category', 'transcript.findings': 'Conversation findings', 'count.short': 'Count',
    'from.buyer': 'Buyer', 'from.agent': 'Agent', 'from.system': 'System',
    'custom.ok': 'Pack {name} is in use.', 'custom.invalid': 'The pack has {n} errors and was not loaded.',
    'custom.removed': 'Custom pack removed, settings reset.', 'custom.none': 'No custom pack.', 'custom.starter_busy': 'The box is not empty: export or clear it first, then fill in the starter.',
    'engine.failed': 'The checker could not load: {message}', 'engine.abi': 'Checker version {found} does not match the page ({expected}); reload the page.',
    'engine.worker': 'Engine: Web Worker', 'engine.main': 'Engine: main thread (file mode)',
    'masked.none': 'Nothing to mask.', 'masked.done': 'Masked.',
    'platform.taobao': 'Taobao', 'platform.tmall': 'Tmall', 'platform.jd': 'JD', 'platform.pdd': 'Pinduoduo',
    'figure.timed': 'Timed', 'figure.service_hours': 'Service hours', 'figure.buyer_messages': 'Buyer messages',
    'figure.answered': 'Answered', 'figure.unanswered_rounds': 'Unanswered rounds', 'figure.first_response_seconds': 'First response (s)',
    'figure.average_response_seconds': 'Average response (s)', 'figure.longest_wait_seconds': 'Longest wait (s)',
    'figure.platform_bar.title': 'Platform bar', 'figure.platform_bar.percent': 'Platform bar %',
    'platform.douyin': 'Douyin', 'platform.kuaishou': 'Kuaishou', 'platform.1688': '1688',
    'big.note': 'Long text ({size}): the box shows the first {shown}; the whole text is checked.', 'big.clear': 'Clear',
    'size.chars': '{n} characters', 'progress': 'Checking… {size}, {seconds} s so far', 'progress.label': 'Check progress',
    'shown.some': 'Showing the first {shown} of {n}.', 'marks.off': 'Text too long ({size}) to highlight in place; see the findings below.',
    'storage.full': 'Local storage is full: what you typed is still on the page but will not survive a reload. Export or clear something and try again.',
    'storage.off': 'Local storage is unavailable (disabled in this browser): what you typed stays on the page but will not survive a reload.',
  },
};

let lang = 'zh';
const listeners = [];

export function t(key, values) {
  const text = STRINGS[lang][key] ?? STRINGS.zh[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? '')) : text;
}

export const currentLang = () => lang;

// A rule field in the interface language when the pack has it (title_en, message_en).
export function localized(item, field) {
  return (lang === 'en' && item[field + '_en']) || item[field] || '';
}

export function setLang(next) {
  lang = STRINGS[next] ? next : 'zh';
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  applyStrings(document);
  for (const listener of listeners) listener(lang);
}

export function onLangChange(listener) {
  listeners.push(listener);
}

export function applyStrings(root) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of root.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
}
