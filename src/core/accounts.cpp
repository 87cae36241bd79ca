#include "core/accounts.hpp"

#include <array>
#include <utility>

namespace foresight::core {
namespace role_names {

constexpr std::array<std::pair<ProjectRole, std::string_view>, 4> kRoleNames = {{
    {ProjectRole::kViewer, "viewer"},
    {ProjectRole::kContributor, "contributor"},
    {ProjectRole::kMaintainer, "maintainer"},
    {ProjectRole::kAdmin, "admin"},
}};

}  // namespace role_names

std::string_view ProjectRoleName(ProjectRole role) {
  for (const auto& [value, name] : role_names::kRoleNames) {
    if (value == role) return name;
  }
  return "viewer";
}

std::optional<ProjectRole> ParseProjectRole(std::string_view name) {
  for (const auto& [value, role_name] : role_names::kRoleNames) {
    if (role_name == name) return value;
  }
  return std::nullopt;
}

}  // namespace foresight::core
