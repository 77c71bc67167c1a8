#include "report/json_out.h"

namespace kefu {

std::string dump_json(const nlohmann::json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string errors_json(const std::vector<Error>& errors) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& e : errors) arr.push_back(e.to_json());
  return dump_json({{"errors", arr}});
}

}  // namespace kefu
