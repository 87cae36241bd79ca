// D006: manipulating people or exploiting their vulnerabilities.
#include <algorithm>
#include <array>
#include <optional>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/doomed/people_answers.hpp"
#include "rules/lexicon.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/text_match.hpp"

namespace foresight::rules {
namespace d006 {
namespace {

constexpr std::array<std::string_view, 11> kManipulationWords = {"subliminal*",
                                                                 "manipulate",
                                                                 "manipulates",
                                                                 "manipulating",
                                                                 "manipulation",
                                                                 "manipulative",
                                                                 "exploit vulnerabilities",
                                                                 "exploiting vulnerabilities",
                                                                 "exploit their vulnerabilities",
                                                                 "dark pattern*",
                                                                 "exploit vulnerable"};

// Within the same sentence, a few words from the match: another sense of the word, or the
// system checking for someone else's manipulation (a scam's, a phishing email's).
constexpr auto kOtherSense = std::to_array<std::string_view>(
    {"robot*",      "robotic",  "grasp*",    "object*",    "market",       "image*",
     "photo*",      "video*",   "data",      "price*",     "stock*",       "deepfake*",
     "forg*",       "tamper*",  "software",  "security",   "cyber*",       "code",
     "detect*",     "prevent*", "flag*",     "identif*",   "protect*",     "counter*",
     "scam*",       "phishing", "fraud*",    "attacker*",  "spam*",        "disinformation",
     "content",     "contains", "scan*",     "check",      "checks",       "checking",
     "checker*",    "audit*",   "complian*", "finding*",   "page*",        "website*",
     "regulator*",  "inspect*", "warn*",     "report*",    "experiment*",  "laborator*",
     "study",       "studies",  "research*", "psycholog*", "participant*", "likelihood",
     "probability", "doctored", "edited"});

// Article 5(1)(b) described in other words: a commercial push (an offer, an ad, a sale)
// aimed at people in a vulnerable state (a child, an elderly or confused person, a
// disability, an addiction, debt or poverty, grief, a precarious migrant). Both must be
// there: a helpline for problem gamblers sells nothing, and a gym's retention offer is
// aimed at no vulnerability.
constexpr auto kYoung = std::to_array<std::string_view>(
    {"child", "children", "kid", "kids", "minor", "minors", "under 1*", "year olds", "teen*",
     "young player*", "young user*", "young people", "toddler*", "adolescent*", "schoolchildren"});
constexpr auto kVulnerable = std::to_array<std::string_view>(
    {// age: the old, and failing capacity
     "elderly", "pensioner*", "older people", "older adult*", "older customer*", "older person*",
     "senior citizen*", "retiree*", "cognitive decline", "cognitive support", "reading support",
     "dementia", "memory loss", "confused", "forgetful", "frail*",
     // disability
     "disabilit*", "disabled", "learning difficult*", "impairment*", "impaired", "special needs",
     "accessibility setting*",
     // addiction
     "problem gambl*", "compulsive*", "addict*", "dependence", "alcoholi*", "loss chasing",
     "chasing losses", "chase losses", "chasing their losses", "self exclu*", "cooling off",
     "relapse*", "tried to stop", "trying to stop", "trying to quit", "at risk gambler*", "binge*",
     // social and economic situation
     "over indebted", "indebted", "in debt", "debtor*", "arrears", "behind on*",
     "missed repayment*", "missed payment*", "payday loan*", "benefit depend*", "on benefits",
     "benefits are paid", "deprivation", "deprived", "low income*", "poverty", "poorest",
     "financially desperate", "desperate*", "financial distress", "financial difficult*",
     "struggling financially", "unemployed", "lost their job*", "lost his job", "lost her job",
     "bankrupt*", "overdrawn", "newly arrived", "recently arrived", "settled status",
     "undocumented", "asylum seeker*", "refugee*", "language barrier*",
     "little of the local language",
     // grief, loneliness and insecurity
     "bereaved", "bereavement", "grieving", "widow*", "lost a partner", "lonely", "loneliness",
     "living alone", "insecure about", "hating their bod*", "body image", "eating disorder*",
     "self harm*",
     // said outright
     "vulnerable customer*", "vulnerable user*", "vulnerable people", "vulnerable person*",
     "vulnerable adult*", "vulnerable player*", "vulnerable consumer*", "memory decline",
     "unlikely to remember", "money trouble*", "overdraft*", "missed rent", "benefit payment*",
     "arrived in the country", "local language", "language skills", "bipolar", "manic",
     "mental illness", "mental health condition*", "most vulnerable", "lose their job*",
     "lose their income", "loses its income", "losing their job*", "losing their income",
     "job loss*", "redundancy notice*", "redundancy signal*", "facing redundancy", "made redundant",
     "laid off", "food bank*", "unemployment claim*", "acute hardship", "living with dementia",
     "care home resident*", "residents with dementia", "in a care home", "hardly speak*",
     "speak little", "little command of", "new to the country", "migrant worker*",
     "recently arrived worker*", "gambling problem*", "problem player*", "heavy loser*",
     "chasing a loss", "lost heavily", "big loser*", "grief stricken", "recently widowed",
     "low literacy", "cannot read", "illiterate", "learning disabilit*", "autis*", "adhd",
     "depression", "anxious", "socially isolated", "housebound", "care leaver*", "over 70s",
     "over 75s", "over 80s", "aged 75", "aged 80", "in their 80s", "in their 70s", "memory slip*",
     "forgotten answer*", "isolated senior*", "sound elderly", "lives alone", "live alone",
     "eviction notice*", "facing eviction", "evicted", "recent eviction*", "an eviction",
     "eviction record*", "social assistance", "public assistance", "welfare payment*",
     "living on welfare", "on welfare", "benefits arrive"});

// Next to the match, another sense: the person is someone's child ("toys parents buy for
// their kids", "the child's age range"), or the word names a product, a place or a group of
// books ("children's clothing", "children's ward"); or it is denied ("children do not use
// the shop").
constexpr auto kNotThePerson = std::to_array<std::string_view>(
    {"for their", "parent*",    "book*",    "cloth*",     "wear",      "shoe*",    "menu*",
     "hospital*", "ward*",      "librar*",  "literature", "author*",   "uniform*", "nutrition",
     "vaccin*",   "safeguard*", "protect*", "welfare",    "helpline*", "charit*",  "age",
     "do not",    "don't",      "never",    "tablet*",    "device*",   "phone*",   "tropical"});

// The push is addressed to an adult who buys for the child: a toy shop's gift finder, a
// newsletter to parents. Only the young are covered by it: "ask a parent to buy" is still
// aimed at the child.
constexpr auto kAdultBuyer = std::to_array<std::string_view>(
    {"to parents", "for parents", "parents receive", "parents get", "parents and grandparents",
     "grandparent*", "guardians", "adult shopper*", "adult buyer*", "adult customer*"});

constexpr auto kParents = std::to_array<std::string_view>(
    {"parent", "parents", "grandparent*", "guardian*", "carer*", "adult shopper*"});
constexpr auto kPester = std::to_array<std::string_view>({"ask*", "nag*", "pester*", "beg*"});
constexpr auto kBuys = std::to_array<std::string_view>(
    {"buy*", "bought", "purchas*", "order*", "pay*", "shop*", "choose*", "enter*", "gift*"});

// A commercial push: what the system gets the person to buy, accept or watch.
constexpr auto kCommercialPush = std::to_array<std::string_view>({"offer*",
                                                                  "bonus*",
                                                                  "free bet*",
                                                                  "free spin*",
                                                                  "free credit",
                                                                  "free play",
                                                                  "discount*",
                                                                  "promo*",
                                                                  "voucher*",
                                                                  "coupon*",
                                                                  "upsell*",
                                                                  "up sell*",
                                                                  "cross sell*",
                                                                  "sell*",
                                                                  "sales",
                                                                  "buy",
                                                                  "buys",
                                                                  "buying",
                                                                  "purchase*",
                                                                  "ad",
                                                                  "ads",
                                                                  "advert*",
                                                                  "marketing",
                                                                  "campaign*",
                                                                  "push notification*",
                                                                  "monetis*",
                                                                  "monetiz*",
                                                                  "loot box*",
                                                                  "microtransaction*",
                                                                  "top up*",
                                                                  "subscription*",
                                                                  "auto renew*",
                                                                  "add on*",
                                                                  "convert*",
                                                                  "conversion*",
                                                                  "reactivat*",
                                                                  "win them back",
                                                                  "win back",
                                                                  "retarget*",
                                                                  "lead scor*",
                                                                  "pay for",
                                                                  "overpriced",
                                                                  "refinanc*",
                                                                  "mark up*",
                                                                  "markup*",
                                                                  "hidden fee*",
                                                                  "surcharge*",
                                                                  "costly",
                                                                  "high apr",
                                                                  "high interest",
                                                                  "sold",
                                                                  "margin",
                                                                  "high margin",
                                                                  "highest rate",
                                                                  "top rate",
                                                                  "short term loan*",
                                                                  "high cost credit",
                                                                  "high cost loan*",
                                                                  "expensive loan*",
                                                                  "consolidation loan*",
                                                                  "extra charge*",
                                                                  "extra fee*",
                                                                  "add fees",
                                                                  "illegal fee*",
                                                                  "excess fee*",
                                                                  "worse rate*",
                                                                  "worse exchange rate*",
                                                                  "poorer rate*",
                                                                  "higher price*",
                                                                  "bequest*",
                                                                  "large gift*",
                                                                  "donation*",
                                                                  "donate",
                                                                  "legacy gift*",
                                                                  "gem pack*",
                                                                  "in app purchase*",
                                                                  "credit offer*",
                                                                  "credit product*",
                                                                  "push them into",
                                                                  "pushes them into",
                                                                  "pressure them",
                                                                  "accept a poorer",
                                                                  "accept a worse",
                                                                  "upgrade*",
                                                                  "deals",
                                                                  "paid spin*",
                                                                  "spins",
                                                                  "premium plan*",
                                                                  "funeral plan*",
                                                                  "annuit*",
                                                                  "in app outfit*",
                                                                  "financed",
                                                                  "loan offer*",
                                                                  "plan upgrade*",
                                                                  "apr",
                                                                  "affiliate*",
                                                                  "click through*",
                                                                  "clicks through",
                                                                  "diet pill*",
                                                                  "diet product*",
                                                                  "fat burner*",
                                                                  "highest price*",
                                                                  "highest weekly price",
                                                                  "will still sign",
                                                                  "still pay",
                                                                  "premium service*",
                                                                  "premium order*",
                                                                  "paid premium*"});

// Before the push, a negation: it is withheld ("removed from all marketing", "no offers",
// "ad-free"). After it, what is offered is help, or the word is a record, not a push.
constexpr auto kPushDenied = std::to_array<std::string_view>(
    {"no", "not", "never", "without", "block*", "stop*", "suppress*", "withh*", "exclude*",
     "removed from", "remove from", "pause*", "ban*", "ad free", "ads free", "refuse*",
     "refusing"});
constexpr auto kNotAPush = std::to_array<std::string_view>({"help",
                                                            "support",
                                                            "advice",
                                                            "counsel*",
                                                            "transport",
                                                            "assistance",
                                                            "treatment",
                                                            "care",
                                                            "referral*",
                                                            "a break",
                                                            "limit*",
                                                            "forecast*",
                                                            "history",
                                                            "vaccin*",
                                                            "awareness",
                                                            "public health",
                                                            "safety",
                                                            "information",
                                                            "ad free",
                                                            "ads free",
                                                            "lesson*",
                                                            "exercise*",
                                                            "class*",
                                                            "training",
                                                            "payment holiday*",
                                                            "holiday*",
                                                            "forbearance",
                                                            "relief",
                                                            "hardship",
                                                            "debt advice",
                                                            "protect*",
                                                            "safer",
                                                            "cooling off",
                                                            "self exclu*",
                                                            "deposit limit*",
                                                            "spending limit*",
                                                            "lower limit*",
                                                            "responsible",
                                                            "harm reduction",
                                                            "reality check*",
                                                            "time out*",
                                                            "break*",
                                                            "warn*",
                                                            "alert*",
                                                            "budget*",
                                                            "opt in",
                                                            "opted in",
                                                            "who opt",
                                                            "blood",
                                                            "plasma",
                                                            "organ*",
                                                            "jan",
                                                            "feb",
                                                            "mar",
                                                            "january",
                                                            "february",
                                                            "march",
                                                            "hang up",
                                                            "call back"});

// Article 5(1)(a) described in other words: a technique people cannot notice, or one that
// deceives them, used to steer what they do (buy, sign, pay, stay subscribed).
constexpr auto kBelowAwareness = std::to_array<std::string_view>({"cannot consciously",
                                                                  "consciously register",
                                                                  "consciously notice",
                                                                  "consciously hear",
                                                                  "consciously perceive",
                                                                  "consciously see",
                                                                  "below the level",
                                                                  "below the threshold",
                                                                  "threshold of awareness",
                                                                  "threshold of perception",
                                                                  "without realising",
                                                                  "without realizing",
                                                                  "without being aware",
                                                                  "without their knowledge",
                                                                  "imperceptible",
                                                                  "inaudible",
                                                                  "near invisible",
                                                                  "invisible",
                                                                  "too brief",
                                                                  "too short to notice",
                                                                  "single frame*",
                                                                  "hidden cue*",
                                                                  "hidden frame*",
                                                                  "hidden message*",
                                                                  "hidden fee*",
                                                                  "hides fee*",
                                                                  "hides the",
                                                                  "flicker*",
                                                                  "faint",
                                                                  "fake",
                                                                  "fabricated",
                                                                  "invented",
                                                                  "false scarcity",
                                                                  "disguised",
                                                                  "poses as",
                                                                  "posing as",
                                                                  "pretend*",
                                                                  "impersonat*",
                                                                  "imitates the voice",
                                                                  "imitating the voice",
                                                                  "cloned voice*",
                                                                  "voice clone*",
                                                                  "do not exist",
                                                                  "does not exist",
                                                                  "believe they have",
                                                                  "misleading",
                                                                  "deceptive",
                                                                  "deceiv*",
                                                                  "trick*",
                                                                  "opt out hidden",
                                                                  "hidden opt out",
                                                                  "look alike",
                                                                  "below perception",
                                                                  "perception threshold",
                                                                  "hearing threshold",
                                                                  "below hearing",
                                                                  "whisper*",
                                                                  "during deep sleep",
                                                                  "during sleep",
                                                                  "while asleep",
                                                                  "near miss*",
                                                                  "staged",
                                                                  "differ from the real",
                                                                  "false notice*",
                                                                  "false claim*",
                                                                  "false promise*",
                                                                  "false statement*",
                                                                  "false urgency",
                                                                  "as if by",
                                                                  "as if from",
                                                                  "as if they come from",
                                                                  "look as if",
                                                                  "in the style of a",
                                                                  "pretending",
                                                                  "without them realising",
                                                                  "without them realizing",
                                                                  "without them noticing",
                                                                  "without them knowing",
                                                                  "without the user noticing",
                                                                  "without users noticing",
                                                                  "without noticing",
                                                                  "never consciously",
                                                                  "not consciously",
                                                                  "covertly",
                                                                  "sub audible",
                                                                  "subaudible",
                                                                  "inaudibl*",
                                                                  "passes itself off",
                                                                  "passing itself off",
                                                                  "posing as a",
                                                                  "synthetic doctor*",
                                                                  "synthetic expert*",
                                                                  "synthetic presenter*",
                                                                  "synthetic testimonial*",
                                                                  "fictitious",
                                                                  "fictional customer*",
                                                                  "bogus",
                                                                  "generated, not real",
                                                                  "look like a confirmation",
                                                                  "looks like a confirmation",
                                                                  "quietly steer*",
                                                                  "secretly",
                                                                  "never mentions",
                                                                  "never disclose*",
                                                                  "undisclosed",
                                                                  "neutral comparison",
                                                                  "misstat*",
                                                                  "falsehood*",
                                                                  "mislead*",
                                                                  "sub second image*",
                                                                  "sub second frame*",
                                                                  "sub second flash*",
                                                                  "split second image*",
                                                                  "split second frame*",
                                                                  "too short for",
                                                                  "false warning*",
                                                                  "false badge*",
                                                                  "not true",
                                                                  "untrue",
                                                                  "pre tick*",
                                                                  "preticked",
                                                                  "pre ticked",
                                                                  "swapped button*",
                                                                  "swapped label*",
                                                                  "clones the voice",
                                                                  "clone the voice",
                                                                  "cloned the voice",
                                                                  "voice of a relative",
                                                                  "frame flash*",
                                                                  "spliced in",
                                                                  "spliced into",
                                                                  "under the music",
                                                                  "db under",
                                                                  "almost inaudible",
                                                                  "barely audible",
                                                                  "barely visible",
                                                                  "voice layer",
                                                                  "hidden voice",
                                                                  "presents itself as a real",
                                                                  "presents itself as a human",
                                                                  "presents itself as a named",
                                                                  "named human",
                                                                  "invents personal",
                                                                  "invents urgent",
                                                                  "invents crises",
                                                                  "invents deadline*",
                                                                  "not noticed",
                                                                  "but not noticed",
                                                                  "never noticed",
                                                                  "masked voice*",
                                                                  "masked audio",
                                                                  "masked prompt*",
                                                                  "present themselves as real",
                                                                  "present themselves as human",
                                                                  "presents itself as a person",
                                                                  "never disclosing the",
                                                                  "never disclosing that",
                                                                  "that it is a bot",
                                                                  "persuasion tactic*",
                                                                  "below waking",
                                                                  "below awareness",
                                                                  "below conscious*",
                                                                  "beneath awareness",
                                                                  "beneath conscious*",
                                                                  "embedded suggestion*",
                                                                  "least likely to notice",
                                                                  "less likely to notice",
                                                                  "unlikely to notice",
                                                                  "won't notice",
                                                                  "will not notice",
                                                                  "hide the real",
                                                                  "hides the real",
                                                                  "hide the cost",
                                                                  "hides the cost",
                                                                  "hide the fee*",
                                                                  "hides the fee*",
                                                                  "small grey letter*",
                                                                  "small print",
                                                                  "fine print",
                                                                  "without to understand",
                                                                  "without understanding",
                                                                  "near win*",
                                                                  "concealing",
                                                                  "conceals",
                                                                  "conceal the",
                                                                  "losing spins as",
                                                                  "styled to look",
                                                                  "made to look like",
                                                                  "styled as alerts",
                                                                  "look like alerts"});
// Next to the technique: the system finds it rather than uses it ("spot fake reviews"), or
// another sense ("hidden layers", "fake news" checked by a newsroom).
constexpr auto kFindsIt = std::to_array<std::string_view>({"detect*",
                                                           "flag*",
                                                           "spot*",
                                                           "identif*",
                                                           "remov*",
                                                           "block*",
                                                           "filter*",
                                                           "catch*",
                                                           "prevent*",
                                                           "against",
                                                           "find*",
                                                           "screen*",
                                                           "review*",
                                                           "account*",
                                                           "news",
                                                           "document*",
                                                           "id",
                                                           "ids",
                                                           "defect*",
                                                           "layer*",
                                                           "unit*",
                                                           "variable*",
                                                           "state*",
                                                           "markov",
                                                           "fraud*",
                                                           "scam*",
                                                           "phishing",
                                                           "whether",
                                                           "probability",
                                                           "likelihood",
                                                           "invoice*",
                                                           "receipt*",
                                                           "certificate*",
                                                           "listing*",
                                                           "profile*",
                                                           "known",
                                                           "regulator*",
                                                           "crawl*",
                                                           "audit*",
                                                           "inspect*",
                                                           "report*",
                                                           "page*",
                                                           "element*",
                                                           "website*",
                                                           "scanner*",
                                                           "complian*",
                                                           "consumer protection",
                                                           "claim*"});
// What the technique steers: a purchase, a signature, a payment, a subscription kept.
constexpr auto kSteered = std::to_array<std::string_view>({"purchase*",
                                                           "buy*",
                                                           "spend*",
                                                           "sign*",
                                                           "accept*",
                                                           "approve*",
                                                           "authoris*",
                                                           "authoriz*",
                                                           "agree*",
                                                           "upgrade*",
                                                           "subscri*",
                                                           "renew*",
                                                           "payment*",
                                                           "charges",
                                                           "billing",
                                                           "savings",
                                                           "add on*",
                                                           "conversion*",
                                                           "convert*",
                                                           "sales",
                                                           "basket*",
                                                           "checkout*",
                                                           "cancel*",
                                                           "abandon*",
                                                           "bet*",
                                                           "stake*",
                                                           "deposit*",
                                                           "coins",
                                                           "replace*",
                                                           "medication",
                                                           "donat*",
                                                           "vote*",
                                                           "loan*",
                                                           "credit",
                                                           "offer*",
                                                           "switch*",
                                                           "sold",
                                                           "voting",
                                                           "vote",
                                                           "leverag*",
                                                           "trade",
                                                           "trades",
                                                           "trading",
                                                           "orders",
                                                           "order volume",
                                                           "uplift",
                                                           "order value",
                                                           "basket value*",
                                                           "cancellation*",
                                                           "churn",
                                                           "refund*",
                                                           "keep paying",
                                                           "keep them",
                                                           "longer shift*",
                                                           "extra shift*",
                                                           "overtime",
                                                           "keep riding",
                                                           "keep working",
                                                           "extends each",
                                                           "extend their",
                                                           "past fatigue",
                                                           "commission*",
                                                           "sponsor's fund*",
                                                           "high fee fund*",
                                                           "bundles",
                                                           "upsell*",
                                                           "prescription*",
                                                           "spending",
                                                           "credit purchase*",
                                                           "reorder*",
                                                           "shopping list*",
                                                           "shopping basket*",
                                                           "shopping cart*",
                                                           "click*",
                                                           "spend",
                                                           "uptake",
                                                           "watch time",
                                                           "timeshare*",
                                                           "abandons",
                                                           "stays subscribed",
                                                           "supplement*",
                                                           "subscriptions",
                                                           "another drink",
                                                           "more drinks",
                                                           "gem purchase*",
                                                           "gem pack*",
                                                           "gem spend",
                                                           "sign the contract",
                                                           "contract signing",
                                                           "sponsored brand*",
                                                           "investment*",
                                                           "invest",
                                                           "invests",
                                                           "investing",
                                                           "cash out",
                                                           "keep playing",
                                                           "keeps playing",
                                                           "stay longer",
                                                           "stays longer",
                                                           "play longer",
                                                           "prolong*",
                                                           "play time",
                                                           "playing time",
                                                           "session length",
                                                           "keep exercising",
                                                           "extends session*",
                                                           "extend session*"});

bool About(const std::vector<TextMatch>& ms) {
  return std::any_of(ms.begin(), ms.end(), [](const TextMatch& m) {
    return m.path == "summary" || m.path == "task.target" || m.path == "task.description";
  });
}

std::optional<Finding> ExploitsVulnerability(const RuleInput& in) {
  const std::vector<TextField> fields = ProseFields(in.charter);
  std::vector<TextMatch> vulnerable =
      FindPhrases(in, fields, kVulnerable, Guards{kNotThePerson, 2, 2}, &VulnerablePeople());
  // The young count unless the push is addressed to the adults who buy for them: named as
  // such, or a parent who buys ("the toys a parent is likely to buy"), unless the child is
  // made to ask ("ask a parent to buy" is aimed at the child).
  const std::vector<TextField> described = doomed::ProseFieldsNamed(
      in.charter,
      {"summary", "task.target", "task.description", "domain.description", "decision.affected"});
  const bool parent_buys =
      !FindNear(in, described, kParents, Guards{kPester, 3, 0}, kBuys, 5, true).empty();
  const bool pestered = !FindNear(in, described, kPester, Guards{}, kParents, 3, true).empty();
  if (pestered || (FindPhrases(in, described, kAdultBuyer).empty() && !parent_buys)) {
    for (TextMatch& m : FindPhrases(in, fields, kYoung, Guards{kNotThePerson, 2, 2}, &Young())) {
      vulnerable.push_back(std::move(m));
    }
  }
  const std::vector<TextMatch> push =
      FindPhrases(in, fields, kCommercialPush, Guards{kNotAPush, 3, 5, kPushDenied, 8});
  if (vulnerable.empty() || push.empty()) return std::nullopt;
  // One of the two must be in what the project is about (summary, target, description):
  // a 'children's' in a data source's name and an 'offer' in the setting say nothing.
  if (!About(vulnerable) && !About(push)) return std::nullopt;
  Finding f;
  f.span = vulnerable.front().span;
  AddMatches(f, {&vulnerable, &push});
  f.related.push_back(
      {vulnerable.front().span, "a vulnerable state: '" + vulnerable.front().word + "'"});
  f.related.push_back({push.front().span, "a commercial push: '" + push.front().word + "'"});
  f.message = "the project aims a commercial push ('" + push.front().word +
              "') at people in a vulnerable state ('" + vulnerable.front().word +
              "'): exploiting a vulnerability due to age, disability or a social or economic "
              "situation to distort what people do is a prohibited practice under the EU AI "
              "Act, Article 5(1)(b)";
  return f;
}

// A technique below awareness is also said as a perception denied, in any words: "too short
// for the player to notice", "a level listeners can't consciously make out", "customers are
// not told". A denial and a word of perceiving, the denial first, a few words apart.
constexpr auto kDenied =
    std::to_array<std::string_view>({"never", "can't", "cannot", "can not", "without", "too short",
                                     "too brief", "too fast", "too quick", "too quiet", "too faint",
                                     "too small", "unable to", "barely", "hardly", "below what"});
constexpr auto kPerceived = std::to_array<std::string_view>(
    {"noticed", "noticing", "consciously", "perceiv*", "perceptible", "make out", "recalling",
     "discern*", "hear it", "see it", "spot it", "notice it", "to notice"});

std::vector<TextMatch> Technique(const RuleInput& in, std::span<const TextField> fields) {
  std::vector<TextMatch> technique =
      FindPhrases(in, fields, kBelowAwareness, Guards{kFindsIt, 5, 2});
  for (const NearMatch& m :
       FindNear(in, fields, kDenied, Guards{kFindsIt, 5, 0}, kPerceived, 5, true)) {
    TextMatch both = m.a;
    both.word = m.a.word + " ... " + m.b.word;
    both.span = Span{m.a.span.begin, m.b.span.end};
    technique.push_back(std::move(both));
  }
  return technique;
}

std::optional<Finding> BelowAwareness(const RuleInput& in) {
  const std::vector<TextField> fields = ProseFields(in.charter);
  const std::vector<TextMatch> technique = Technique(in, fields);
  const std::vector<TextMatch> steered = FindPhrases(in, fields, kSteered);
  // Anywhere in the charter: a technique of this kind is rarely named by accident, and the
  // data a team lists ("hidden single-frame flashes") may be the only place it shows.
  if (technique.empty() || steered.empty()) return std::nullopt;
  Finding f;
  f.span = technique.front().span;
  AddMatches(f, {&technique, &steered});
  f.related.push_back(
      {technique.front().span,
       "a technique people cannot notice, or a deception: '" + technique.front().word + "'"});
  f.related.push_back({steered.front().span, "what it steers: '" + steered.front().word + "'"});
  f.message = "the project steers what people do ('" + steered.front().word +
              "') with a technique they cannot notice or that deceives them ('" +
              technique.front().word +
              "'): a prohibited practice under the EU AI Act, Article 5(1)(a), when it "
              "distorts their decisions to their harm";
  return f;
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // The answers to the Act's questions first; the text screen below is the second signal.
  if (auto declared = doomed::DeclaredPractice(c, doomed::Practice::kManipulation)) {
    out.push_back(std::move(*declared));
    return;
  }
  Finding f;
  const bool declared =
      c.task.target_kind.has() && *c.task.target_kind == core::TargetKind::kManipulation;
  if (declared) {
    f.span = c.task.target_kind.span;
    f.fields.push_back("task.target_kind");
  }
  // "Manipulation" is also a robot's grasp, a forged photo, a rigged market, and
  // "vulnerabilities" a software flaw; "detect manipulation" is checking for it, not doing
  // it. Those senses are read from the words right next to the match only: "security" or
  // "detect" elsewhere in a field does not switch the rule off.
  const std::vector<TextMatch> matches =
      FindPhrases(in, ProseFields(c), kManipulationWords, Guards{kOtherSense, 5, 2});
  if (!declared && matches.empty()) {
    std::optional<Finding> other = BelowAwareness(in);
    if (!other) other = ExploitsVulnerability(in);
    if (other) {
      doomed::NoteContradiction(c, doomed::Practice::kManipulation, *other);
      out.push_back(std::move(*other));
    }
    return;
  }
  if (!declared) f.span = matches.front().span;
  for (const TextMatch& m : matches) AddMatch(f, m);
  const std::string what =
      declared ? "declares manipulation as its target" : "describes '" + matches.front().word + "'";
  f.message = "the project " + what +
              ": influencing people's behaviour by techniques beyond their awareness, or by "
              "exploiting their age, disability or situation, is a prohibited practice under "
              "the EU AI Act, Article 5(1)(a) and (b)";
  doomed::NoteContradiction(c, doomed::Practice::kManipulation, f);
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d006

RuleDef MakeD006() {
  return RuleDef{
      .meta =
          {
              .id = "D006",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "Manipulating people or exploiting their vulnerabilities",
              .rationale =
                  "Systems that steer people's decisions with subliminal or deceptive "
                  "techniques, or that exploit the vulnerabilities of children, people with "
                  "disabilities or people in financial distress, are banned in the EU since "
                  "February 2025 when they can cause significant harm. A product that works by "
                  "deceiving its users also destroys the trust it depends on.",
              .fix = "redesign the product to inform people's choices openly (what is "
                     "recommended and why) instead of steering them, and take legal advice",
              .references =
                  {
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 5(1)(a) and (b)",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                  },
          },
      .check = d006::Check,
  };
}

}  // namespace foresight::rules
