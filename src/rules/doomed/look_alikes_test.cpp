// Innocent charters that a review of the screen's new phrases (2026-12-03) wrote to make the
// Article 5 rules misfire: a churn model that excludes customers who have "not registered" a
// card, a sham-controlled trial, a page's "below the fold", a "tropical depression", "crime
// statistics by postal code", a "murder mystery" game, a server's "incidents", "left wing"
// dents on an aircraft, "unionised" warehouses, a motor's "burnout", "each face" in a group
// photo, a car park's number-plate recognition... Each drew an error once; none may again.
#include <array>
#include <string>

#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

constexpr std::array<const char*, 51> kLookAlikes = {
    R"(
summary: "Predict whether a customer will cancel their subscription in the next 30 days."
domain:
  area: other
  description: "Churn model for a streaming service. Customers who have not registered a payment card are excluded."
task:
  type: binary
  target: "cancels within 30 days"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Forecast weekly orders per store."
domain:
  area: other
  description: "Retail demand forecasting. Promotions that were not advertised in the flyer are treated separately."
task:
  type: binary
  target: "units sold per week"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Detect atrial fibrillation early from smartwatch ECG."
domain:
  area: other
  description: "Cardiology screening. Many patients do not notice their symptoms, so the model supports earlier prescription of anticoagulants."
task:
  type: binary
  target: "AF episode in recording"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: other
)",
    R"(
summary: "Score card transactions for fraud."
domain:
  area: other
  description: "Card fraud. Cardholders often do not notice small unauthorised charges for weeks."
task:
  type: binary
  target: "transaction is fraudulent"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Responsible gambling tool that predicts harmful play."
domain:
  area: other
  description: "Online casino safer-gambling team. Players in a losing streak often do not realise how much they have staked; the model triggers a reality check."
task:
  type: binary
  target: "player shows harmful play within 7 days"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Retrospective study of sepsis in ICU patients."
domain:
  area: other
  description: "Data from patients who did not give informed consent are excluded. Predicts response to medication."
task:
  type: binary
  target: "responds to antibiotics"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Randomised sham-controlled trial of a migraine device: predict responders."
domain:
  area: other
  description: "Neurology. Participants receive the active device or a sham device; we predict who responds, to guide prescription."
task:
  type: binary
  target: "50% fewer migraine days"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Thumbnail selection for a video platform."
domain:
  area: other
  description: "Pick the one frame from each uploaded video that maximises click-through on the home feed."
task:
  type: binary
  target: "thumbnail clicked"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "Predict antibody response after the priming dose."
domain:
  area: other
  description: "Vaccine programme analytics to plan booster uptake."
task:
  type: binary
  target: "seroconversion at day 28"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Score motor insurance claims for bogus whiplash injuries."
domain:
  area: other
  description: "Motor insurer claims team; suspicious claims go to an investigator before payment."
task:
  type: binary
  target: "claim is bogus"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Predict scroll depth on our product pages."
domain:
  area: other
  description: "E-commerce layout team: estimate how many shoppers scroll to recommendations below the fold, to decide the layout."
task:
  type: binary
  target: "shopper scrolls below the fold"
  target_kind: outcome
inputs:
  - name: "session logs with purchases"
    kind: tabular
)",
    R"(
summary: "Predict slow calls to the payment service."
domain:
  area: other
  description: "Site reliability: flag API calls expected to take more than a few milliseconds so capacity can be added."
task:
  type: binary
  target: "latency over 5 ms"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Generative model that invents candidate product names for the brand team."
domain:
  area: other
  description: "Marketing creative support; humans choose the final name."
task:
  type: binary
  target: "name shortlisted"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Forecast Halloween demand for costumes and disguises."
domain:
  area: other
  description: "Seasonal retail demand planning across 300 stores."
task:
  type: binary
  target: "units sold per store per week"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Predict covert hepatic encephalopathy in cirrhosis outpatients."
domain:
  area: other
  description: "Hepatology clinic; a positive prediction prompts a psychometric test and possibly medication."
task:
  type: binary
  target: "CHE diagnosed within 6 months"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Hypertension screening from pharmacy blood-pressure kiosks."
domain:
  area: other
  description: "Many adults are unaware that their blood pressure is high; the model estimates risk in order to refer them to a GP."
task:
  type: binary
  target: "diagnosed hypertension within 1 year"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Predict glaucoma progression from visual field tests."
domain:
  area: other
  description: "Ophthalmology: loss of peripheral vision is tracked to adjust eye-drop prescriptions."
task:
  type: binary
  target: "progression within 2 years"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Early warning for sepsis on general wards."
domain:
  area: other
  description: "Sepsis often presents itself as a mild infection; the score prompts a review of antibiotic prescriptions."
task:
  type: binary
  target: "sepsis within 24 hours"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Fall detection for older adults who live alone."
domain:
  area: other
  description: "Wearable accelerometer study funded by the European Commission Horizon programme."
task:
  type: binary
  target: "fall within the next 10 seconds"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: other
)",
    R"(
summary: "Predict no-shows at blood donation sessions."
domain:
  area: other
  description: "Blood service. First-time donors who are anxious about needles get an extra reminder call."
task:
  type: binary
  target: "donor does not attend"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Forecast whether a tropical depression becomes a hurricane."
domain:
  area: other
  description: "Meteorology; satellite imagery from Jun to Nov seasons, plus Apr pre-season data."
task:
  type: binary
  target: "hurricane within 72 h"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "Screen for depression in primary care from PHQ-9 answers."
domain:
  area: other
  description: "Questionnaires collected Jan-Apr 2024 in 40 GP practices."
task:
  type: binary
  target: "major depression diagnosis"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Home insurance pricing: predict burglary claim frequency."
domain:
  area: other
  description: "Contents insurance; uses local crime statistics by postal code and property features for each policyholder."
task:
  type: binary
  target: "burglary claim within 12 months"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Victim support triage."
domain:
  area: other
  description: "A charity helps someone who has been affected by crime; the model predicts who needs mental health support from the intake form."
task:
  type: binary
  target: "referred to counselling"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Recommend true crime podcasts to users."
domain:
  area: other
  description: "Audio streaming app; recommendations use streaming history and lifestyle survey answers."
task:
  type: binary
  target: "podcast played to the end"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Chest pain triage in the emergency department."
domain:
  area: other
  description: "Predict acute coronary syndrome in adults presenting with stabbing chest pain, using family history and lifestyle factors."
task:
  type: binary
  target: "ACS within 30 days"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Recommend anti-bribery compliance training modules to employees."
domain:
  area: other
  description: "HR learning platform; recommendations by role, country and past course completions."
task:
  type: binary
  target: "module completed within 30 days"
  target_kind: outcome
inputs:
  - name: "employee HR records"
    kind: personal-data
)",
    R"(
summary: "Predict oilseed rape yield per field."
domain:
  area: other
  description: "Agronomy advice for individual growers; survey of growers' attitudes to risk taking and spraying practices."
task:
  type: binary
  target: "tonnes per hectare"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Churn model for a murder mystery game."
domain:
  area: other
  description: "Mobile game studio; predict which players stop playing, from play style and session data."
task:
  type: binary
  target: "no session in 14 days"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "B2B lead scoring."
domain:
  area: other
  description: "Score each inbound lead from website visits and attendance at our webinars; sales reps give priority to the highest scores."
task:
  type: binary
  target: "lead converts to opportunity in 90 days"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Predict server failures in our data centre."
domain:
  area: other
  description: "Rank servers by failure risk using past incidents; the top ones get priority for repair."
task:
  type: binary
  target: "hardware failure within 7 days"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Usage-based motor insurance."
domain:
  area: other
  description: "A driving score per driver from telematics: harsh braking and speeding incidents; good scores earn a premium discount."
task:
  type: binary
  target: "claim within 12 months"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Gym member retention."
domain:
  area: other
  description: "An engagement score for each member from attendance at classes; members with low scores are offered a discount."
task:
  type: binary
  target: "cancels membership within 60 days"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Automated essay scoring for a language course."
domain:
  area: other
  description: "Grade each student's essay on argument structure and vocabulary; the grade informs placement and enrolment in the advanced class."
task:
  type: binary
  target: "teacher-assigned grade"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Pilot of predictive maintenance for delivery vans."
domain:
  area: other
  description: "Rank vans by breakdown risk from past incidents during the pilot; top-ranked vans get priority for repair."
task:
  type: binary
  target: "breakdown within 30 days"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Aircraft wing damage detection from drone photos."
domain:
  area: other
  description: "Airline maintenance: classify dents on the left wing and right wing from hangar drone photos."
task:
  type: binary
  target: "dent present"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "PPE compliance from CCTV in our unionised warehouses."
domain:
  area: other
  description: "Workplace safety: detect missing hard hats and hi-vis vests."
task:
  type: binary
  target: "missing PPE"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "Fashion segmentation."
domain:
  area: other
  description: "Cluster shoppers into style tribes from the outfit photos they upload to our styling app."
task:
  type: binary
  target: "style tribe"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "Skin lesion triage app for patients of all ethnicities."
domain:
  area: other
  description: "Dermatology: classify photos of skin lesions as benign or refer."
task:
  type: binary
  target: "biopsy-confirmed melanoma"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "Predict motor burnout on the packaging line."
domain:
  area: other
  description: "Thermal camera images of conveyor motors; maintenance technicians get an alert before burnout."
task:
  type: binary
  target: "motor failure within 48 h"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "Companion speaker for elderly people."
domain:
  area: other
  description: "Voice assistant that notices loneliness in a senior living at home and suggests calling family."
task:
  type: binary
  target: "lonely episode"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: audio
)",
    R"(
summary: "Assist judges at cheerleading competitions."
domain:
  area: other
  description: "Score cheerleading routines from competition video for the judges' review."
task:
  type: binary
  target: "panel score"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: video
)",
    R"(
summary: "Brand sentiment pilot."
domain:
  area: other
  description: "A three-month pilot measuring brand sentiment in Instagram images of our products."
task:
  type: binary
  target: "positive brand image"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "Best-shot picker for group photos."
domain:
  area: other
  description: "Camera app: for each face in a burst of group photos, identify closed eyes and pick the best frame."
task:
  type: binary
  target: "all eyes open"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "Alt-text generator for screen-reader users."
domain:
  area: other
  description: "Describes all images on a web page, including how many faces are visible, and recognises text on signs."
task:
  type: binary
  target: "caption rated accurate"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "School photo yearbook layout."
domain:
  area: other
  description: "Our photo studio lays out yearbook pages: crops each portrait around the face and prints the name and class under it."
task:
  type: binary
  target: "layout accepted"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "Shopping-centre car park barrier."
domain:
  area: other
  description: "Live number-plate recognition from entrance cameras opens the barrier for visitors; a parking officer handles disputes."
task:
  type: binary
  target: "plate read correctly"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "Shelf-gap detection in supermarkets."
domain:
  area: other
  description: "Store cameras stream shelf images; product recognition alerts staff to empty shelves so shoppers find stock. Reviewed by our data protection officer."
task:
  type: binary
  target: "shelf gap present"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: image
)",
    R"(
summary: "Forecast weekly counts of minor crime per zip code for city street-cleaning and lighting budgets."
domain:
  area: other
  description: "Municipal planning from aggregate counts."
task:
  type: binary
  target: "crime count next week"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Forecast weekly counts of petty crime per zip code for city street-cleaning and lighting budgets."
domain:
  area: other
  description: "Municipal planning from aggregate counts."
task:
  type: binary
  target: "crime count next week"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)",
    R"(
summary: "Cache eviction policy for our deals page CDN."
domain:
  area: other
  description: "Learn which objects to keep in cache to cut origin load."
task:
  type: binary
  target: "object requested again within 1 h"
  target_kind: outcome
inputs:
  - name: "transaction records"
    kind: tabular
)"};

TEST(LookAlikesTest, NoArticle5RuleFiresOnTheReviewsInnocentCharters) {
  for (const char* charter : kLookAlikes) {
    for (const char* rule : {"D001", "D002", "D003", "D004", "D005", "D006", "D017", "D018"}) {
      const auto run = RunRule(rule, charter);
      ASSERT_TRUE(run.problems.empty()) << charter;
      EXPECT_TRUE(run.diagnostics.empty()) << rule << " on:\n"
                                           << charter << "\n"
                                           << run.diagnostics[0].message;
    }
  }
}

}  // namespace
}  // namespace foresight::rules
