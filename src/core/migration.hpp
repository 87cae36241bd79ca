// What `foresight migrate` copied from one store into another, and how it was checked.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace foresight::core {

// What was copied of one project, and how much of it was recomputed and found equal.
struct MigratedProject {
  std::string name;
  size_t evalsets = 0;
  size_t runs = 0;
  size_t criteria = 0;         // versions of the success criteria
  size_t plan_events = 0;      // entries of the plan ledger
  size_t values_compared = 0;  // metric values (estimates and interval bounds), all equal
};

struct MigrationResult {
  std::string from;  // the store URLs, a password replaced by "***"
  std::string to;
  std::vector<MigratedProject> projects;
};

}  // namespace foresight::core
