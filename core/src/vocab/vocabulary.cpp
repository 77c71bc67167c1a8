#include "vocab/vocabulary.h"

#include <algorithm>
#include <string>

namespace kefu::vocab {
namespace {

template <typename T>
bool contains(const std::vector<T>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

const std::vector<Category>& categories() {
  static const std::vector<Category> kCategories = {
      {"greeting_missing", Scope::kConversation, "开场未用敬语", "No greeting"},
      {"closing_missing", Scope::kConversation, "结束未用敬语", "No closing"},
      {"short_reply", Scope::kReply, "回复过短", "Reply too short"},
      {"interjection", Scope::kReply, "单独语气词", "Bare interjection"},
      {"rude", Scope::kReply, "不文明用语", "Rude language"},
      {"unavailable_no_alternative", Scope::kReply, "缺货未推荐", "Out of stock, no alternative"},
      {"invoice_refusal", Scope::kReply, "拒开发票", "Invoice refused"},
      {"invoice_fee", Scope::kReply, "发票加收费用", "Invoice fee"},
      {"card_fee", Scope::kReply, "转嫁信用卡/货到付款手续费", "Card or COD fee"},
      {"card_refusal", Scope::kReply, "拒绝信用卡", "Card refused"},
      {"privacy_leak", Scope::kReply, "泄露买家信息", "Privacy leak"},
      {"off_platform", Scope::kReply, "引导站外交易", "Off-platform contact"},
      {"review_inducement", Scope::kReply, "诱导评价", "Review inducement"},
      {"credit_speculation", Scope::kReply, "炒作信誉", "Credit speculation"},
      {"absolute_claim", Scope::kReply, "极限用语", "Absolute claim"},
      {"false_promise", Scope::kReply, "虚假承诺", "False promise"},
      {"close_order", Scope::kReply, "擅自关闭订单", "Order closed unasked"},
      {"return_refusal", Scope::kReply, "拒绝退换货", "Return refused"},
      {"company_term", Scope::kReply, "使用“本公司”", "Says 本公司"},
      {"typo", Scope::kReply, "错别字", "Typo"},
      {"template_repeat", Scope::kConversation, "重复套话", "Canned reply repeated"},
      {"slow_response", Scope::kConversation, "响应超时", "Slow response"},
      {"no_followup", Scope::kConversation, "未跟进", "No follow-up"},
      {"order_unverified", Scope::kConversation, "未核对订单", "Order not verified"},
      {"refund_slow", Scope::kConversation, "退款处理超时", "Refund handled late"},
  };
  return kCategories;
}

const Category* find_category(std::string_view name) {
  for (const auto& c : categories())
    if (c.name == name) return &c;
  return nullptr;
}

const std::vector<Platform>& platforms() {
  static const std::vector<Platform> kPlatforms = {
      {"taobao", "淘宝", "Taobao"},   {"tmall", "天猫", "Tmall"},
      {"jd", "京东", "JD"},           {"pdd", "拼多多", "Pinduoduo"},
      {"douyin", "抖音", "Douyin"},   {"kuaishou", "快手", "Kuaishou"},
      {"1688", "1688", "1688"},
  };
  return kPlatforms;
}

bool is_platform(std::string_view name) {
  for (const auto& p : platforms())
    if (p.name == name) return true;
  return false;
}

std::string platform_list() {
  std::string s;
  for (const auto& p : platforms()) s += (s.empty() ? "" : ", ") + std::string(p.name);
  return s;
}

const std::vector<std::string_view>& severities() {
  static const std::vector<std::string_view> k = {"error", "warning", "info"};
  return k;
}
bool is_severity(std::string_view s) { return contains(severities(), s); }

const std::vector<std::string_view>& deadline_kinds() {
  static const std::vector<std::string_view> k = {
      "unpaid_close",  "payment_reminder", "refund_unshipped", "seller_refund_response",
      "buyer_after_refusal", "buyer_return", "auto_confirm", "ship_by",
      "invoice_by",    "vat_invoice_by",   "return_window",    "exchange_window",
      "appeal_by",     "pickup_by",        "order_verify",     "refund_handle"};
  return k;
}
bool is_deadline_kind(std::string_view s) { return contains(deadline_kinds(), s); }

const std::vector<std::string_view>& order_events() {
  static const std::vector<std::string_view> k = {
      "ordered",         "terms_changed",  "paid",           "grouped",
      "shipped",         "received",       "refund_requested", "refund_refused",
      "refund_agreed",   "return_shipped", "trade_success",  "invoice_requested",
      "complaint",       "pickup_agreed_day", "verified"};
  return k;
}
bool is_order_event(std::string_view s) { return contains(order_events(), s); }

const std::vector<std::string_view>& shipping_methods() {
  static const std::vector<std::string_view> k = {"express", "ems", "surface"};
  return k;
}

const std::vector<std::string_view>& deadline_statuses() {
  static const std::vector<std::string_view> k = {"pending", "due_soon", "overdue", "met", "void"};
  return k;
}

}  // namespace kefu::vocab
