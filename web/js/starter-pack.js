// The example 本店规范 that 「填入示例」 puts in the 设置 form: the values of the example shop's
// service code (店铺客服规范（示例）, the code the built-in shop pack states) — its fines, service
// hours and reply limits — so a shop edits a working code instead of starting from nothing. These
// are form values, not a pack: the form writes the pack from them (web/js/shop-code.js), and the
// engine validates it like any custom pack before it is used.
export const STARTER = {
  name: 'myshop',
  banned: [
    {
      words: ['爱买不买', '不买拉倒', '嫌贵别买', '烦不烦', '有完没完'],
      category: 'rude',
      severity: 'error',
      message: '禁止顶撞买家、和买家对骂、出言不逊、冷嘲热讽；遇到情绪激动的买家先致歉安抚，再解决问题。',
      say: '非常抱歉给您带来不便，我马上帮您处理',
    },
    {
      words: ['不归我管', '找别人去', '不关我的事'],
      category: 'rude',
      severity: 'error',
      message: '买家的问题由接待的客服负责到底，不推给别人；需要同事处理时，说明会帮买家联系。',
      say: '亲，这个问题我来帮您联系售后同事处理',
    },
  ],
  allowed: [],
  fines: { rude: '每次扣除100元', slow_response: '超过5分钟应答或无应答每次扣除20元', no_followup: '超时询问或不询问，每次扣除20元' },
  hours: '08:00-23:00',
  warn: 60,
  error: 300,
  followup: 1200,
  closedBy: ['感谢', '谢谢', '欢迎下次', '欢迎再来', '再见', '祝您', '不客气', '惠顾'],
};
