#include "rules/registry.hpp"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <stdexcept>

#include "base/strings.hpp"

namespace foresight::rules {

Registry::Registry(std::vector<RuleDef> rules) : rules_(std::move(rules)) {
  std::sort(rules_.begin(), rules_.end(),
            [](const RuleDef& a, const RuleDef& b) { return a.meta.id < b.meta.id; });
  for (size_t i = 0; i < rules_.size(); ++i) {
    const std::string& id = rules_[i].meta.id;
    const bool well_formed = id.size() == 4 && id[0] == core::FactorLetter(rules_[i].meta.factor) &&
                             std::isdigit(static_cast<unsigned char>(id[1])) &&
                             std::isdigit(static_cast<unsigned char>(id[2])) &&
                             std::isdigit(static_cast<unsigned char>(id[3]));
    if (!well_formed) throw std::logic_error("malformed rule id " + id);
    if (i > 0 && rules_[i - 1].meta.id == id) throw std::logic_error("duplicate rule id " + id);
    if (rules_[i].check == nullptr) throw std::logic_error("rule without a check: " + id);
  }
}

std::vector<core::RuleMeta> Registry::Metas() const {
  std::vector<core::RuleMeta> out;
  out.reserve(rules_.size());
  for (const RuleDef& rule : rules_) out.push_back(rule.meta);
  return out;
}

const RuleDef* Registry::Find(std::string_view id) const {
  std::string upper(id);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const RuleDef& rule : rules_) {
    if (rule.meta.id == upper) return &rule;
  }
  return nullptr;
}

}  // namespace foresight::rules
