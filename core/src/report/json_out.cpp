#include "report/json_out.h"

namespace kefu {

std::string dump_json(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string errors_json(const std::vector<Error>& errors) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& e : errors) arr.push_back(nlohmann::ordered_json(e.to_json()));
  nlohmann::ordered_json j;
  j["errors"] = arr;
  return dump_json(j);
}

}  // namespace kefu
