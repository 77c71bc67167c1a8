// Interface strings, Chinese first. Rule texts come from the packs (title_en/message_en when a
// pack has them). Static elements carry data-i18n / data-i18n-placeholder / data-i18n-aria-label.
const STRINGS = {
  zh: {
    'skip': '跳到内容', 'app.title': '客服话术合规检查', 'platform': '平台', 'tabs.label': '功能',
    'tab.reply': '单条回复', 'tab.transcript': '聊天记录', 'tab.deadlines': '订单时效',
    'tab.handbook': '规则手册', 'tab.practice': '练习', 'tab.settings': '设置',
    'tab.phrases': '话术库', 'reply.fix_all': '全部修正', 'reply.undo': '撤销', 'reply.copy': '复制',
    'rewrite': '改为', 'rewrite.apply': '采用改写', 'rewrite.none': '没有能通过复查的改写，请手动修改', 'rewrite.advice': '怎么改',
    'rewrite.same': '改为：与上面「{title}」同一句的改写，一并改好这一条',
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
    'settings.custom': '高级：规则包 JSON',
    'settings.custom_hint': '表单表示不了的规则包（其他规则类型、自写的标题和示例）在这里直接编辑 JSON；验证通过后同样叠加在内置规则包之上，保存在本机浏览器中。', 'settings.starter': '填入示例',
    'shop.title': '本店规范', 'shop.hint': '本店自己的禁用语、罚款、服务时间和回复时限，不用写 JSON。点「填入示例」得到一份取自示例店铺客服规范的起点；保存后立即用于检查（代替内置的示例店规），保存在本机浏览器中，可导出为 .json 文件给其他电脑导入。',
    'shop.shop_name': '店铺名称（印在规则手册封面上，可不填）',
    'shop.save': '保存并启用', 'shop.export': '导出 .json', 'shop.import': '导入 .json', 'shop.help': '规则包格式说明',
    'shop.banned': '禁用语', 'shop.banned_hint': '每组禁用语带着原因、类别和罚款；「改说」是建议买家听到的说法，也是手册里的示范回复。',
    'shop.banned_row': '第 {n} 组', 'shop.words': '禁用词（用顿号、逗号或换行分开）', 'shop.severity': '级别', 'shop.message': '原因（为什么不能说）',
    'shop.say': '改说（可以代替的说法）', 'shop.remove': '删除这组', 'shop.add': '添加一组禁用语',
    'shop.allowed': '例外（不算违规的说法）', 'shop.allowed_hint': '含有禁用词但可以说的话，一行一个，如「滚筒洗衣机」。内置规则和本店禁用语都会放过它们。',
    'shop.fines': '各类别罚款', 'shop.fines_hint': '本店规范里用到的每个类别一项，照店规原文写；留空表示无明确处罚。', 'shop.fine_placeholder': '如 每次扣除10元',
    'shop.times': '服务时间与回复时限', 'shop.hours_from': '服务时间 从', 'shop.hours_to': '到',
    'shop.warn': '回复提醒：超过（秒）', 'shop.error': '回复超时：超过（秒）', 'shop.followup': '买家没回应时，多少分钟内再次询问',
    'shop.closed_by': '以这些话结尾的对话不必再问（顿号分开）', 'shop.keep_example': '同时使用内置的示例店规（两套规范都会标出）',
    'shop.e_words': '至少写一个禁用词。', 'shop.e_say': '写一句可以代替的说法：它是给客服的建议，也是手册里的正确示例。',
    'shop.e_say_banned': '「改说」里含有禁用词「{word}」，请换一种说法。', 'shop.e_fine_long': '罚款写得太长（最多 100 字）。',
    'shop.e_hours_same': '服务时间的开始和结束不能相同；全天服务请两格都留空。', 'shop.e_hours_both': '服务时间要填开始和结束两项（或都留空）。', 'shop.e_hours_order': '服务时间的开始要早于结束（同一天内；跨夜的服务时间不支持）。',
    'shop.e_number': '请填 1 到 {max} 之间的整数（{unit}），或留空表示不设。', 'shop.seconds': '秒', 'shop.minutes': '分钟',
    'shop.e_warn_order': '回复提醒的时间要比回复超时短。', 'shop.e_word': '禁用词「{word}」不能用：{why}', 'shop.e_engine': '规则包检查未通过：{why}',
    'shop.e_empty': '本店规范是空的：至少添加一组禁用语或一项回复时限。', 'shop.e_not_caught': '「{word}」本身不会被标出（可能被例外放过了），请检查禁用词和例外。',
    'shop.still_flagged': '例外「{phrase}」仍会被标出（{title}）：这类规则不按词放行，例外对它无效。',
    'shop.saved': '本店规范已保存并启用（{n} 条规则）。', 'shop.invalid': '有 {n} 处需要修改（见标红的输入框），本店规范未保存。',
    'shop.starter_confirm': '表单里已有本店规范，用示例替换它吗？', 'shop.starter_filled': '已填入示例：修改后点「保存并启用」。',
    'shop.not_form': '{name} 含有表单表示不了的内容，已放在下方「高级：规则包 JSON」中验证并启用；请在那里修改。',
    'shop.why.pack.E209': '只有标点、空格或符号，检查时会被忽略；请写出实际的字词', 'shop.why.pack.E210': '超出检查引擎的上限（太长或太多）；请缩短或删减',
    'shop.why.pack.E217': '不能为空；请填写', 'shop.why.pack.E202': '这个取值不可用；括号里是引擎的说明', 'shop.why.pack.E207': '与已加载的规则重复；请换一个包名',
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
    'clean': '未发现问题 ✓', 'checking': '检查中…', 'count': '{n} 条问题（违规 {error}，警告 {warning}，提示 {info}）',
    'penalty': '处罚', 'why': '原因', 'source': '依据', 'suggestion': '建议', 'apply': '采用建议',
    'locate': '定位', 'none_stated': '无明确处罚（服务规范）',
    'category': '类别',
    'left': '剩余', 'overdue_by': '已超时', 'due': '截止', 'consequence': '后果',
    'deadlines.none': '填写订单事件后显示时效。', 'deadlines.count': '{n} 项时效',
    'transcript.none': '粘贴聊天记录后显示结果。', 'transcript.messages': '消息', 'transcript.figures': '会话数据',
    'transcript.summary': '按类别汇总', 'transcript.findings': '会话问题', 'count.short': '条数',
    'from.buyer': '买家', 'from.agent': '客服', 'from.system': '系统',
    'custom.ok': '规则包 {name} 已启用。', 'custom.invalid': '规则包有 {n} 处错误，未启用。',
    'custom.removed': '已移除自定义规则包并恢复默认设置。', 'custom.none': '没有自定义规则包。',
    'engine.failed': '检查引擎无法加载：{message}', 'engine.abi': '检查引擎版本 {found} 与页面（{expected}）不符，请刷新页面。',
    'engine.worker': '引擎：Web Worker', 'engine.main': '引擎：主线程（本地文件模式）',
    'masked.none': '没有需要脱敏的内容。', 'masked.done': '已脱敏。',
    'figure.timed': '有时间戳', 'figure.service_hours': '考核时段', 'figure.buyer_messages': '买家消息数',
    'figure.answered': '已回复', 'figure.unanswered_rounds': '未回复轮次', 'figure.first_response_seconds': '首次响应（秒）',
    'figure.average_response_seconds': '平均响应（秒）', 'figure.longest_wait_seconds': '最长等待（秒）',
    'figure.platform_bar.title': '平台考核', 'figure.platform_bar.percent': '平台考核达成率 %',
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
    'rewrite.same': 'Rewrite as: the rewrite of 「{title}」 above (same sentence) fixes this one too',
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
    'settings.custom': 'Advanced: pack JSON',
    'settings.custom_hint': 'Packs the form cannot show (other rule kinds, hand-written titles and examples) are edited here as JSON; once valid they are loaded on top of the built-in packs and kept in this browser.', 'settings.starter': 'Starter',
    'shop.title': 'Our shop code', 'shop.hint': "The shop's own banned words, fines, service hours and reply limits, without writing JSON. 「Starter」 fills in the example shop code; once saved it is used at once (in place of the built-in example), kept in this browser, and can be exported as a .json file for another computer.",
    'shop.shop_name': 'Shop name (on the handbook cover; optional)',
    'shop.save': 'Save and use', 'shop.export': 'Export .json', 'shop.import': 'Import .json', 'shop.help': 'The pack format',
    'shop.banned': 'Banned words', 'shop.banned_hint': 'Each group carries its reason, category and fine; 「say instead」 is the advice, and the model reply in the handbook.',
    'shop.banned_row': 'Group {n}', 'shop.words': 'Words (separated by 、, commas or lines)', 'shop.severity': 'Severity', 'shop.message': 'Why not',
    'shop.say': 'Say instead', 'shop.remove': 'Remove group', 'shop.add': 'Add banned words',
    'shop.allowed': 'Exceptions (fine to say)', 'shop.allowed_hint': 'Phrases that contain a banned word but are fine, one a line, e.g. 滚筒洗衣机. Built-in rules and the banned words above let them pass.',
    'shop.fines': 'Fine per category', 'shop.fines_hint': 'One for each category the code uses, as the code words it; empty means no stated penalty.', 'shop.fine_placeholder': 'e.g. 每次扣除10元',
    'shop.times': 'Service hours and reply limits', 'shop.hours_from': 'Service from', 'shop.hours_to': 'to',
    'shop.warn': 'Late reply: after (s)', 'shop.error': 'Too late: after (s)', 'shop.followup': 'Ask again within (minutes) when the buyer goes silent',
    'shop.closed_by': 'Conversations ending with these need no follow-up (separated by 、)', 'shop.keep_example': 'Also use the built-in example shop code (both codes flag)',
    'shop.e_words': 'Write at least one word.', 'shop.e_say': 'Write what to say instead: it is the advice and the good example in the handbook.',
    'shop.e_say_banned': '「Say instead」 contains the banned word 「{word}」; word it differently.', 'shop.e_fine_long': 'The fine is too long (at most 100 characters).',
    'shop.e_hours_same': 'Service hours cannot start and end at the same time; leave both empty for all day.', 'shop.e_hours_both': 'Give both ends of the service hours (or neither).', 'shop.e_hours_order': 'Service hours must start before they end (within one day; overnight hours are not supported).',
    'shop.e_number': 'A whole number from 1 to {max} ({unit}), or empty for none.', 'shop.seconds': 's', 'shop.minutes': 'min',
    'shop.e_warn_order': 'The late-reply time must be shorter than the too-late time.', 'shop.e_word': 'The word 「{word}」 cannot be used: {why}', 'shop.e_engine': 'The pack check failed: {why}',
    'shop.e_empty': 'The code is empty: add a group of banned words or a reply limit.', 'shop.e_not_caught': '「{word}」 itself is not flagged (an exception lets it pass?); check the words and the exceptions.',
    'shop.still_flagged': 'The exception 「{phrase}」 is still flagged ({title}): such rules do not go by words, so an exception cannot lift them.',
    'shop.saved': 'Shop code saved and in use ({n} rules).', 'shop.invalid': '{n} things to change (marked in red); the shop code was not saved.',
    'shop.starter_confirm': 'Replace the shop code in the form with the example?', 'shop.starter_filled': 'Example filled in: edit it, then 「Save and use」.',
    'shop.not_form': '{name} has parts the form cannot show; it is in 「Advanced: pack JSON」 below, validated and in use; edit it there.',
    'shop.why.pack.E209': 'only punctuation, spaces or symbols, which checking ignores; write actual words', 'shop.why.pack.E210': 'over the engine limit (too long or too many); shorten it or remove some',
    'shop.why.pack.E217': 'must not be empty; fill it in', 'shop.why.pack.E202': 'not an allowed value; the engine says why in brackets', 'shop.why.pack.E207': 'clashes with a loaded rule; choose another pack name',
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
    'clean': 'No problems found ✓', 'checking': 'Checking…', 'count': '{n} findings ({error} errors, {warning} warnings, {info} info)',
    'penalty': 'Penalty', 'why': 'Why', 'source': 'Source', 'suggestion': 'Say instead', 'apply': 'Apply suggestion',
    'locate': 'Select', 'none_stated': 'no stated penalty (service standard)',
    'category': 'Category',
    'left': 'left', 'overdue_by': 'overdue by', 'due': 'Due', 'consequence': 'Consequence',
    'deadlines.none': 'Fill in order events to see the deadlines.', 'deadlines.count': '{n} deadlines',
    'transcript.none': 'Paste a transcript to see the results.', 'transcript.messages': 'Messages', 'transcript.figures': 'Conversation figures',
    'transcript.summary': 'Summary by category', 'transcript.findings': 'Conversation findings', 'count.short': 'Count',
    'from.buyer': 'Buyer', 'from.agent': 'Agent', 'from.system': 'System',
    'custom.ok': 'Pack {name} is in use.', 'custom.invalid': 'The pack has {n} errors and was not loaded.',
    'custom.removed': 'Custom pack removed, settings reset.', 'custom.none': 'No custom pack.',
    'engine.failed': 'The checker could not load: {message}', 'engine.abi': 'Checker version {found} does not match the page ({expected}); reload the page.',
    'engine.worker': 'Engine: Web Worker', 'engine.main': 'Engine: main thread (file mode)',
    'masked.none': 'Nothing to mask.', 'masked.done': 'Masked.',
    'figure.timed': 'Timed', 'figure.service_hours': 'Service hours', 'figure.buyer_messages': 'Buyer messages',
    'figure.answered': 'Answered', 'figure.unanswered_rounds': 'Unanswered rounds', 'figure.first_response_seconds': 'First response (s)',
    'figure.average_response_seconds': 'Average response (s)', 'figure.longest_wait_seconds': 'Longest wait (s)',
    'figure.platform_bar.title': 'Platform bar', 'figure.platform_bar.percent': 'Platform bar %',
    'big.note': 'Long text ({size}): the box shows the first {shown}; the whole text is checked.', 'big.clear': 'Clear',
    'size.chars': '{n} characters', 'progress': 'Checking… {size}, {seconds} s so far', 'progress.label': 'Check progress',
    'shown.some': 'Showing the first {shown} of {n}.', 'marks.off': 'Text too long ({size}) to highlight in place; see the findings below.',
    'storage.full': 'Local storage is full: what you typed is still on the page but will not survive a reload. Export or clear something and try again.',
    'storage.off': 'Local storage is unavailable (disabled in this browser): what you typed stays on the page but will not survive a reload.',
  },
};

let lang = 'zh';
// Words the core defines (kefu-lint vocabulary, read from the packs): the titles of platforms,
// severities, deadline statuses and categories, looked up as platform.NAME, severity.NAME,
// status.NAME and category.NAME. Filled from the module's vocabulary() when it is up.
const WORDS = { zh: {}, en: {} };
const listeners = [];

export function t(key, values) {
  const text = STRINGS[lang][key] ?? WORDS[lang][key] ?? STRINGS.zh[key] ?? WORDS.zh[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? '')) : text;
}

export const currentLang = () => lang;

export function setVocabulary(vocabulary) {
  for (const code of Object.keys(WORDS)) WORDS[code] = {};
  const lists = { platform: vocabulary.platforms, severity: vocabulary.severities,
    status: vocabulary.deadline_statuses, category: vocabulary.categories };
  for (const [prefix, list] of Object.entries(lists))
    for (const item of list || []) {
      WORDS.zh[`${prefix}.${item.name}`] = item.title;
      WORDS.en[`${prefix}.${item.name}`] = item.title_en || item.title;
    }
}

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
