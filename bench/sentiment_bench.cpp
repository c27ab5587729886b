// sentiment_bench: Debrief's sentiment analyzer against VADER's JavaScript
// port (npm vader-sentiment, run with node), on the same texts in one run.
//
//   sentiment_bench [--modules DIR] [--node PATH] [--runs R]
//
// Data: the held-out rows of Debrief's workplace feedback corpus
// (data/corpus/workplace_feedback.tsv, labelled positive, neutral or negative
// by the team; the model never trained on them), and the UCI Sentiment
// Labelled Sentences (Kotzias et al., KDD 2015; 1,000 Amazon, IMDb and Yelp
// review sentences each, labelled positive or negative by people), as
// shipped in the npm package `sentiment` (test/fixtures), installed by
// ./scripts/setup into data/node_modules (DIR).
//
// Per set and analyzer it prints: label agreement (the analyzer's 3-class
// label equals the human label; on the 2-class UCI sets "neutral" is a
// miss), the share labelled neutral, accuracy on the texts it did not call
// neutral, and Pearson's r between the compound score and the human label
// (-1/0/+1). The workplace set is also shown for its mixed comments alone.
// Then throughput on the UCI texts: median over R passes, each side timed
// inside its own process. Plain main, no assertions: the figures go in
// README.md.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "bench_support.h"
#include "debrief/sentiment.h"
#include "workplace_corpus.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  fs::path modules = fs::path(DEBRIEF_SOURCE_DIR) / "data" / "node_modules";
  fs::path script = fs::path(DEBRIEF_SOURCE_DIR) / "bench" / "vader_js.cjs";
  fs::path corpus = fs::path(DEBRIEF_SOURCE_DIR) / "data" / "corpus" / "workplace_feedback.tsv";
  std::string node = "node";
  int runs = 5;
};

struct Labelled {
  std::string name;
  std::vector<std::string> texts;
  std::vector<int> gold;  // -1 negative, 0 neutral, 1 positive
};

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "sentiment_bench: %s\n", message.c_str());
  std::exit(1);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) die("usage: sentiment_bench [--modules DIR] [--node PATH] [--runs R]");
    if (a == "--modules") o.modules = argv[++i];
    else if (a == "--node") o.node = argv[++i];
    else if (a == "--runs") o.runs = std::max(1, std::atoi(argv[++i]));
    else die("unknown option " + a);
  }
  return o;
}

Labelled load(const fs::path& modules, const std::string& name) {
  const fs::path path = modules / "sentiment" / "test" / "fixtures" / (name + ".json");
  std::ifstream in(path);
  if (!in) die("cannot read " + path.string() + " (run ./scripts/setup)");
  Labelled set{name, {}, {}};
  for (const auto& row : nlohmann::json::parse(in)) {
    if (!row.at("class").is_number_integer()) continue;  // each file ends with an empty, unlabelled row
    set.texts.push_back(row.at("text").get<std::string>());
    set.gold.push_back(row.at("class").get<int>() == 1 ? 1 : -1);
  }
  return set;
}

// The corpus rows held out from training; with `mixed_only`, only those that
// praise and criticise both.
Labelled load_workplace(const fs::path& corpus, bool mixed_only) {
  Labelled set{mixed_only ? "w-mixed" : "workplace", {}, {}};
  try {
    for (const auto& row : debrief::corpus::read_workplace_corpus(corpus.string())) {
      if (row.split != "heldout" || (mixed_only && !row.mixed)) continue;
      set.texts.push_back(row.text);
      set.gold.push_back(debrief::corpus::class_of(row.label) - 1);
    }
  } catch (const std::exception& e) {
    die(e.what());
  }
  return set;
}

std::vector<double> ours(const std::vector<std::string>& texts) {
  std::vector<double> out;
  out.reserve(texts.size());
  for (const std::string& t : texts) {
    debrief::Result<debrief::SentimentScore> s = debrief::score_sentiment(t);
    out.push_back(s.is_ok() ? s->compound : 0.0);
  }
  return out;
}

using bench::median;

// Median seconds of one pass of our analyzer over all texts.
double time_ours(const std::vector<std::string>& texts, int runs) {
  std::vector<double> seconds;
  for (int r = 0; r < runs; ++r) {
    auto start = Clock::now();
    std::vector<double> scores = ours(texts);
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    if (scores.size() != texts.size()) die("lost scores");
  }
  return median(seconds);
}

struct JsRun {
  std::vector<double> compound;
  double seconds = 0;
};

// Runs bench/vader_js.cjs on the texts; its scores and median pass time.
JsRun run_vader_js(const Options& o, const std::vector<std::string>& texts) {
  const fs::path input = fs::temp_directory_path() / ("sentiment_bench_" + std::to_string(getpid()) + ".json");
  std::ofstream(input) << nlohmann::json(texts).dump();
  const std::string cmd = "'" + o.node + "' '" + o.script.string() + "' '" + o.modules.string() + "' '" +
                          input.string() + "' " + std::to_string(o.runs);
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    if (pclose(p) != 0) out.clear();
  }
  fs::remove(input);
  if (out.empty()) die("node failed: " + cmd);
  nlohmann::json j = nlohmann::json::parse(out);
  return {j.at("compound").get<std::vector<double>>(), j.at("seconds").get<double>()};
}

struct Accuracy {
  double agreement, neutral, decided, r;
};

double pearson(const std::vector<double>& x, const std::vector<int>& y) {
  const auto n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mx += x[i] / n, my += y[i] / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

Accuracy measure(const std::vector<double>& compound, const std::vector<int>& gold) {
  int agree = 0, neutral = 0;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    const debrief::SentimentLabel label = debrief::sentiment_label(compound[i]);
    if (label == debrief::SentimentLabel::neutral) ++neutral;
    const auto want = gold[i] > 0   ? debrief::SentimentLabel::positive
                      : gold[i] < 0 ? debrief::SentimentLabel::negative
                                    : debrief::SentimentLabel::neutral;
    if (label == want) ++agree;
  }
  const auto n = static_cast<double>(gold.size());
  int agree_decided = 0;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    const debrief::SentimentLabel label = debrief::sentiment_label(compound[i]);
    agree_decided += label != debrief::SentimentLabel::neutral && (label == debrief::SentimentLabel::positive) == (gold[i] > 0) && gold[i] != 0;
  }
  const double decided = n - neutral > 0 ? agree_decided / (n - neutral) : 0;
  return {agree / n, neutral / n, decided, pearson(compound, gold)};
}

void print_row(const std::string& set, const char* who, const Accuracy& a, std::size_t n) {
  std::printf("%-9s %-10s %9.1f%% %8.1f%% %9.1f%% %8.3f (%zu)\n", set.c_str(), who, 100 * a.agreement, 100 * a.neutral,
              100 * a.decided, a.r, n);
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  std::vector<Labelled> sets;
  Labelled all{"all", {}, {}};
  for (const char* name : {"amazon", "imdb", "yelp"}) {
    sets.push_back(load(o.modules, name));
    all.texts.insert(all.texts.end(), sets.back().texts.begin(), sets.back().texts.end());
    all.gold.insert(all.gold.end(), sets.back().gold.begin(), sets.back().gold.end());
  }
  sets.push_back(all);
  sets.insert(sets.begin(), {load_workplace(o.corpus, false), load_workplace(o.corpus, true)});

  std::printf("analyzer %s, model: %s\n", debrief::sentiment_version().c_str(),
              std::string(debrief::sentiment_model_source()).c_str());
  std::printf("workplace: held-out rows of data/corpus/workplace_feedback.tsv (3 labels); UCI: amazon, imdb, yelp\n"
              "(npm sentiment@5.0.2 test/fixtures, 2 labels)\n\n");
  std::printf("%-9s %-10s %10s %9s %10s %8s\n", "set", "analyzer", "agreement", "neutral", "decided", "r");
  for (const Labelled& set : sets) {
    const JsRun js = run_vader_js(o, set.texts);
    if (js.compound.size() != set.texts.size()) die("node returned the wrong number of scores");
    print_row(set.name, "debrief", measure(ours(set.texts), set.gold), set.texts.size());
    print_row(set.name, "vader-js", measure(js.compound, set.gold), set.texts.size());
  }
  const JsRun js = run_vader_js(o, all.texts);

  const double ours_s = time_ours(all.texts, o.runs);
  const double n = static_cast<double>(all.texts.size());
  std::printf("\nthroughput on those %zu texts, median of %d passes\n", all.texts.size(), o.runs);
  std::printf("debrief  %10.0f texts/s\nvader-js %10.0f texts/s\nratio    %10.1fx\n", n / ours_s, n / js.seconds,
              js.seconds / ours_s);
  return 0;
}
