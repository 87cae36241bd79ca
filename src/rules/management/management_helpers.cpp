#include "rules/management/management_helpers.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace foresight::rules {

bool StillToDo(const core::Method& method) {
  // A status written as TODO is unknown; counting the method errs on the side of the plan
  // being larger than it looks, which is the usual truth.
  if (!method.status.has()) return true;
  switch (*method.status) {
    case core::MethodStatus::kPlanned:
    case core::MethodStatus::kRunning:
      return true;
    case core::MethodStatus::kDone:
    case core::MethodStatus::kDropped:
      return false;
  }
  return true;
}

std::string RolePlural(core::Role role) {
  switch (role) {
    case core::Role::kDataScientist:
      return "data scientists";
    case core::Role::kMlEngineer:
      return "ML engineers";
    case core::Role::kDataEngineer:
      return "data engineers";
    case core::Role::kDevops:
      return "DevOps engineers";
    case core::Role::kAnnotator:
      return "annotators";
    case core::Role::kDomainExpert:
      return "domain experts";
    case core::Role::kProductOwner:
      return "product owners";
    case core::Role::kSoftwareEngineer:
      return "software engineers";
    case core::Role::kLegal:
      return "legal advisers";
    case core::Role::kProjectManager:
      return "project managers";
  }
  return "people";
}

std::string MethodLabel(const core::Method& method, size_t index) {
  if (method.name.has()) return fmt::format("method '{}'", *method.name);
  return fmt::format("method {}", index + 1);
}

}  // namespace foresight::rules
