// Embind glue: one export per CLI subcommand, JSON strings in and out, exactly what the CLI prints
// with --format json, and command() with the CLI's status and stderr too. No logic lives here.
// Every call is fenced by a catch-all, because an exception that reaches JavaScript arrives as a
// bare pointer number: Emscripten 3.1.6 has no way to read its message.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kefu/kefu.h"

namespace {

// Every call exactly as the CLI makes it: the command's Output, whose status is the CLI's exit
// status, `out` its stdout and `err` its stderr. The glue's own errors (options it cannot read,
// an exception that reaches it) are errors of the catalog, made and printed by the core.
template <typename Call>
kefu::Output fenced(Call call) {
  try {
    return call();
  } catch (const std::exception& e) {
    return kefu::refused("wasm.E002", std::string("internal error: ") + e.what(),
                         kefu::Format::kJson);
  } catch (...) {
    return kefu::refused("wasm.E002", "internal error: not a standard exception",
                         kefu::Format::kJson);
  }
}

// `input` is the command's text: the reply, export, facts, request, pack, or the scenario of
// `phrases`; `rules` ignores it. JSON is the default format; the options may ask for another
// (csv export, html handbook). validate takes the pack's file name from options {"name"}.
kefu::Output call(const std::string& command, const std::string& input,
                  const std::string& options_json) {
  return fenced([&]() -> kefu::Output {
    if (command == "validate") {
      const auto options =
          nlohmann::json::parse(options_json.empty() ? "{}" : options_json, nullptr, false);
      std::string name = "pack.json";
      if (options.is_object() && options.contains("name") && options["name"].is_string())
        name = options["name"].get<std::string>();
      return kefu::validate(name, input);
    }
    kefu::Options options;
    options.format = kefu::Format::kJson;
    std::string problem;
    if (!options_json.empty() && !kefu::options_from_json(options_json, options, problem))
      return kefu::refused("wasm.E001", "options: " + problem, kefu::Format::kJson);
    if (command == "check") return kefu::check(input, options);
    if (command == "mask") return kefu::mask(input, options);
    if (command == "transcript") return kefu::transcript(input, options);
    if (command == "deadlines") return kefu::deadlines(input, options);
    if (command == "points") return kefu::points(input, options);
    if (command == "fix") return kefu::fix(input, options);
    if (command == "phrases") return kefu::phrases(input, options);
    if (command == "rules") return kefu::rules(options);
    if (command == "quiz") return kefu::quiz(options);
    if (command == "vocabulary") return kefu::vocabulary(options);
    return kefu::refused("usage.E004", "unknown command \"" + command + "\"", options.format);
  });
}

// {"status","out","err"}: all the CLI gives, for callers that need the status or the warnings.
// Exported as command(): Emscripten's module object already has a run() of its own.
std::string run(const std::string& command, const std::string& input,
                const std::string& options_json) {
  const kefu::Output o = call(command, input, options_json);
  return nlohmann::json{{"status", o.status}, {"out", o.out}, {"err", o.err}}.dump();
}

// The per-command exports give `out` alone, the bytes `kefu-lint <command> --format json` prints.
std::string check(const std::string& reply, const std::string& options) {
  return call("check", reply, options).out;
}
std::string mask(const std::string& text, const std::string& options) {
  return call("mask", text, options).out;
}
std::string transcript(const std::string& text, const std::string& options) {
  return call("transcript", text, options).out;
}
std::string deadlines(const std::string& facts, const std::string& options) {
  return call("deadlines", facts, options).out;
}
std::string points(const std::string& request, const std::string& options) {
  return call("points", request, options).out;
}
std::string fix(const std::string& reply, const std::string& options) {
  return call("fix", reply, options).out;
}
// The first argument is the scenario to show ("" for all), like `kefu-lint phrases --scenario`.
std::string phrases(const std::string& scenario, const std::string& options) {
  return call("phrases", scenario, options).out;
}
// The input is unused, like the CLI's: the rules depend on the options alone.
std::string rules(const std::string& input, const std::string& options) {
  return call("rules", input, options).out;
}
// The file name (shown in error messages) comes from options {"name": "..."}.
std::string validate(const std::string& pack_json, const std::string& options) {
  return call("validate", pack_json, options).out;
}
// The input is unused, like rules: the questions come from the options
// {platform,count,seed,categories}.
std::string quiz(const std::string& input, const std::string& options) {
  return call("quiz", input, options).out;
}

// The input is unused, like rules: options {"packs"} may add platforms (packs with "platform").
std::string vocabulary(const std::string& input, const std::string& options) {
  return call("vocabulary", input, options).out;
}

// The typed boundary (docs/wasm-api.md). A 10 MB reply as a JS string crosses Embind as a copy
// and a UTF-8 transcode, and its JSON answer (megabytes) comes back the same way and is parsed
// again in JS; here the caller writes the UTF-8 bytes straight into the module's memory (the
// post-js checkText() does, with TextEncoder.encodeInto) and gets the findings back as one
// Uint32Array, 6 numbers per finding, that JS expands only for the findings it shows.
constexpr std::size_t kTypedStride = 6;  // rule, severity, start, end, start_utf16, end_utf16

struct TypedAnswer {
  kefu::Output output;
  std::vector<std::uint32_t> findings;
  std::string suggestions;  // JSON [[finding index, suggestion], ...] where not the rule's own
};

// The answer lives until the next call, so the view handed to JS stays valid while it copies it.
TypedAnswer& last_typed() {
  static TypedAnswer answer;
  return answer;
}

void check_typed(const char* bytes, std::size_t size, const std::string& options_json) {
  TypedAnswer& a = last_typed();
  a.findings.clear();
  a.findings.shrink_to_fit();  // a 10 MB export's answer is not kept for a one-line reply's
  a.suggestions = "[]";
  a.output = fenced([&]() -> kefu::Output {
    kefu::Options options;
    std::string problem;
    if (!options_json.empty() && !kefu::options_from_json(options_json, options, problem))
      return kefu::refused("wasm.E001", "options: " + problem, kefu::Format::kJson);
    kefu::CheckValues values = kefu::check_values(std::string_view(bytes, size), options);
    a.findings.reserve(values.findings.size() * kTypedStride);
    nlohmann::json suggestions = nlohmann::json::array();
    for (std::size_t i = 0; i < values.findings.size(); ++i) {
      const kefu::FindingValue& f = values.findings[i];
      a.findings.insert(a.findings.end(),
                        {f.rule, f.severity, f.start, f.end, f.start_utf16, f.end_utf16});
      if (!f.suggestion.empty()) suggestions.push_back({i, f.suggestion});
    }
    a.suggestions = suggestions.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return std::move(values.output);
  });
  if (a.output.status == 2) {
    a.findings.clear();
    a.suggestions = "[]";
  }
}

// checkBytes(ptr, size, options): the bytes at [ptr, ptr + size) of the module's memory (the
// caller's malloc) checked; {status, out, err, findings: Uint32Array view, suggestions: JSON}.
// The view points into the module's memory: copy it (slice) before the next call.
emscripten::val check_bytes(std::uintptr_t ptr, std::size_t size, const std::string& options) {
  check_typed(reinterpret_cast<const char*>(ptr), size, options);
  const TypedAnswer& a = last_typed();
  emscripten::val answer = emscripten::val::object();
  answer.set("status", a.output.status);
  answer.set("out", a.output.out);
  answer.set("err", a.output.err);
  answer.set("findings",
             emscripten::val(emscripten::typed_memory_view(a.findings.size(), a.findings.data())));
  answer.set("suggestions", a.suggestions);
  return answer;
}

int abi_version() { return kefu::kAbiVersion; }

std::string platforms() {
  try {
    return nlohmann::json(kefu::platforms()).dump();
  } catch (...) {
    return "[]";
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(kefu_lint) {
  emscripten::function("check", &check);
  emscripten::function("mask", &mask);
  emscripten::function("transcript", &transcript);
  emscripten::function("deadlines", &deadlines);
  emscripten::function("points", &points);
  emscripten::function("fix", &fix);
  emscripten::function("phrases", &phrases);
  emscripten::function("rules", &rules);
  emscripten::function("validate", &validate);
  emscripten::function("quiz", &quiz);
  emscripten::function("vocabulary", &vocabulary);
  emscripten::function("command", &run);
  emscripten::function("checkBytes", &check_bytes);
  emscripten::function("abiVersion", &abi_version);
  emscripten::function("platforms", &platforms);
}
