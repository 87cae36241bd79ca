#include "core/ranking.hpp"

namespace foresight::core {

std::string_view RankScreenName(RankScreen screen) {
  switch (screen) {
    case RankScreen::kContender:
      return "contender";
    case RankScreen::kOutOfReach:
      return "out of reach";
    case RankScreen::kBeyondLimit:
      return "beyond limit";
  }
  return "contender";
}

}  // namespace foresight::core
