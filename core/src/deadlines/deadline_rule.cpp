#include "deadlines/deadline_rule.h"

#include "vocab/vocabulary.h"

namespace kefu {
namespace {

// The order facts a due time may be read from directly: presale_ship_by and the events.
bool is_due_fact(const std::string& s) {
  return s == "presale_ship_by" || vocab::is_order_event(s);
}

std::string event_list() {
  std::string s;
  for (auto e : vocab::order_events()) s += (s.empty() ? "" : ", ") + std::string(e);
  return s;
}

class RuleReader {
 public:
  RuleReader(const nlohmann::json& j, const std::string& file, const std::string& pointer,
             std::vector<Error>& errors)
      : j_(j), file_(file), ptr_(pointer), errors_(errors), before_(errors.size()) {}

  bool ok() const { return errors_.size() == before_; }

  void error(const std::string& code, const std::string& where, const std::string& message) {
    errors_.push_back({code, file_, ptr_ + where, 0, 0, message});
  }

  bool string(const char* key, std::string& out, bool required) {
    if (!j_.contains(key)) {
      if (required) error("pack.E102", "", std::string("missing required field \"") + key + "\"");
      return false;
    }
    if (!j_[key].is_string()) {
      error("pack.E201", std::string("/") + key, "must be a string");
      return false;
    }
    out = j_[key].get<std::string>();
    if (required && out.empty()) error("pack.E217", std::string("/") + key, "must not be empty");
    return true;
  }

  void events(const nlohmann::json& arr, const std::string& where, std::vector<std::string>& out,
              bool allow_empty) {
    if (!arr.is_array() || (!allow_empty && arr.empty())) {
      error("pack.E201", where,
            allow_empty ? "must be an array of order events"
                        : "must be a non-empty array of order events");
      return;
    }
    for (std::size_t i = 0; i < arr.size(); ++i) {
      if (!arr[i].is_string() || !vocab::is_order_event(arr[i].get<std::string>())) {
        error("pack.E202", where + "/" + std::to_string(i),
              "must be an order event: " + event_list());
        continue;
      }
      out.push_back(arr[i].get<std::string>());
    }
  }

  void events_field(const char* key, std::vector<std::string>& out) {
    if (j_.contains(key)) events(j_[key], std::string("/") + key, out, true);
  }

  // {"from": [...], "duration": {"days": N}, "counting": "exact"} (from and counting read from
  // `obj`, which is the rule itself or one element of later_of).
  void clock(const nlohmann::json& obj, const std::string& where, DeadlineClock& c) {
    if (!obj.contains("from"))
      error("pack.E102", where, "missing required field \"from\"");
    else
      events(obj["from"], where + "/from", c.from, false);
    if (!obj.contains("duration")) {
      error("pack.E102", where, "missing required field \"duration\"");
    } else {
      const auto& d = obj["duration"];
      if (!d.is_object() || d.size() != 1) {
        error("pack.E201", where + "/duration",
              "must be one of {\"days\": N}, {\"hours\": N}, {\"minutes\": N}");
      } else {
        const std::string unit = d.begin().key();
        const auto& n = d.begin().value();
        if (unit != "days" && unit != "hours" && unit != "minutes")
          error("pack.E202", where + "/duration/" + unit,
                "unknown unit; use days, hours or minutes");
        else if (!n.is_number_integer() || n.get<std::int64_t>() < 1 ||
                 n.get<std::int64_t>() > 3660 * 24 * 60)
          error("pack.E218", where + "/duration/" + unit, "must be a whole number from 1");
        else
          c.unit = unit, c.amount = n.get<std::int64_t>();
      }
    }
    std::string counting = "exact";
    if (obj.contains("counting")) {
      if (!obj["counting"].is_string())
        error("pack.E201", where + "/counting", "must be a string");
      else
        counting = obj["counting"].get<std::string>();
    }
    if (counting == "civil_days") {
      c.counting = Counting::kCivilDays;
      if (!c.unit.empty() && c.unit != "days")
        error("pack.E202", where + "/counting",
              "civil_days counts days; the duration is in " + c.unit);
    } else if (counting != "exact") {
      error("pack.E202", where + "/counting", "must be \"exact\" or \"civil_days\"");
    }
  }

  void flag(const nlohmann::json& when, const char* key, int& out) {
    if (!when.contains(key)) return;
    if (!when[key].is_boolean())
      error("pack.E201", std::string("/when/") + key, "must be true or false");
    else
      out = when[key].get<bool>() ? 1 : 0;
  }

  void conditions(DeadlineConditions& c) {
    if (!j_.contains("when")) return;
    const auto& w = j_["when"];
    if (!w.is_object()) {
      error("pack.E201", "/when", "must be an object");
      return;
    }
    for (auto it = w.begin(); it != w.end(); ++it) {
      const std::string& k = it.key();
      if (k != "shipping" && k != "presale" && k != "vat_invoice" && k != "invoice_committed" &&
          k != "return_required")
        error("pack.E103", "/when/" + k,
              "unknown condition; use shipping, presale, vat_invoice, invoice_committed, "
              "return_required");
    }
    if (w.contains("shipping")) {
      const auto& s = w["shipping"];
      if (!s.is_array() || s.empty())
        error("pack.E201", "/when/shipping", "must be a non-empty array");
      else
        for (std::size_t i = 0; i < s.size(); ++i) {
          bool known = false;
          for (auto m : vocab::shipping_methods())
            known |= s[i].is_string() && s[i].get<std::string>() == m;
          if (!known)
            error("pack.E202", "/when/shipping/" + std::to_string(i),
                  "must be express, ems or surface");
          else
            c.shipping.push_back(s[i].get<std::string>());
        }
    }
    flag(w, "presale", c.presale);
    flag(w, "vat_invoice", c.vat_invoice);
    flag(w, "invoice_committed", c.invoice_committed);
    flag(w, "return_required", c.return_required);
  }

  void examples(std::size_t min_examples) {
    if (!j_.contains("examples") || !j_["examples"].is_array() ||
        j_["examples"].size() < min_examples) {
      error("pack.E205", "/examples",
            "needs at least " + std::to_string(min_examples) +
                " examples: {\"facts\", \"now\", \"due\", \"status\"}");
      return;
    }
    const auto& ex = j_["examples"];
    for (std::size_t i = 0; i < ex.size(); ++i) {
      const std::string p = "/examples/" + std::to_string(i);
      const auto& e = ex[i];
      if (!e.is_object() || !e.contains("facts") || !e["facts"].is_object()) {
        error("pack.E201", p,
              "must be {\"facts\": {...}, \"now\": TIME, \"due\": TIME, \"status\": STATUS}");
        continue;
      }
      if (!e.contains("now") || !e["now"].is_string())
        error("pack.E201", p + "/now", "must be a time");
      if (!e.contains("due") || !(e["due"].is_string() || e["due"].is_null()))
        error("pack.E201", p + "/due", "must be a time, or null when the facts start no clock");
      bool known = false;
      if (e.contains("status") && e["status"].is_string())
        for (auto s : vocab::deadline_statuses()) known |= e["status"].get<std::string>() == s;
      if (e.contains("due") && e["due"].is_null()) known = !e.contains("status");
      if (!known)
        error("pack.E202", p + "/status",
              "must be pending, due_soon, overdue, met or void (none when due is null)");
    }
  }

 private:
  const nlohmann::json& j_;
  const std::string& file_;
  const std::string& ptr_;
  std::vector<Error>& errors_;
  std::size_t before_;
};

}  // namespace

bool read_deadline_rule(const nlohmann::json& j, const std::string& file,
                        const std::string& pointer, std::size_t min_examples, DeadlineRule& out,
                        std::vector<Error>& errors) {
  RuleReader r(j, file, pointer, errors);
  if (!j.is_object()) {
    r.error("pack.E201", "", "a deadline rule must be an object");
    return false;
  }
  static const char* const kKnown[] = {
      "id",          "kind",           "title",          "title_en", "party",
      "from",        "duration",       "counting",       "requires", "later_of",
      "due_at",      "due_end_of_day", "when",           "met_by",   "void_by",
      "only_before", "consequence",    "consequence_en", "penalty",  "source",
      "follows",     "examples",       "promise",        "estimate", "replaces"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const char* k : kKnown) known |= it.key() == k;
    if (!known) r.error("pack.E103", "/" + it.key(), "unknown field of a deadline rule");
  }
  out = DeadlineRule{};
  out.file = file;
  out.pointer = pointer;
  r.string("id", out.id, true);
  if (r.string("kind", out.kind, true) && !vocab::is_deadline_kind(out.kind)) {
    std::string kinds;
    for (auto k : vocab::deadline_kinds()) kinds += (kinds.empty() ? "" : ", ") + std::string(k);
    r.error("pack.E202", "/kind",
            "unknown deadline kind \"" + out.kind + "\"; expected one of: " + kinds);
  }
  r.string("title", out.title, true);
  r.string("title_en", out.title_en, false);
  if (r.string("party", out.party, true) && out.party != "seller" && out.party != "buyer" &&
      out.party != "platform")
    r.error("pack.E202", "/party",
            "must be seller, buyer or platform (whose action the clock waits for)");
  r.string("consequence", out.consequence, true);
  r.string("consequence_en", out.consequence_en, false);
  if (!r.string("penalty", out.penalty, false) && !j.contains("penalty"))
    r.error("pack.E102", "",
            "missing required field \"penalty\" (\"\" when the source states none)");
  r.string("source", out.source, true);
  r.string("follows", out.follows, false);

  const int shapes = j.contains("duration") + j.contains("later_of") + j.contains("due_at");
  if (shapes != 1) {
    r.error("pack.E203", "",
            "give exactly one of \"duration\" (with \"from\"), \"later_of\" or \"due_at\"");
  } else if (j.contains("duration")) {
    out.clocks.emplace_back();
    r.clock(j, "", out.clocks.back());
  } else if (j.contains("later_of")) {
    const auto& l = j["later_of"];
    if (!l.is_array() || l.size() < 2) {
      r.error("pack.E201", "/later_of",
              "must be an array of at least two {\"from\", \"duration\"} clocks");
    } else {
      for (std::size_t i = 0; i < l.size(); ++i) {
        out.clocks.emplace_back();
        if (!l[i].is_object())
          r.error("pack.E201", "/later_of/" + std::to_string(i), "must be an object");
        else
          r.clock(l[i], "/later_of/" + std::to_string(i), out.clocks.back());
      }
    }
    if (j.contains("from"))
      r.error("pack.E203", "/from", "with later_of each clock names its own from");
  } else {
    if (r.string("due_at", out.due_at, true) && !is_due_fact(out.due_at))
      r.error("pack.E202", "/due_at", "must be presale_ship_by or an order event");
    if (!j.contains("from"))
      r.error("pack.E102", "", "missing required field \"from\" (what starts the clock)");
    else
      r.events(j["from"], "/from", out.due_at_from, false);
    if (j.contains("due_end_of_day")) {
      if (!j["due_end_of_day"].is_boolean())
        r.error("pack.E201", "/due_end_of_day", "must be true or false");
      else
        out.due_end_of_day = j["due_end_of_day"].get<bool>();
    }
  }
  for (auto [key, flag] :
       {std::pair{"promise", &out.promise}, std::pair{"estimate", &out.estimate}}) {
    if (!j.contains(key)) continue;
    if (!j[key].is_boolean())
      r.error("pack.E201", std::string("/") + key, "must be true or false");
    else
      *flag = j[key].get<bool>();
  }
  if (out.promise && (out.kind != "ship_by" || !j.contains("duration")))
    r.error("pack.E203", "/promise",
            "a shop's promise replaces the duration of a ship_by rule with \"duration\"");
  if (out.estimate && !j.contains("follows"))
    r.error("pack.E102", "/estimate",
            "an estimate needs \"follows\" saying why no stated default is used");
  if (j.contains("replaces")) {
    const auto& rep = j["replaces"];
    if (!rep.is_array())
      r.error("pack.E201", "/replaces", "must be an array of deadline rule ids");
    else
      for (std::size_t i = 0; i < rep.size(); ++i) {
        if (!rep[i].is_string() || rep[i].get<std::string>().find('.') == std::string::npos)
          r.error("pack.E202", "/replaces/" + std::to_string(i),
                  "must be a deadline rule id such as taobao.ship-by");
        else
          out.replaces.push_back(rep[i].get<std::string>());
      }
  }
  r.events_field("requires", out.requires_events);
  r.events_field("met_by", out.met_by);
  r.events_field("void_by", out.void_by);
  r.events_field("only_before", out.only_before);
  r.conditions(out.when);
  r.examples(min_examples);
  if (j.contains("examples")) out.examples = &j["examples"];
  return r.ok();
}

}  // namespace kefu
