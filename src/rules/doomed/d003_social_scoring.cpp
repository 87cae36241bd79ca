// D003: social scoring of people.
#include <array>
#include <optional>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/people_answers.hpp"
#include "rules/lexicon.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/text_match.hpp"

namespace foresight::rules {
namespace d003 {
namespace {

// Names for a general score of a person's conduct; "credit score" alone is a loan's risk,
// not social scoring, so it is not here.
constexpr std::array<std::string_view, 8> kScoringWords = {
    "social scor*",          "social credit*",         "citizen scor*",
    "trustworthiness scor*", "social behaviour scor*", "social behavior scor*",
    "citizen reputation*",   "citizen rating*"};

// Social scoring described in other words: a score, grade or rank of each person, built from
// their social life (what they post, how they behave in their community or private life,
// petty fines, what others report about them, their character), that decides their access
// to something else (housing, benefits, permits, credit, a place, a queue). All three must
// be there: a credit score from repayment history, a performance rating at work or a
// customer's lifetime value is not social scoring.
constexpr auto kScoreOfPerson = std::to_array<std::string_view>(
    {"score per",         "rating per",          "grade per",           "tier per",
     "index per",         "points tier",         "score* of each",      "rating of each",
     "reputation number", "reputation score*",   "citizenship score*",  "character rating*",
     "fit score*",        "standing score*",     "reliability score*",  "trustworthiness grade*",
     "standing level*",   "civic standing",      "trust tier*",         "conduct rating*",
     "conduct score*",    "cooperation score*",  "discipline score*",   "level per",
     "trust level*",      "standing number*",    "community standing",  "behaviour score*",
     "behavior score*",   "conduct level*",      "citizen level*",      "good citizen*",
     "trust number*",     "trust rating*",       "civic behaviour",     "civic behavior",
     "civic factor",      "civic virtue",        "citizenship rating*", "virtue rating*",
     "loading per",       "conduct ledger",      "family score*",       "score per family",
     "tier for next",     "person level figure", "person level score",  "figure per person",
     "person level",      "reliability index",   "citizen index*",      "behaviour points",
     "behavior points",   "conduct grade*"});
constexpr auto kScoreWords = std::to_array<std::string_view>(
    {"score",  "scores",  "rating",    "grade",   "tier",   "points", "rank",
     "ranked", "ranking", "index",     "indices", "band",   "bands",  "banding",
     "badge",  "badges",  "level per", "loading", "ledger", "tiers"});
constexpr auto kPersonWords = std::to_array<std::string_view>(
    {"resident*",   "citizen*",        "household*", "tenant*",     "person",
     "employee*",   "claimant*",       "applicant*", "subscriber*", "student*",
     "famil*",      "customer*",       "shopper*",   "neighbour",   "neighbours",
     "neighbor",    "neighbors",       "member*",    "user*",       "individual*",
     "people",      "parent*",         "supporter*", "fan*",        "rider*",
     "passenger*",  "visitor*",        "patron*",    "guest*",      "client*",
     "driver*",     "worker*",         "pupil*",     "borrower*",   "policyholder*",
     "attendee*",   "account holder*", "commuter*",  "traveller*",  "traveler*",
     "inhabitant*", "villager*",       "locals",     "congregant*", "athlete*",
     "player*",     "courier*",        "fan",        "fans",        "taxpayer*",
     "sibling*"});
constexpr auto kSocialLife = std::to_array<std::string_view>({"social media",
                                                              "posts",
                                                              "online behaviour",
                                                              "online behavior",
                                                              "online comments",
                                                              "online criticism",
                                                              "online activity",
                                                              "lifestyle",
                                                              "private life",
                                                              "off-duty",
                                                              "weekend activit*",
                                                              "off-campus",
                                                              "behaviour outside",
                                                              "behavior outside",
                                                              "everyday behaviour",
                                                              "everyday behavior",
                                                              "social behaviour",
                                                              "social behavior",
                                                              "how they behave",
                                                              "in daily life",
                                                              "in their community",
                                                              "social circle",
                                                              "neighbour complaints",
                                                              "complaints about them",
                                                              "rate each other",
                                                              "peer rating*",
                                                              "volunteer*",
                                                              "church",
                                                              "character",
                                                              "trustworth*",
                                                              "kindness",
                                                              "cooperativ*",
                                                              "reputation",
                                                              "fines",
                                                              "in the community",
                                                              "community behaviour",
                                                              "outside work",
                                                              "nightlife",
                                                              "political posts",
                                                              "protest*",
                                                              "club membership*",
                                                              "who they spend time with",
                                                              "community feedback",
                                                              "neighbour reports",
                                                              "neighbor reports",
                                                              "attitude",
                                                              "call graph",
                                                              "contacts",
                                                              "who they call",
                                                              "habits",
                                                              "friend graph",
                                                              "friends",
                                                              "diet log*",
                                                              "etiquette",
                                                              "cooperation",
                                                              "noise complaint*",
                                                              "noise warning*",
                                                              "recycling",
                                                              "jaywalk*",
                                                              "fare dodging",
                                                              "fare-dodging",
                                                              "overdue book*",
                                                              "overdue return*",
                                                              "library fine*",
                                                              "late pickup*",
                                                              "missed meeting*",
                                                              "community event*",
                                                              "community conduct",
                                                              "community-conduct",
                                                              "years of behaviour",
                                                              "years of behavior",
                                                              "complaints from staff",
                                                              "good neighbour",
                                                              "posted",
                                                              "they post",
                                                              "demonstration*",
                                                              "rallies",
                                                              "rally",
                                                              "complaints they",
                                                              "complaints filed",
                                                              "how people behave",
                                                              "behave across",
                                                              "rude",
                                                              "argued",
                                                              "disputes with",
                                                              "infraction*",
                                                              "misdemeanour*",
                                                              "misdemeanor*",
                                                              "untidy",
                                                              "late night music",
                                                              "loud music",
                                                              "parking ticket*",
                                                              "petty offence*",
                                                              "minor offence*",
                                                              "unpaid fine*",
                                                              "littering",
                                                              "behaviour across",
                                                              "behavior across",
                                                              "conduct across",
                                                              "in public",
                                                              "social media activit*",
                                                              "good neighbor",
                                                              "lateness",
                                                              "dress code",
                                                              "disciplinary",
                                                              "tax compliance",
                                                              "broadcast fee*",
                                                              "unpaid fee*",
                                                              "fee arrears",
                                                              "attend meetings",
                                                              "complain about",
                                                              "steward report*",
                                                              "traffic fine*",
                                                              "reputation report*",
                                                              "volunteer hours",
                                                              "tone of",
                                                              "attendance at demonstration*",
                                                              "attendance at protest*",
                                                              "attendance at rallies",
                                                              "attendance at church",
                                                              "attendance at religious",
                                                              "rudeness",
                                                              "messy",
                                                              "late cancellation*",
                                                              "attendance at meetings",
                                                              "donations to",
                                                              "drinking",
                                                              "missing school",
                                                              "community work",
                                                              "for behaviour",
                                                              "for behavior",
                                                              "behaviour points",
                                                              "behavior points",
                                                              "traffic offence*",
                                                              "traffic offense*",
                                                              "tax punctuality",
                                                              "welfare history",
                                                              "over ten years",
                                                              "over the years",
                                                              "off the platform",
                                                              "angry posts",
                                                              "gym visits",
                                                              "debt collector*"});
constexpr auto kAccess = std::to_array<std::string_view>({"housing",
                                                          "waiting list*",
                                                          "waiting time*",
                                                          "queue",
                                                          "permit*",
                                                          "benefit*",
                                                          "payments",
                                                          "loan*",
                                                          "credit",
                                                          "deposit*",
                                                          "contract*",
                                                          "rent*",
                                                          "places",
                                                          "dorm*",
                                                          "grant*",
                                                          "appointment*",
                                                          "allocation",
                                                          "priority",
                                                          "refuse*",
                                                          "denied",
                                                          "delivery",
                                                          "memberships",
                                                          "subscribe*",
                                                          "landlord*",
                                                          "employers",
                                                          "car scheme",
                                                          "processing",
                                                          "counters",
                                                          "promotion*",
                                                          "bonuses",
                                                          "entitlement*",
                                                          "nursery",
                                                          "discounts",
                                                          "fast track*",
                                                          "ticket*",
                                                          "rights",
                                                          "repair*",
                                                          "emergency",
                                                          "hidden in search",
                                                          "landlords",
                                                          "premium*",
                                                          "queues",
                                                          "booking*",
                                                          "rentals",
                                                          "discounted",
                                                          "passes",
                                                          "their place",
                                                          "turned away",
                                                          "refused entry",
                                                          "barred*",
                                                          "blocked from",
                                                          "banned from",
                                                          "excluded from",
                                                          "who may",
                                                          "may buy",
                                                          "may travel",
                                                          "allowed to",
                                                          "savings account*",
                                                          "open an account",
                                                          "opening a",
                                                          "travel at",
                                                          "peak time*",
                                                          "community event*",
                                                          "shops are alerted",
                                                          "entry to",
                                                          "access to services",
                                                          "public service*",
                                                          "group service*",
                                                          "every service",
                                                          "scholarship*",
                                                          "eligib*",
                                                          "admission*",
                                                          "enrol*",
                                                          "school place*",
                                                          "fees",
                                                          "higher fee*",
                                                          "charges",
                                                          "first pick",
                                                          "shift*",
                                                          "discount",
                                                          "cannot book",
                                                          "book",
                                                          "sports hall*",
                                                          "facilities",
                                                          "lose their",
                                                          "suspend*",
                                                          "suspension*",
                                                          "deactivat*",
                                                          "get less",
                                                          "gets less",
                                                          "receive less",
                                                          "get fewer",
                                                          "water",
                                                          "lose right*",
                                                          "heating",
                                                          "kindergarten place*",
                                                          "right to",
                                                          "licence*",
                                                          "license*",
                                                          "insurance",
                                                          "can buy",
                                                          "they can buy"});

std::optional<Finding> DescribedInOtherWords(const RuleInput& in) {
  const std::vector<TextField> fields = ProseFields(in.charter);
  std::vector<TextMatch> score = FindPhrases(in, fields, kScoreOfPerson);
  if (score.empty()) {
    // A score word and a person word in the same field: "a grade per resident" is above;
    // "residents get a kindness grade" is this.
    const std::vector<TextMatch> words = FindPhrases(in, fields, kScoreWords);
    const std::vector<TextMatch> people =
        FindPhrases(in, fields, kPersonWords, Guards{}, &WorkersAndLearners());
    for (const TextMatch& w : words) {
      for (const TextMatch& p : people) {
        if (w.path == p.path) score = {w, p};
      }
      if (!score.empty()) break;
    }
  }
  const std::vector<TextMatch> social = FindPhrases(in, fields, kSocialLife);
  const std::vector<TextMatch> access = FindPhrases(in, fields, kAccess);
  if (score.empty() || social.empty() || access.empty()) return std::nullopt;
  Finding f;
  f.span = score.front().span;
  AddMatches(f, {&score, &social, &access});
  f.related.push_back(
      {social.front().span, "built from social life: '" + social.front().word + "'"});
  f.related.push_back({access.front().span, "deciding access: '" + access.front().word + "'"});
  f.message = "the project scores people on their social life ('" + social.front().word +
              "') and the score decides what they get ('" + access.front().word +
              "'): social scoring, a prohibited practice under the EU AI Act, Article 5(1)(c)";
  return f;
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // The answers to the Act's questions first; the text screen below is the second signal.
  if (auto declared = doomed::DeclaredPractice(c, doomed::Practice::kSocialScoring)) {
    out.push_back(std::move(*declared));
    return;
  }
  Finding f;
  const bool declared =
      c.task.target_kind.has() && *c.task.target_kind == core::TargetKind::kSocialScore;
  if (declared) {
    f.span = c.task.target_kind.span;
    f.fields.push_back("task.target_kind");
  }
  const std::vector<TextField> prose = ProseFields(c);
  const std::vector<TextMatch> matches = FindPhrases(in, prose, kScoringWords);
  if (!declared && matches.empty()) {
    if (auto other = DescribedInOtherWords(in)) {
      doomed::NoteContradiction(c, doomed::Practice::kSocialScoring, *other);
      out.push_back(std::move(*other));
    }
    return;
  }
  if (!declared) f.span = matches.front().span;
  for (const TextMatch& m : matches) AddMatch(f, m);
  const std::string what = declared ? "declares a social score as its target"
                                    : "describes a '" + matches.front().word + "'";
  f.message = "the project " + what +
              ": rating people on their social behaviour or personal traits is social scoring, "
              "a prohibited practice under the EU AI Act, Article 5(1)(c)";
  doomed::NoteContradiction(c, doomed::Practice::kSocialScoring, f);
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d003

RuleDef MakeD003() {
  return RuleDef{
      .meta =
          {
              .id = "D003",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "Social scoring of people",
              .rationale =
                  "Scoring people on their social behaviour or personal traits, and treating "
                  "them worse for it in unrelated situations or out of proportion, is banned in "
                  "the EU since February 2025, for public and private organisations alike. Such "
                  "scores also turn yesterday's prejudices into tomorrow's decisions. A product "
                  "built around one cannot be sold in the EU.",
              .fix = "score the specific risk the decision needs (for example the repayment of "
                     "this loan) from data relevant to it, instead of a general score of the "
                     "person, and take legal advice",
              .references =
                  {
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 5(1)(c) and Recital 31",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                  },
          },
      .check = d003::Check,
  };
}

}  // namespace foresight::rules
