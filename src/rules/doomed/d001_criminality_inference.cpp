// D001: inferring criminality or offending from faces, biometrics, profiling or personality.
#include <array>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/doomed/people_answers.hpp"
#include "rules/lexicon.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/text_match.hpp"

namespace foresight::rules {
namespace d001 {
namespace {

constexpr std::array<std::string_view, 9> kCrimeWords = {"criminal*",  "crime*",    "offender*",
                                                         "offending",  "reoffend*", "recidivis*",
                                                         "delinquen*", "felon*",    "convict*"};

// Right next to an offence word, another sense of it: a crime of transactions (fraud, money
// laundering), which the Act leaves out of the ban (Recital 42); extremist content a moderator
// removes; a crime novel, a podcast or a game; crime statistics; oilseed rape.
constexpr auto kNotAnOffence = std::to_array<std::string_view>(
    {"financial",    "economic",    "fraud*",     "money laundering",
     "white collar", "cyber*",      "content",    "material*",
     "propaganda",   "video*",      "post",       "posts",
     "novel*",       "fiction",     "game*",      "film*",
     "podcast*",     "documentar*", "true",       "anti",
     "victim*",      "mystery",     "statistic*", "oilseed",
     "seed*"});

// When no person-level input is declared, the prose says the same in three parts: a future
// offence (in other words too: steal, launder money, commit violence, police contact); by a
// person, one at a time; and evidence about who they are, not what they did (personality,
// traits, appearance, face or voice, origin, family, postcode, tastes). A forecast of crime
// per area, or an assessment from a person's criminal record, stays silent.
constexpr auto kOffenceWords = std::to_array<std::string_view>({"commit a new offence",
                                                                "commit an offence",
                                                                "committing an offence",
                                                                "offences",
                                                                "offence*",
                                                                "offense*",
                                                                "will steal",
                                                                "steal from",
                                                                "shoplift*",
                                                                "launder*",
                                                                "unlawful",
                                                                "violent crime*",
                                                                "commit violence",
                                                                "police contact",
                                                                "dangerousness",
                                                                "commit fraud",
                                                                "commits a",
                                                                "commit a crime",
                                                                "commit crimes",
                                                                "burglar*",
                                                                "robber*",
                                                                "theft",
                                                                "thefts",
                                                                "terrorist offence*",
                                                                "terrorist act*",
                                                                "assault*",
                                                                "violent offence*",
                                                                "vandalis*",
                                                                "drug dealing",
                                                                "smuggl*",
                                                                "carrying drugs",
                                                                "deal drugs",
                                                                "dealing drugs",
                                                                "grooming offence*",
                                                                "domestic violence",
                                                                "future fraudsters",
                                                                "benefit fraud",
                                                                "arrest*",
                                                                "future trouble",
                                                                "violent disorder",
                                                                "commit violent*",
                                                                "commit insurance fraud",
                                                                "violent attack*",
                                                                "terror attack*",
                                                                "terrorist attack*",
                                                                "extremis*",
                                                                "radicalis*",
                                                                "radicaliz*",
                                                                "goes on to commit",
                                                                "go on to commit",
                                                                "going on to commit",
                                                                "commits a new",
                                                                "commit a new",
                                                                "reoffend*",
                                                                "re offend*",
                                                                "recidiv*",
                                                                "repeat offen*",
                                                                "break the law",
                                                                "breaks the law",
                                                                "law breaking",
                                                                "delinquen*",
                                                                "gang member*",
                                                                "gang affiliat*",
                                                                "join a gang",
                                                                "joining a gang",
                                                                "homicide*",
                                                                "murder*",
                                                                "sexual offen*",
                                                                "arson*",
                                                                "pickpocket*",
                                                                "trafficking",
                                                                "extortion",
                                                                "rape",
                                                                "rapes",
                                                                "rapist*",
                                                                "bribe*",
                                                                "drug courier*",
                                                                "drug mule*",
                                                                "gangs",
                                                                "gang involvement",
                                                                "gang involved",
                                                                "join gang*",
                                                                "tax fraud",
                                                                "tax evasion",
                                                                "cheat on tax*",
                                                                "evade tax*",
                                                                "take part in violence",
                                                                "engage in violence",
                                                                "violent behaviour",
                                                                "violent behavior",
                                                                "hooligan*",
                                                                "new offence",
                                                                "shoplifter*",
                                                                "thief",
                                                                "thieves",
                                                                "smuggler*",
                                                                "traffickers",
                                                                "do violence",
                                                                "be violent",
                                                                "violent at",
                                                                "fraudulent claim*",
                                                                "file a fraudulent"});
constexpr auto kOnePerson = std::to_array<std::string_view>({"a person",
                                                             "the person",
                                                             "each person",
                                                             "young person",
                                                             "individual*",
                                                             "pupil*",
                                                             "applicant*",
                                                             "customer*",
                                                             "shopper*",
                                                             "employee*",
                                                             "user*",
                                                             "detainee*",
                                                             "caller*",
                                                             "holder*",
                                                             "hire*",
                                                             "claimant*",
                                                             "tenant*",
                                                             "passenger*",
                                                             "visitor*",
                                                             "suspect*",
                                                             "who will",
                                                             "whom",
                                                             "resident*",
                                                             "young men",
                                                             "young women",
                                                             "teenager*",
                                                             "youth*",
                                                             "juvenile*",
                                                             "citizen*",
                                                             "inhabitant*",
                                                             "migrant*",
                                                             "named",
                                                             "traveller*",
                                                             "traveler*",
                                                             "prisoner*",
                                                             "player*",
                                                             "adult*",
                                                             "every adult",
                                                             "buyer*",
                                                             "student*",
                                                             "policyholder*",
                                                             "guest*",
                                                             "member*",
                                                             "supporter*",
                                                             "patron*",
                                                             "client*",
                                                             "borrower*",
                                                             "candidate*",
                                                             "worker*",
                                                             "driver*",
                                                             "learner*",
                                                             "children",
                                                             "inmate*",
                                                             "parolee*",
                                                             "probationer*",
                                                             "convict*",
                                                             "ex offender*",
                                                             "released prisoner*",
                                                             "defendant*",
                                                             "arrestee*",
                                                             "accused",
                                                             "subscriber*",
                                                             "follower*",
                                                             "staff member*",
                                                             "rider*",
                                                             "courier*",
                                                             "renter*",
                                                             "lodger*",
                                                             "neighbour",
                                                             "neighbours",
                                                             "neighbor",
                                                             "neighbors",
                                                             "attendee*",
                                                             "spectator*",
                                                             "pedestrian*",
                                                             "commuter*",
                                                             "asylum seeker*",
                                                             "refugee*",
                                                             "newcomer*",
                                                             "girl*",
                                                             "boy",
                                                             "boys",
                                                             "locals",
                                                             "fans",
                                                             "adolescent*",
                                                             "taxpayer*",
                                                             "self employed",
                                                             "season ticket holder*",
                                                             "12 17 year olds",
                                                             "year olds",
                                                             "teens",
                                                             "minors",
                                                             "kids"});
constexpr auto kWhoTheyAre = std::to_array<std::string_view>({"personality",
                                                              "psychometric*",
                                                              "trait*",
                                                              "temperament",
                                                              "psychological",
                                                              "impulsivity",
                                                              "big five",
                                                              "character",
                                                              "appearance",
                                                              "clothing",
                                                              "face",
                                                              "faces",
                                                              "facial*",
                                                              "voice*",
                                                              "accent*",
                                                              "ethnicity",
                                                              "nationality",
                                                              "demographic*",
                                                              "age and sex",
                                                              "postcode",
                                                              "neighbourhood",
                                                              "neighborhood",
                                                              "family structure",
                                                              "single-parent",
                                                              "household type",
                                                              "music taste*",
                                                              "likes",
                                                              "writing style",
                                                              "perceived background",
                                                              "psychographic*",
                                                              "family background",
                                                              "religiosity",
                                                              "religious activity",
                                                              "religious practice",
                                                              "political view*",
                                                              "friends",
                                                              "social network*",
                                                              "surname*",
                                                              "neighbourhood of origin",
                                                              "who they follow",
                                                              "social follows",
                                                              "follows",
                                                              "age and gender",
                                                              "gender",
                                                              "childhood*",
                                                              "psychological profile",
                                                              "household composition",
                                                              "family composition",
                                                              "play style",
                                                              "loneliness",
                                                              "lonely",
                                                              "gaming habit*",
                                                              "streaming history",
                                                              "upbringing",
                                                              "childhood",
                                                              "parental",
                                                              "family history",
                                                              "mental health",
                                                              "body language",
                                                              "gait",
                                                              "tattoo*",
                                                              "hairstyle*",
                                                              "religion",
                                                              "faith",
                                                              "hobbies",
                                                              "search history",
                                                              "reading habits",
                                                              "attitude*",
                                                              "beliefs",
                                                              "temper",
                                                              "empathy",
                                                              "self control",
                                                              "risk taking",
                                                              "sensation seeking",
                                                              "iq",
                                                              "school record*",
                                                              "truancy",
                                                              "housing estate",
                                                              "birthplace",
                                                              "country of origin",
                                                              "ethnic*",
                                                              "migrant background",
                                                              "friends list",
                                                              "phone contacts",
                                                              "who they know",
                                                              "peer group",
                                                              "online behaviour",
                                                              "online behavior",
                                                              "peer network*",
                                                              "social graph",
                                                              "social connection*",
                                                              "online friends",
                                                              "forum activity"});

// Evidence that can only be about one person: with it, the prose needs no word for the person
// ("uses only a personality inventory and upbringing" says whose). Where someone lives or
// what group they belong to needs a person named too: a forecast per neighbourhood is not
// profiling.
constexpr auto kOnlyOfAPerson = std::to_array<std::string_view>(
    {"personality", "psychometric*", "temperament", "impulsivity", "big five", "upbringing",
     "family background", "peer group", "peer network*", "psychological profile", "writing style",
     "play style", "music taste*"});

constexpr auto kLabelWords =
    std::to_array<std::string_view>({"label*", "ground truth", "annotat*", "outcome*"});

bool AnyOf(const std::vector<TextMatch>& a) { return !a.empty(); }

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // The answers to the Act's questions first; the text screen below is the second signal.
  if (auto declared = doomed::DeclaredPractice(c, doomed::Practice::kCriminalityProfiling)) {
    out.push_back(std::move(*declared));
    return;
  }
  Finding f;
  // Structured signal first: the declared kind of target.
  const bool declared =
      c.task.target_kind.has() && *c.task.target_kind == core::TargetKind::kCriminalOffence;
  if (declared) {
    f.span = c.task.target_kind.span;
    f.fields.push_back("task.target_kind");
  }
  // Secondary signal: the words of the target and the project's descriptions. "Financial
  // crime" (fraud, money laundering) is about suspicious transactions, which the Act leaves
  // out of the ban (Recital 42), not about a person's criminality: those words count only
  // right next to the crime word, never anywhere in the field.
  std::vector<TextMatch> matches =
      FindPhrases(in, ProseFields(c), kCrimeWords, Guards{kNotAnOffence, 2, 2});
  if (matches.empty()) {
    matches = FindPhrases(in,
                          doomed::ProseFieldsNamed(c, {"summary", "task.target", "task.description",
                                                       "domain.description", "decision.affected"}),
                          kOffenceWords, Guards{kNotAnOffence, 2, 2}, &Offences());
    // The training labels name what is predicted: "label: arrested within two years".
    if (matches.empty()) {
      std::vector<TextField> inputs;
      for (const TextField& field : ProseFields(c)) {
        if (field.path.rfind("inputs[", 0) == 0) inputs.push_back(field);
      }
      // Names are short: the two in the same one ("training label: arrested").
      const std::vector<TextMatch> offence =
          FindPhrases(in, inputs, kOffenceWords, Guards{kNotAnOffence, 2, 2});
      const std::vector<TextMatch> labels = FindPhrases(in, inputs, kLabelWords);
      for (const TextMatch& o : offence) {
        for (const TextMatch& l : labels) {
          if (o.path == l.path && matches.empty()) matches.push_back(o);
        }
      }
    }
  }
  if (!declared && matches.empty()) return;
  if (!declared) f.span = matches.front().span;
  for (const TextMatch& m : matches) AddMatch(f, m);

  // Prohibited when the evidence is about the person: their face or body, their profile,
  // their personality. Place-based forecasting (where, not who) is left to D007.
  const std::vector<size_t> personal =
      InputsOfKind(c, {core::InputKind::kFace, core::InputKind::kBiometric,
                       core::InputKind::kPersonalData, core::InputKind::kBehaviour});
  const bool personality =
      c.task.target_kind.has() && *c.task.target_kind == core::TargetKind::kPersonality;
  if (personal.empty() && !personality) {
    // Nothing declared about the person: read the prose for a person and who they are.
    const std::vector<TextField> prose = ProseFields(c);
    const std::vector<TextMatch> person = FindPhrases(in, prose, kOnePerson);
    const std::vector<TextMatch> who = FindPhrases(in, prose, kWhoTheyAre);
    const std::vector<TextMatch> only_of_a_person = FindPhrases(in, prose, kOnlyOfAPerson);
    if (!AnyOf(who) || (!AnyOf(person) && !AnyOf(only_of_a_person))) return;
    for (const TextMatch& m : who) AddMatch(f, m);
    f.related.push_back({who.front().span, "who the person is: '" + who.front().word + "'"});
    f.message = "the project predicts a person's future offending from who they are ('" +
                who.front().word +
                "'), not from what they did: a prohibited practice under the "
                "EU AI Act, Article 5(1)(d)";
    doomed::NoteContradiction(c, doomed::Practice::kCriminalityProfiling, f);
    out.push_back(std::move(f));
    return;
  }
  std::string from;
  for (size_t i : personal) {
    f.fields.push_back("inputs[" + std::to_string(i) + "].kind");
    from += (from.empty() ? "" : ", ") + std::string(core::NameOf(*c.inputs[i].kind));
    f.related.push_back({c.inputs[i].kind.span, "the person-level input is declared here"});
  }
  f.message = "the project predicts criminal offending from who a person is (" + from +
              "): a prohibited practice under the EU AI Act, Article 5";
  doomed::NoteContradiction(c, doomed::Practice::kCriminalityProfiling, f);
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d001

RuleDef MakeD001() {
  return RuleDef{
      .meta =
          {
              .id = "D001",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "Predicting criminality from faces, biometrics or profiling",
              .rationale =
                  "Systems that assess whether a person will commit a crime from their face, "
                  "their body, their profile or their personality are banned in the EU since "
                  "February 2025, and the science behind them does not hold: such models learn "
                  "the biases of past policing, not criminality. A project like this cannot "
                  "ship, whatever its accuracy.",
              .fix = "stop the project, or reframe it: support a human assessment based on "
                     "objective, verifiable facts directly linked to a criminal activity, and "
                     "take legal advice",
              .references =
                  {
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 5(1)(d)",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                      {"Wu & Zhang 2016, 'Automated inference on criminality using face images', "
                       "and the critique by Agüera y Arcas, Mitchell & Todorov 2017, "
                       "'Physiognomy's "
                       "New Clothes'",
                       "https://medium.com/@blaisea/physiognomys-new-clothes-f2d4b59fdd6a"},
                  },
          },
      .check = d001::Check,
  };
}

}  // namespace foresight::rules
