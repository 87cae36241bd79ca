// The screening's trained reading of a project's description: a second text signal beside
// the rules' concept phrases. A multinomial logistic regression, trained by
// scripts/make-screen-model on the labelled descriptions in tests/screening/, gives the
// probability of each Article 5 practice and of none; the words that weigh most toward the
// likeliest practice are its evidence, shown to the reader.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace foresight::rules::screen_model {

// The words (ASCII letters and digits, lower-cased; any other character separates them) and
// the pairs of neighbouring words of `text`, each once, sorted.
std::vector<std::string> Features(std::string_view text);

// The model's classes: the practices' names (tests/screening/README.md) and "none".
std::span<const std::string_view> Classes();

struct Reading {
  std::vector<double> probabilities;  // per class, in Classes() order
  double prohibited = 0;              // 1 - the probability of "none"
  std::string practice;               // the likeliest class other than "none"
  // The features of the text that weigh most toward `practice` against "none", most first.
  std::vector<std::string> evidence;
};

// `evidence`: how many of the heaviest features to give.
Reading Read(std::string_view text, size_t evidence = 4);

// How many descriptions the model was trained on (for messages).
int TrainedOn();

}  // namespace foresight::rules::screen_model
