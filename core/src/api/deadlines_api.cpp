// kefu::deadlines and kefu::points: order facts (or accumulated points) in, the clocks (or the
// tier reached) out, in Beijing time whatever the machine's zone.
#include <nlohmann/json.hpp>

#include "api/api_common.h"
#include "api/engine.h"
#include "common/error_catalog.h"
#include "deadlines/deadline_report.h"
#include "deadlines/deadline_set.h"
#include "deadlines/order_facts.h"
#include "deadlines/points.h"
#include "time/civil.h"
#include "time/time_parse.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

// "now": --now (Options.now) first, then the input's own, then the shell's clock.
bool resolve_now(const Options& options, const std::optional<std::int64_t>& from_input,
                 std::int64_t& now, std::vector<Error>& errors) {
  if (!options.now.empty()) {
    time::ParsedTime t;
    std::string why, why_zh;
    if (!time::parse_time(options.now, t, why, why_zh)) {
      errors.push_back({"usage.E010", "", "", 0, 0,
                        options.lang == "en"
                            ? "--now \"" + options.now + "\" is not a valid time: " + why
                            : "--now（当前时间）\"" + options.now + "\" 不是有效时间：" + why_zh});
      return false;
    }
    now = t.instant;
    return true;
  }
  now = from_input ? *from_input : options.clock_unix;
  return true;
}

std::shared_ptr<const Engine> engine_for_platform(const Options& options,
                                                  const std::string& platform,
                                                  std::vector<Error>& errors) {
  Options o = options;
  if (!platform.empty()) o.platform = platform;
  return engine_for(o, errors);
}

Output points_text_or_json(const PointsTable& table, const std::string& platform,
                           const std::vector<std::pair<std::string, std::int64_t>>& asked,
                           std::int64_t now, Format format) {
  nlohmann::ordered_json j;
  j["platform"] = platform;
  nlohmann::ordered_json tracks = nlohmann::ordered_json::array();
  std::vector<Error> warnings;
  std::string text = "扣分 · " + platform + (table.title.empty() ? "" : " · " + table.title) + "\n";
  bool reached_any = false;
  for (const auto& [name, points] : asked) {
    const PointsTrack* track = nullptr;
    for (const auto& t : table.tracks)
      if (t.track == name) track = &t;
    if (!track) {
      warnings.push_back({"input.W306", "points", "/" + name, 0, 0,
                          "the packs give no " + name + " tiers for " + platform});
      continue;
    }
    const PointsTier* reached = tier_reached(*track, points);
    const PointsTier* next = next_tier(*track, points);
    reached_any |= reached != nullptr;
    nlohmann::ordered_json t;
    t["track"] = track->track;
    t["title"] = track->title;
    t["points"] = points;
    t["reached"] = nullptr;
    if (reached) t["reached"] = {{"at", reached->at}, {"penalty", reached->penalty}};
    t["next"] = nullptr;
    if (next)
      t["next"] = {
          {"at", next->at}, {"penalty", next->penalty}, {"points_to_go", next->at - points}};
    t["source"] = track->source;
    tracks.push_back(std::move(t));
    text += track->title + " " + std::to_string(points) + "分：";
    text += reached ? "已达 " + std::to_string(reached->at) + "分节点 — " + reached->penalty + "\n"
                    : std::string("未达任何节点\n");
    if (next)
      text += "    下一节点 " + std::to_string(next->at) + "分（还差 " +
              std::to_string(next->at - points) + "分）：" + next->penalty + "\n";
    text += "    依据：" + track->source + "\n";
  }
  j["tracks"] = std::move(tracks);
  if (table.reset_month) {
    const std::int64_t at = next_reset(table, now);
    j["reset"] = {{"title", table.reset_title},
                  {"next", time::format_iso_beijing(at)},
                  {"source", table.reset_source}};
    text += "清零：" + table.reset_title + "，下次 " + time::format_plain_beijing(at) +
            "（北京时间）\n";
  }
  j["warnings"] = nlohmann::ordered_json::array();
  for (const auto& w : warnings) {
    j["warnings"].push_back(w.to_json());
    text += "注意：" + w.message + "\n";
  }
  Output out;
  out.status = reached_any ? 1 : 0;
  out.out = format == Format::kJson ? dump_json(j) : text;
  out.err = join_errors(warnings);
  return out;
}

bool read_points_count(const nlohmann::json& req, const char* key,
                       std::vector<std::pair<std::string, std::int64_t>>& asked,
                       std::vector<Error>& errors) {
  if (!req.contains(key) || req[key].is_null()) return true;
  const auto& v = req[key];
  if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > 100000) {
    errors.push_back({"input.E301", "points", std::string("/") + key, 0, 0,
                      "must be a whole number of points from 0 to 100000, not " + v.dump()});
    return false;
  }
  asked.emplace_back(key, v.get<std::int64_t>());
  return true;
}

}  // namespace

Output deadlines(std::string_view facts_json, const Options& options) {
  return guarded("deadlines", options.format, [&]() -> Output {
    if (options.format != Format::kText && options.format != Format::kJson)
      return error_output(
          {errors::format_not_offered(
              "deadlines", options.lang == "en" ? "text or json" : "text 或 json", options.lang)},
          options.format);
    std::vector<Error> errors;
    OrderFacts facts;
    read_order_facts(facts_json, facts, errors, options.lang);
    DeadlineAnswer answer;
    answer.lang = options.lang;
    resolve_now(options, facts.now, answer.now, errors);
    if (!errors.empty()) return error_output(errors, options.format);
    // The facts' platform is a field of the input: in Chinese, say so with its pointer (the
    // English wording stays the engine's, shared with every command).
    if (options.lang != "en" && !facts.platform.empty() && !vocab::is_platform(facts.platform)) {
      const std::vector<vocab::Platform> offered = vocab::platforms_with(options.packs);
      bool known = false;
      for (const auto& p : offered) known |= p.name == facts.platform;
      if (!known)
        return error_output(
            {{"usage.E001", "facts", "/platform", 0, 0,
              "平台 \"" + facts.platform + "\" 不存在；可选：" + vocab::platform_list(offered)}},
            options.format);
    }
    const std::shared_ptr<const Engine> engine =
        engine_for_platform(options, facts.platform, errors);
    if (!engine) return error_output(errors, options.format);
    const std::vector<DeadlineRule> rules = deadline_rules(engine->packs, errors);
    if (!errors.empty()) return error_output(errors, options.format);
    answer.platform = engine->packs.platform;
    // A platform a user pack adds is named by that pack, as the built-in ones are by theirs.
    for (const auto& p : engine->packs.packs)
      if (!p.builtin && p.name == answer.platform && vocab::declares_platform(p.doc)) {
        const vocab::Platform named = vocab::platform_of(p.doc, false);
        answer.platform_title = named.title;
        answer.platform_title_en = named.title_en;
      }
    const bool en = options.lang == "en";
    if (facts.shipping.empty() && facts.event("shipped"))
      answer.warnings.push_back(
          {"input.W301", "facts", "/shipping", 0, 0,
           en ? "shipping (express, ems or surface) is not given, so auto_confirm is left out"
              : "没有填物流方式（快递、EMS 或平邮），所以不计算自动确认收货"});
    answer.deadlines = compute_deadlines(rules, facts, answer.now, due_soon_policy(engine->packs));
    answer.waiting = waiting_clocks(rules, facts, answer.deadlines);
    // A promise that no clock takes (a presale order, or a pack without a ship_by rule that
    // takes promises) would otherwise be dropped without a word.
    if (facts.promised_ship_hours || facts.promised_ship_by) {
      bool used = false;
      for (const auto& d : answer.deadlines)
        used |= d.basis == "promised_ship_hours" || d.basis == "promised_ship_by";
      bool waits = false;
      for (const auto& w : answer.waiting) waits |= w.rule->promise;
      if (!used && !waits)
        answer.warnings.push_back(
            {"input.W302", "facts",
             facts.promised_ship_by ? "/promised_ship_by" : "/promised_ship_hours", 0, 0,
             en ? "the shop's promised ship time is not used: no ship-by clock of these packs "
                  "takes a promise on "
                  "these facts (a presale order follows presale_ship_by)"
                : "店铺承诺的发货时间没有用上：这些事实下没有按店铺承诺计时的发货时限（预售订单按预"
                  "售约定发货时间）"});
    }
    Output out;
    // A seller's clock that ran out is a finding, when the facts can show it: closed late by an
    // event, or a clock some event would have met. Clocks no order event can close
    // (order_verify, appeal_by, invoice_by) still show overdue, but the facts cannot tell
    // whether the seller acted, so they do not make the run fail.
    for (const auto& d : answer.deadlines)
      if (d.status == "overdue" && d.rule->party == "seller" &&
          (!d.closed_by.empty() || !d.rule->met_by.empty()))
        out.status = 1;
    out.out = options.format == Format::kJson ? deadlines_json(answer) : deadlines_text(answer);
    out.err = join_errors(answer.warnings);
    return out;
  });
}

Output points(std::string_view request_json, const Options& options) {
  return guarded("points", options.format, [&]() -> Output {
    if (options.format != Format::kText && options.format != Format::kJson)
      return error_output(
          {errors::format_not_offered(
              "points", options.lang == "en" ? "text or json" : "text 或 json", options.lang)},
          options.format);
    std::vector<Error> errors;
    const nlohmann::json req =
        nlohmann::json::parse(request_json.begin(), request_json.end(), nullptr, false);
    if (!req.is_object())
      return error_output(
          {{"input.E301", "points", "", 0, 0,
            "the request must be a JSON object {\"platform\", \"serious\", \"general\"}"}},
          options.format);
    std::string platform;
    if (req.contains("platform")) {
      if (!req["platform"].is_string())
        errors.push_back({"input.E301", "points", "/platform", 0, 0, "must be a string"});
      else
        platform = req["platform"].get<std::string>();
    }
    std::vector<std::pair<std::string, std::int64_t>> asked;
    read_points_count(req, "serious", asked, errors);
    read_points_count(req, "general", asked, errors);
    if (errors.empty() && asked.empty())
      errors.push_back({"input.E301", "points", "", 0, 0,
                        "give the serious and/or general points (--serious N, --general N)"});
    std::optional<std::int64_t> req_now;
    if (req.contains("now") && req["now"].is_string()) {
      std::int64_t t = 0;
      if (read_fact_time(req["now"].get<std::string>(), "/now", t, errors, options.lang))
        req_now = t;
    }
    std::int64_t now = 0;
    resolve_now(options, req_now, now, errors);
    if (!errors.empty()) return error_output(errors, options.format);
    const std::shared_ptr<const Engine> engine = engine_for_platform(options, platform, errors);
    if (!engine) return error_output(errors, options.format);
    const auto tables = engine->packs.objects("points");
    if (tables.empty())
      return error_output({{"input.E306", "points", "/platform", 0, 0,
                            "the packs give no penalty-point tiers for " + engine->packs.platform}},
                          options.format);
    PointsTable table;  // the last pack that gives points wins, so a user pack can replace them
    if (!read_points_table(*tables.back().value, tables.back().pack->file, table, errors))
      return error_output(errors, options.format);
    return points_text_or_json(table, engine->packs.platform, asked, now, options.format);
  });
}

}  // namespace kefu
