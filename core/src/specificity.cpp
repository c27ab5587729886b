#include "specificity.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <vector>

namespace debrief {
namespace {

constexpr int kSpecificWords = 2;
// U+2019, the apostrophe phones type: "you’ve" is "you've".
constexpr std::string_view kRightQuote = "\xE2\x80\x99";

// Words that fit any kudos and so say nothing about this one, grouped by
// why. A specific kudos names what was done to what, where, when or how
// much ("fixed the login bug before the demo", "we shipped on Friday");
// vague praise is made of these words instead. Words that are as often
// concrete ("board", "hand", "drive") are left out: the two words a kudos
// needs absorb one such word in vague praise. Lower case, every form
// listed (no stemming), so that what counts is plain to read.

// Grammar: articles, pronouns, prepositions, conjunctions, auxiliaries and
// quantifiers. "nobody" and "none" are not here: "nobody waited" is a result
// one can check.
constexpr std::string_view kFunctionWords[] = {
    "about", "above", "across", "after", "again", "against", "all", "along", "also", "although",
    "among", "and", "another", "any", "anybody", "anyone", "anything", "are", "around", "away",
    "because", "been", "before", "behind", "being", "below", "beside", "besides", "between",
    "beyond", "both", "but", "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "does",
    "doesn't", "don't", "down", "during", "each", "either", "else", "even", "ever", "every",
    "everybody", "everyone", "everything", "few", "for", "from", "had", "has", "hasn't", "have",
    "haven't", "having", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i'd",
    "i'll", "i'm", "i've", "inside", "into", "isn't", "it's", "its", "itself", "just", "let",
    "let's", "like", "many", "may", "might", "mine", "more", "most", "much", "must", "myself",
    "neither", "nor", "not", "now", "off", "once", "only", "onto", "other", "others", "our", "ours",
    "ourselves", "out", "outside", "over", "own", "per", "same", "shall", "she", "should", "since",
    "some", "somebody", "someone", "something", "such", "than", "that", "that's", "the", "their",
    "theirs", "them", "themselves", "then", "there", "there's", "these", "they", "they're",
    "they've", "this", "those", "though", "through", "throughout", "till", "too", "toward",
    "towards", "under", "until", "upon", "very", "via", "was", "wasn't", "way", "we'd", "we'll",
    "we're", "we've", "were", "weren't", "what", "whatever", "when", "whenever", "where",
    "wherever", "whether", "which", "while", "who", "whoever", "whole", "whom", "whose", "why",
    "will", "with", "within", "without", "won't", "would", "wouldn't", "yet", "you", "you'd",
    "you'll", "you're", "you've", "your", "yours", "yourself", "yourselves"};

// Praise, thanks and intensifiers: how much the writer liked it, not what
// it was.
constexpr std::string_view kPraise[] = {
    "absolutely", "amazing", "amazingly", "appreciate", "appreciated", "appreciation", "awesome",
    "awesomeness", "best", "big", "bravo", "brilliant", "cheers", "congrats", "congratulations",
    "cool", "excellent", "exceptional", "extraordinary", "fab", "fabulous", "fantastic",
    "genuinely", "good", "grateful", "gratitude", "great", "greatest", "hero", "heroes", "huge",
    "hugely", "impressive", "incredible", "incredibly", "kudos", "legend", "legendary", "lot",
    "lots", "love", "lovely", "marvellous", "massive", "massively", "million", "nice",
    "outstanding", "perfect", "phenomenal", "real", "really", "remarkable", "rock", "rocks",
    "rockstar", "shout", "shoutout", "solid", "spectacular", "splendid", "star", "stellar", "super",
    "superb", "superstar", "terrific", "thank", "thanks", "tons", "totally", "tremendous", "true",
    "truly", "well", "wonderful", "wow"};

// Virtues, attitudes and roles: what kind of colleague someone is, true of
// them on any day.
constexpr std::string_view kVirtues[] = {
    "attention", "attitude", "calm", "caring", "cheerful", "collaboration", "collaborative",
    "colleague", "commitment", "committed", "communication", "communicator", "confidence",
    "confident", "consistent", "creative", "creativity", "dedicated", "dedication", "dependable",
    "diligence", "diligent", "energy", "enthusiasm", "enthusiastic", "ethic", "excellence",
    "expertise", "flexibility", "flexible", "friendly", "generosity", "generous", "guidance",
    "guys", "hardworking", "helpful", "helpfulness", "honest", "honesty", "humble", "hustle",
    "idea", "ideas", "initiative", "insight", "insights", "inspiration", "inspiring", "integrity",
    "kind", "kindness", "knowledge", "leader", "leadership", "listener", "mentor", "mindset",
    "motivated", "motivating", "motivation", "organised", "organized", "ownership", "passion",
    "passionate", "patience", "patient", "person", "player", "positive", "positivity", "presence",
    "proactive", "productive", "professional", "professionalism", "quality", "reliability",
    "reliable", "resilience", "resilient", "responsive", "skills", "smart", "spirit", "supportive",
    "talent", "talented", "team", "teammate", "teamwork", "thoughtful", "tireless", "tirelessly",
    "vibes", "welcome", "welcoming", "willing", "willingness"};

// Effort and help in general, and light verbs: that something was done,
// not what.
constexpr std::string_view kEffort[] = {
    "assist", "assistance", "bring", "bringing", "brings", "brought", "contribute", "contributed",
    "contributing", "contribution", "contributions", "doing", "done", "effort", "efforts", "extra",
    "get", "gets", "getting", "got", "handle", "handled", "handling", "hard", "help", "helped",
    "helping", "helps", "job", "jobs", "keep", "keeping", "keeps", "kept", "made", "make", "makes",
    "making", "put", "putting", "stuff", "support", "supported", "supporting", "supports", "take",
    "takes", "taking", "task", "tasks", "thing", "things", "went", "work", "worked", "working",
    "works"};

// Stock phrases of praise, by a word of theirs that is seldom concrete: the
// extra mile, step up, lend a hand, take care of, hold the fort, behind the
// scenes, raise the bar, pull together. ("above and beyond" is grammar.)
constexpr std::string_view kIdioms[] = {
    "bar", "care", "fort", "lend", "mile", "scenes", "step", "stepped", "stepping", "steps",
    "together"};

// Time spans, frequency and circumstances that fit any stretch of work.
constexpr std::string_view kCircumstances[] = {
    "always", "busy", "challenging", "consistently", "constantly", "continued", "crazy", "daily",
    "day", "days", "difficult", "everyday", "hectic", "hours", "lately", "month", "months",
    "nights", "ongoing", "period", "pressure", "quarter", "recent", "recently", "season",
    "situation", "sprint", "stressful", "tough", "usual", "usually", "weeks", "year", "years"};

// Results without a measure or a thing that changed, and feelings.
constexpr std::string_view kVagueResults[] = {
    "accomplish", "accomplished", "achieve", "achieved", "benefit", "benefited", "benefits",
    "better", "delighted", "difference", "easier", "feedback", "feel", "feeling", "feels", "felt",
    "goal", "goals", "happier", "happy", "impact", "impressed", "improved", "outcome", "outcomes",
    "pleased", "result", "results", "satisfied", "save", "saved", "saves", "smoother", "smoothly",
    "success", "successful", "target", "targets", "thrilled", "win"};

// Whether `word` (lower case) is one of the lists above.
bool vague(const std::string& word) {
  static const std::vector<std::string_view> sorted = [] {
    std::vector<std::string_view> all;
    auto add = [&](const auto& list) { all.insert(all.end(), std::begin(list), std::end(list)); };
    add(kFunctionWords), add(kPraise), add(kVirtues), add(kEffort);
    add(kIdioms), add(kCircumstances), add(kVagueResults);
    std::sort(all.begin(), all.end());
    return all;
  }();
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

}  // namespace

int specific_words(std::string_view text) {
  int count = 0;
  std::string word;
  auto flush = [&] {
    // A number is specific however short ("at 7", "Q3"); shorter words are
    // grammar ("of", "we", "is").
    bool number = std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    if ((number || word.size() >= 3) && !vague(word)) ++count;
    word.clear();
  };
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80 || c == '\'') {
      // Non-ASCII letters count as letters: specific words in any language.
      word += static_cast<char>(std::tolower(u));
      if (word.ends_with(kRightQuote)) word.replace(word.size() - kRightQuote.size(), kRightQuote.size(), "'");
    } else {
      flush();
    }
  }
  flush();
  return count;
}

bool is_specific(std::string_view text) { return specific_words(text) >= kSpecificWords; }

}  // namespace debrief
