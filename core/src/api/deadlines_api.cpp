// Placeholder until the deadline engine lands.
#include "kefu/kefu.h"

namespace kefu {

Output deadlines(std::string_view, const Options&) {
  return {2, "{\"errors\":[{\"code\":\"usage.E009\",\"message\":\"deadlines is not built yet\"}]}",
          "deadlines is not built yet\n"};
}

Output points(std::string_view, const Options&) {
  return {2, "{\"errors\":[{\"code\":\"usage.E009\",\"message\":\"points is not built yet\"}]}",
          "points is not built yet\n"};
}

}  // namespace kefu
