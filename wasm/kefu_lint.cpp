// Embind glue: one export per CLI subcommand, JSON strings in and out, exactly what the CLI
// prints with --format json. No logic lives here. Every call is fenced by a catch-all, because
// an exception that reaches JavaScript arrives as a bare pointer number (TOOLCHAIN rows 5-6).
#include <emscripten/bind.h>

#include <exception>
#include <string>

#include <nlohmann/json.hpp>

#include "kefu/kefu.h"

namespace {

std::string error_json(const std::string& code, const std::string& message) {
  nlohmann::json error = {{"code", code}, {"message", message}, {"text", "[" + code + "] " + message}};
  return nlohmann::json{{"errors", nlohmann::json::array({error})}}.dump();
}

template <typename Call>
std::string fenced(Call call) {
  try {
    return call();
  } catch (const std::exception& e) {
    return error_json("wasm.E002", std::string("internal error: ") + e.what());
  } catch (...) {
    return error_json("wasm.E002", "internal error");
  }
}

// JSON is the default; the options may still ask for another format (csv export, html handbook).
template <typename Command>
std::string with_options(const std::string& options_json, Command command) {
  return fenced([&] {
    kefu::Options options;
    options.format = kefu::Format::kJson;
    std::string problem;
    if (!options_json.empty() && !kefu::options_from_json(options_json, options, problem))
      return error_json("wasm.E001", "options: " + problem);
    return command(options).out;
  });
}

std::string check(const std::string& reply, const std::string& options_json) {
  return with_options(options_json, [&](const kefu::Options& o) { return kefu::check(reply, o); });
}
std::string mask(const std::string& text, const std::string& options_json) {
  return with_options(options_json, [&](const kefu::Options& o) { return kefu::mask(text, o); });
}
std::string transcript(const std::string& text, const std::string& options_json) {
  return with_options(options_json, [&](const kefu::Options& o) { return kefu::transcript(text, o); });
}
std::string deadlines(const std::string& facts, const std::string& options_json) {
  return with_options(options_json, [&](const kefu::Options& o) { return kefu::deadlines(facts, o); });
}
std::string points(const std::string& request, const std::string& options_json) {
  return with_options(options_json, [&](const kefu::Options& o) { return kefu::points(request, o); });
}
std::string fix(const std::string& reply, const std::string& options_json) {
  return with_options(options_json, [&](const kefu::Options& o) { return kefu::fix(reply, o); });
}
// The first argument is the scenario to show ("" for all), like `kefu-lint phrases --scenario`.
std::string phrases(const std::string& scenario, const std::string& options_json) {
  return with_options(options_json, [&](const kefu::Options& o) { return kefu::phrases(scenario, o); });
}
// The input is unused, like the CLI's: the rules depend on the options alone.
std::string rules(const std::string&, const std::string& options_json) {
  return with_options(options_json, [&](const kefu::Options& o) { return kefu::rules(o); });
}
// The file name (shown in error messages) comes from options {"name": "..."}.
std::string validate(const std::string& pack_json, const std::string& options_json) {
  return fenced([&] {
    const auto options = nlohmann::json::parse(options_json.empty() ? "{}" : options_json, nullptr, false);
    std::string name = "pack.json";
    if (options.is_object() && options.contains("name") && options["name"].is_string())
      name = options["name"].get<std::string>();
    return kefu::validate(name, pack_json).out;
  });
}

int abi_version() { return kefu::kAbiVersion; }

std::string platforms() {
  return fenced([] { return nlohmann::json(kefu::platforms()).dump(); });
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
  emscripten::function("abiVersion", &abi_version);
  emscripten::function("platforms", &platforms);
}
