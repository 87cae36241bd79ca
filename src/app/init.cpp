#include "app/init.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "app/workspace.hpp"
#include "base/files.hpp"

namespace foresight::app {
namespace {

// Kept in step with docs/charter.md; a test checks that it parses and that `check` finds
// only placeholders in it.
constexpr std::string_view kTemplate =
    R"(# foresight.yaml — the project charter, checked by `foresight check`.
#
# Replace every TODO with the real answer (or delete a line that does not apply).
# `foresight check` reports each TODO until it is filled in. Field reference: docs/charter.md.
version: 1

project:
  name: TODO              # a short name
  owner: TODO             # the person accountable for the project
  start: TODO             # YYYY-MM-DD

summary: TODO             # two or three sentences: what will the model do, for whom, and why
archetype: TODO           # software-2.0 | human-in-the-loop | autonomous

domain:
  area: TODO              # e.g. credit, employment, healthcare, retail, science, other
  description: TODO

decision:
  affected: TODO          # who is affected by the model's outputs
  mode: TODO              # assist (a person decides) | automate (the model decides)
  human_oversight: TODO   # true if a person can review and override every decision
  fallback: TODO          # what happens when the model is wrong or unsure
  stakes: TODO            # low | medium | high: the cost of one wrong decision

task:
  type: TODO              # binary | multiclass | multilabel | regression | ranking | ...
  target: TODO            # what is predicted, in words
  target_kind: TODO       # outcome | identity | emotion | personality | ...
  granularity: TODO       # coarse | fine-grained (e.g. species) | instance (e.g. individuals)
  classes: TODO           # number of classes, for classification
  target_observable: TODO # true if the target is recorded directly, not a proxy

inputs:
  - name: TODO            # what the model sees
    kind: TODO            # tabular | text | image | face | biometric | personal-data | ...
    available_at_prediction: TODO  # true if known at the moment of prediction

# The EU AI Act's questions about people (docs/charter.md#people). Answer every one when
# an input or the target concerns people; `concerned: false` for machines, goods or places.
people:
  concerned: TODO           # true if any input or the target concerns natural persons
  infers: TODO              # [none] or e.g. [emotions]: criminal-offence-risk, emotions,
                            # race-or-ethnic-origin, political-opinions, trade-union-membership,
                            # religious-or-philosophical-beliefs, sex-life-or-sexual-orientation,
                            # social-score, other
  inferred_from: TODO       # e.g. [conduct-facts]: face, voice, gait, other-biometric,
                            # online-behaviour, social-behaviour, personality-traits, other
  settings: TODO            # [none] or e.g. [credit]: workplace, hiring, education,
                            # public-services, law-enforcement, migration, justice, insurance,
                            # critical-infrastructure, biometric-identification, other
  exploits_vulnerability: TODO  # [none] or age, disability, social-or-economic-situation, addiction
  subliminal_techniques: TODO   # true if it influences people below their awareness
  untargeted_face_scraping: TODO
  remote_identification: TODO   # none | after-the-fact | real-time: identifying people at a distance
  public_spaces: TODO           # if it identifies people remotely: true if in places open to the public

data:
  sources:
    - name: TODO
      owner: TODO         # who controls access
      access: TODO        # granted | requested | negotiating | unknown | denied
      rows: TODO
      license: TODO
      personal_data: TODO # true if it holds data about identifiable people
      legal_basis: TODO   # consent | contract | legitimate-interests | ... (GDPR Art. 6)
      collection: TODO    # internal | partner | purchased | public-dataset | scraped | ...
  features: TODO          # number of input features, for tabular data
  minority_class_fraction: TODO  # share of the rarest class, 0..0.5

labels:
  source: TODO            # manual | crowd | existing | derived | weak
  examples_per_class: TODO  # labelled examples in the smallest class
  agreement: TODO         # inter-annotator agreement (e.g. Cohen's kappa), 0..1

success:
  metric: TODO            # the one number that decides, e.g. recall_at_precision{p=0.9}
  threshold: TODO         # the value it must reach
  confidence: TODO        # e.g. 0.95: success is judged on the interval, not the point
  evaluation:
    name: TODO
    size: TODO            # number of examples in the evaluation set
    drawn_like_production: TODO  # true if sampled the way production data will arrive
  guardrails:
    - metric: TODO        # a metric that must not get worse, e.g. a per-group gap
      max: TODO
      slice: TODO         # e.g. sex, age band, region
  kpi:
    name: TODO            # the business number this project moves
    link: TODO            # how the ML metric moves it
  owner: TODO             # who on the business side owns the criteria
  sign_off: TODO          # YYYY-MM-DD when they signed them off

constraints:
  interpretability: TODO  # required | preferred | none
  deployment: TODO        # batch | online | edge
  latency_ms: TODO
  cost_per_1000: TODO     # serving cost per 1,000 predictions

baselines:
  - kind: TODO            # heuristic | published | human | simple-ml
    name: TODO
    value: TODO           # on the primary metric

team:
  - role: TODO            # data-scientist | ml-engineer | data-engineer | devops | annotator | ...
    count: TODO
    from_week: TODO
    to_week: TODO

plan:
  budget_person_weeks: TODO
  iteration_days: TODO    # how long one experiment round takes
  feedback_loops:
    - TODO                # e.g. weekly error review with the domain experts
  methods:
    - name: TODO          # e.g. logistic regression on the tabular features
      hypothesis: TODO
      effort: {optimistic: TODO, likely: TODO, pessimistic: TODO}  # person-weeks
      interpretable: TODO
    - name: TODO          # e.g. gradient-boosted trees
      hypothesis: TODO
      effort: {optimistic: TODO, likely: TODO, pessimistic: TODO}
      interpretable: TODO

monitoring:
  metrics:
    - TODO
  drift: TODO             # true if input drift is watched
  owner: TODO
  retraining: TODO

governance:
  bias_evaluation: TODO   # true if performance is compared across groups before release
  documentation: TODO
  risk_assessment: TODO

# What `foresight gate` checks before a model ships (optional; see docs/gate.md):
# gate:
#   production: NAME      # the run of the model in production: the candidate must be no worse
#   margin: 0.01          # how much worse still counts as no worse
#   max_calibration_error: 0.05
)";

}  // namespace

std::string_view CharterTemplate() { return kTemplate; }

Result<InitOutcome> RunInit(const InitOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(options.directory, ec);
  if (ec) {
    return Fail(ErrorCode::kInvalidArgument,
                "cannot create directory '" + options.directory + "': " + ec.message());
  }
  const std::string path =
      (std::filesystem::path(options.directory) / "foresight.yaml").lexically_normal().string();
  // Remote mode: the project on the server is the workspace (made first, so a refusal leaves
  // the folder as it was); the charter stays in the folder.
  const auto remote = RemoteFromEnvironment();
  if (remote) {
    auto store = OpenRemoteWorkspaceStore(*remote, store::Access::kCreate);
    if (!store) return Fail(store.error());
  }
  InitOutcome outcome;
  outcome.charter = path;
  std::error_code exists_ec;
  if (options.force || !std::filesystem::exists(path, exists_ec)) {
    Status written = WriteFileAtomic(path, std::string(kTemplate), /*overwrite=*/true);
    if (!written) return Fail(written.error());
    outcome.charter_written = true;
  }
  if (remote) {
    outcome.workspace = fmt::format("project '{}' on {}", remote->project, remote->url);
    return outcome;
  }
  auto workspace = CreateWorkspace(options.directory);
  if (!workspace) return Fail(workspace.error());
  outcome.workspace =
      (std::filesystem::path(options.directory) / kWorkspaceDir).lexically_normal().string();
  return outcome;
}

}  // namespace foresight::app
