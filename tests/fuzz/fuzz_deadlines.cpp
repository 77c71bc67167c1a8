// The time parser and the deadline engine. Three modes, picked by the first byte:
//   raw facts   arbitrary bytes as the order-facts JSON: a known status, one JSON document;
//   raw now     arbitrary bytes as --now: the time parser on hostile text;
//   structured  plausible facts built from the bytes, written twice (each time in a random one of
//               the accepted forms, then all as ISO with +08:00 and the keys reversed): the two
//               must give the same answer, and no deadline may fall due before its start event.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "kefu/kefu.h"
#include "vocab/vocabulary.h"

namespace {

using kefu::fuzz::require;

constexpr std::int64_t kBeijing = 8 * 3600;
constexpr std::int64_t kBase = 1704038400;  // 2024-01-01T00:00:00+08:00

struct Civil {
  int year, month, day, hour, minute, second;
};

// Howard Hinnant's days-to-civil algorithm: independent of the core's time code.
Civil civil_from_unix(std::int64_t t, std::int64_t offset) {
  t += offset;
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  std::int64_t secs = t - days * 86400;
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return {y,
          static_cast<int>(m),
          static_cast<int>(d),
          static_cast<int>(secs / 3600),
          static_cast<int>(secs / 60 % 60),
          static_cast<int>(secs % 60)};
}

std::int64_t unix_from_civil(const Civil& c, std::int64_t offset) {
  const int y = c.year - (c.month <= 2);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(c.month > 2 ? c.month - 3 : c.month + 9);
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(c.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = era * 146097 + static_cast<std::int64_t>(doe) - 719468;
  return days * 86400 + c.hour * 3600 + c.minute * 60 + c.second - offset;
}

// The accepted written forms of one instant (docs/deadlines.md); times are whole minutes so that
// the forms without seconds say exactly the same thing.
std::string write_time(std::int64_t t, int form) {
  char buf[80];
  Civil c = civil_from_unix(t, kBeijing);
  switch (form) {
    case 0:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", c.year, c.month, c.day,
                    c.hour, c.minute, c.second);
      break;
    case 1:
      std::snprintf(buf, sizeof buf, "%04d/%d/%d %02d:%02d", c.year, c.month, c.day, c.hour,
                    c.minute);
      break;
    case 2:
      std::snprintf(buf, sizeof buf, "%04d年%d月%d日 %02d:%02d", c.year, c.month, c.day, c.hour,
                    c.minute);
      break;
    case 3:
      c = civil_from_unix(t, 0);
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day,
                    c.hour, c.minute, c.second);
      break;
    case 4:
      c = civil_from_unix(t, -5 * 3600);
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d-05:00", c.year, c.month, c.day,
                    c.hour, c.minute, c.second);
      break;
    default:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", c.year, c.month, c.day,
                    c.hour, c.minute, c.second);
  }
  return buf;
}
constexpr int kIsoBeijing = 9;

std::string write_day(std::int64_t t, int form) {
  char buf[64];
  const Civil c = civil_from_unix(t, kBeijing);
  if (form % 3 == 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  else if (form % 3 == 1)
    std::snprintf(buf, sizeof buf, "%04d/%d/%d", c.year, c.month, c.day);
  else
    std::snprintf(buf, sizeof buf, "%04d年%d月%d日", c.year, c.month, c.day);
  return buf;
}

// "YYYY-MM-DDTHH:MM:SS+08:00", the only form a due time may take.
bool read_due(const std::string& s, std::int64_t& out) {
  Civil c{};
  char tail[8] = {};
  if (s.size() != 25 ||
      std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%6s", &c.year, &c.month, &c.day, &c.hour,
                  &c.minute, &c.second, tail) != 7 ||
      std::string(tail) != "+08:00")
    return false;
  out = unix_from_civil(c, kBeijing);
  return civil_from_unix(out, kBeijing).day == c.day;
}

void require_answer_shape(const kefu::Output& out, const char* what) {
  require(out.status >= 0 && out.status <= 2, std::string(what) + ": unknown status", out.err);
  const auto j = kefu::fuzz::parse_answer(out.out, what);
  if (out.status == 2) kefu::fuzz::require_errors(j, out.err, what);
}

kefu::Output run(const std::string& facts, const kefu::Options& o) {
  kefu::Output out = kefu::deadlines(facts, o);
  const kefu::Output again = kefu::deadlines(facts, o);
  require(again.status == out.status && again.out == out.out,
          "the same facts answered differently");
  return out;
}

struct Fact {
  std::string key;
  std::string written;    // in the random form
  std::string canonical;  // ISO with +08:00 (or the plain day)
};

std::string facts_json(const std::string& head, const std::vector<Fact>& events, bool canonical) {
  nlohmann::ordered_json ev = nlohmann::ordered_json::object();
  if (canonical)
    for (auto it = events.rbegin(); it != events.rend(); ++it) ev[it->key] = it->canonical;
  else
    for (const auto& e : events) ev[e.key] = e.written;
  auto j = nlohmann::ordered_json::parse(head);
  j["events"] = ev;
  return j.dump();
}

// What every answer with deadlines must satisfy: due never before the start it counts from (nor
// before `earliest`, the first time the facts name), left_seconds counted to the event that
// closed the deadline or else to now, and a status that agrees with both.
void require_deadline_answer(const nlohmann::json& j, std::int64_t earliest,
                             const std::string& facts) {
  require(j.contains("deadlines") && j["deadlines"].is_array(), "no deadlines array", j.dump());
  std::int64_t now = 0;
  require(read_due(j.value("now", ""), now), "now is not YYYY-MM-DDTHH:MM:SS+08:00", j.dump());
  for (const auto& d : j["deadlines"]) {
    const std::string detail = d.dump() + "\n" + facts;
    require(kefu::vocab::is_deadline_kind(d.value("kind", "")), "unknown deadline kind", detail);
    const std::string status = d.value("status", "");
    bool known = false;
    for (auto s : kefu::vocab::deadline_statuses()) known |= s == status;
    require(known, "unknown deadline status", detail);
    std::int64_t due = 0, start = 0, closed = 0;
    require(read_due(d.value("due", ""), due), "due is not YYYY-MM-DDTHH:MM:SS+08:00", detail);
    require(read_due(d.value("start", ""), start), "start is not YYYY-MM-DDTHH:MM:SS+08:00",
            detail);
    require(due >= start, "a deadline falls due before its start event", detail);
    require(due >= earliest, "a deadline falls due before every time the facts name", detail);
    const bool is_closed = d.contains("closed_at");
    if (is_closed)
      require(read_due(d.value("closed_at", ""), closed), "closed_at is not ISO +08:00", detail);
    const std::int64_t left = d.value("left_seconds", std::int64_t{0});
    require(left == due - (is_closed ? closed : now), "left_seconds is not due minus its reference",
            detail);
    if (status == "met") require(is_closed && closed <= due, "met without closing in time", detail);
    if (status == "pending" || status == "due_soon")
      require(!is_closed && left >= 0, "an open deadline with no time left", detail);
    if (status == "overdue") require(left < 0, "overdue with time left", detail);
  }
}

void structured(FuzzedDataProvider& fdp) {
  const auto& platforms = kefu::vocab::platforms();
  const auto& shipping = kefu::vocab::shipping_methods();
  nlohmann::ordered_json head;
  head["platform"] =
      std::string(platforms[fdp.ConsumeIntegralInRange<std::size_t>(0, platforms.size() - 1)].name);
  head["shipping"] =
      std::string(shipping[fdp.ConsumeIntegralInRange<std::size_t>(0, shipping.size() - 1)]);
  if (fdp.ConsumeBool()) head["return_required"] = fdp.ConsumeBool();
  if (fdp.ConsumeBool()) head["vat_invoice"] = fdp.ConsumeBool();
  if (fdp.ConsumeBool()) head["invoice_committed"] = fdp.ConsumeBool();
  const bool shuffled = fdp.ConsumeIntegralInRange(0, 7) == 0;  // impossible orders, now and then

  std::int64_t t = kBase + 60 * fdp.ConsumeIntegralInRange<std::int64_t>(0, 3 * 365 * 1440);
  std::int64_t earliest = INT64_MAX;
  std::vector<Fact> events;
  std::vector<std::int64_t> times;
  for (std::string_view key : kefu::vocab::order_events()) {
    if (!fdp.ConsumeBool()) continue;
    t += 60 * fdp.ConsumeIntegralInRange<std::int64_t>(0, 20 * 1440);
    if (key == "pickup_agreed_day") {
      const int form = fdp.ConsumeIntegralInRange(0, 2);
      events.push_back({std::string(key), write_day(t, form), write_day(t, 0)});
      Civil c = civil_from_unix(t, kBeijing);
      c.hour = 0, c.minute = 0, c.second = 0;  // the day starts the agreement, ends the window
      earliest = std::min(earliest, unix_from_civil(c, kBeijing));
      continue;
    }
    times.push_back(t);
    events.push_back({std::string(key), "", write_time(t, kIsoBeijing)});
  }
  if (shuffled && times.size() > 1) {
    const std::size_t a = fdp.ConsumeIntegralInRange<std::size_t>(0, times.size() - 1);
    const std::size_t b = fdp.ConsumeIntegralInRange<std::size_t>(0, times.size() - 1);
    std::swap(times[a], times[b]);
  }
  for (std::size_t i = 0, k = 0; i < events.size(); ++i) {
    if (events[i].key == "pickup_agreed_day") continue;
    events[i].written = write_time(times[k], fdp.ConsumeIntegralInRange(0, kIsoBeijing));
    events[i].canonical = write_time(times[k], kIsoBeijing);
    earliest = std::min(earliest, times[k++]);
  }
  if (fdp.ConsumeBool()) {
    const std::int64_t presale = t + 60 * fdp.ConsumeIntegralInRange<std::int64_t>(0, 30 * 1440);
    head["presale_ship_by"] = write_time(presale, kIsoBeijing);
    earliest = std::min(earliest, presale);
  }

  kefu::Options o;
  o.format = kefu::Format::kJson;
  const std::int64_t now = kBase + 60 * fdp.ConsumeIntegralInRange<std::int64_t>(0, 3 * 366 * 1440);
  o.now = write_time(now, kIsoBeijing);
  const kefu::Output written = run(facts_json(head.dump(), events, false), o);
  const kefu::Output canonical = run(facts_json(head.dump(), events, true), o);
  require_answer_shape(written, "deadlines");
  require_answer_shape(canonical, "deadlines");
  require(written.status == canonical.status,
          "the same facts in other written forms changed the status",
          written.out + "\n" + canonical.out);
  if (written.status == 2) return;  // error messages may quote the input as written
  require(written.out == canonical.out,
          "the same facts in other written forms answered differently",
          written.out + "\n" + canonical.out);

  require_deadline_answer(nlohmann::json::parse(written.out), earliest,
                          facts_json(head.dump(), events, true));
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider fdp(data, size);
  const int mode = fdp.ConsumeIntegralInRange(0, 3);
  kefu::Options o;
  o.format = fdp.ConsumeBool() ? kefu::Format::kJson : kefu::Format::kText;
  o.clock_unix = kBase;
  if (mode == 0) {
    o.now = "2024-06-18 10:00:00";
    const kefu::Output out = run(fdp.ConsumeRemainingBytesAsString(), o);
    if (o.format == kefu::Format::kJson) {
      require_answer_shape(out, "deadlines");
      if (out.status != 2) require_deadline_answer(nlohmann::json::parse(out.out), INT64_MIN, "");
    } else
      require(out.status >= 0 && out.status <= 2, "deadlines: unknown status");
  } else if (mode == 1) {
    o.format = kefu::Format::kJson;
    o.now = fdp.ConsumeRandomLengthString(64);
    const std::string facts =
        "{\"platform\":\"taobao\",\"shipping\":\"express\",\"events\":{\"ordered\":\"" +
        fdp.ConsumeRandomLengthString(64) + "\",\"paid\":\"2024-06-18 10:05:00\"}}";
    require_answer_shape(run(facts, o), "deadlines");
  } else {
    structured(fdp);
  }
  return 0;
}
