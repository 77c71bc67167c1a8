// The starter 本店规范 the 设置 tab fills in: one rule with every field a pack rule needs, so a
// shop edits words, fine and examples instead of writing JSON from nothing (the single offline
// file has no docs folder to point at). Validated like any custom pack before it is used.
const STARTER = {
  "pack": "myshop",
  "title": "本店规范",
  "title_en": "Our shop code",
  "rules": [
    {
      "id": "myshop.banned-words",
      "kind": "terms",
      "category": "rude",
      "severity": "warning",
      "title": "本店禁用语",
      "message": "本店规定不对买家说这些话；换成礼貌、具体的说法。",
      "penalty": "每次扣除10元",
      "authority": "shop",
      "source": "本店客服规范",
      "suggestion": "亲，这个问题我马上帮您处理",
      "terms": ["不归我管", "找别人去"],
      "examples": {
        "bad": ["这个不归我管", "你找别人去问吧", "亲，这事不归我管哦"],
        "good": ["亲，这个问题我马上帮您处理", "亲，我帮您联系售后同事处理", "亲，稍等我帮您查一下"]
      }
    }
  ]
};

export const STARTER_PACK = JSON.stringify(STARTER, null, 2);
