// sentiment_train: trains the sentiment model on Debrief's workplace feedback
// corpus and writes it as a C++ source compiled into debrief_core. Run by the
// build (core/CMakeLists.txt), or by hand to see how it trained:
//
//   debrief_sentiment_train data/corpus/workplace_feedback.tsv OUTPUT.cpp
//
// Reads only the rows whose split is `train`: the held-out rows are for
// bench/sentiment_bench alone. The model is L2-regularised logistic
// regression, one-vs-rest, trained by LIBLINEAR (Fan et al., JMLR 2008) over
// the features of core/src/sentiment_features.h. Word, pair and first-word
// features seen in fewer than kMinRows training rows are left out: a
// phrase seen once says more about its writer than about sentiment. The
// regularisation C is chosen by 5-fold cross-validation on the training rows
// (the smallest C within 0.5 points of the best agreement, for the simpler
// model); the folds are fixed by srand(1), so the same corpus always gives
// the same weights. Exits non-zero with a message on stderr when the corpus
// is missing or malformed; writes a temporary, then renames.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <linear.h>

#include "sentiment_features.h"
#include "sentiment_lexicon_score.h"
#include "sentiment_model.h"
#include "sentiment_tokens.h"
#include "workplace_corpus.h"

namespace fs = std::filesystem;
using namespace debrief::sentiment_internal;

namespace {

constexpr int kMinRows = 2;
constexpr int kFolds = 5;
constexpr double kCandidateC[] = {0.5, 1, 2, 4, 8, 16, 32, 64, 128};
constexpr double kEpsilon = 0.001;      // LIBLINEAR's stopping tolerance
constexpr double kNegligible = 1e-4;    // weights smaller for every class are left out

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "sentiment_train: %s\n", message.c_str());
  std::exit(1);
}

bool is_text_feature(FeatureKind k) {
  return k == FeatureKind::word || k == FeatureKind::negated_word || k == FeatureKind::pair ||
         k == FeatureKind::first_word;
}

struct Example {
  int label;
  std::vector<Feature> features;
};

std::vector<Example> training_examples(const std::vector<debrief::corpus::Comment>& rows) {
  std::vector<Example> out;
  for (const auto& row : rows) {
    if (row.split != "train") continue;
    const Tokens tokens = tokenize(row.text);
    out.push_back({debrief::corpus::class_of(row.label), sentiment_features(tokens, lexicon_score(tokens))});
  }
  return out;
}

struct Known {
  int index;   // LIBLINEAR's, 1-based, in key order, so every row's indices ascend as it requires
  float idf;   // log(rows / rows with it) for words and pairs; 1 for whole-text features
};

// The features the model will know. Words and pairs are weighed by their
// inverse document frequency, so "the" and "was", which say more about who
// wrote a comment than what they felt, cost more to lean on than "late".
std::map<std::uint64_t, Known> vocabulary(const std::vector<Example>& examples) {
  std::map<std::uint64_t, int> rows_with;
  std::map<std::uint64_t, bool> text_feature;
  for (const Example& e : examples) {
    for (const Feature& f : e.features) {
      ++rows_with[f.key];
      text_feature[f.key] = is_text_feature(f.kind);
    }
  }
  std::map<std::uint64_t, Known> index;
  const double rows = static_cast<double>(examples.size());
  for (const auto& [key, n] : rows_with) {
    if (!text_feature[key]) index.emplace(key, Known{static_cast<int>(index.size()) + 1, 1.0f});
    else if (n >= kMinRows) index.emplace(key, Known{static_cast<int>(index.size()) + 1, static_cast<float>(std::log(rows / n))});
  }
  return index;
}

// A LIBLINEAR problem over the examples; owns its storage.
class Problem {
 public:
  Problem(const std::vector<Example>& examples, const std::map<std::uint64_t, Known>& index) {
    const int bias_index = static_cast<int>(index.size()) + 1;
    for (const Example& e : examples) {
      std::vector<feature_node> row;
      for (const Feature& f : e.features) {
        if (auto it = index.find(f.key); it != index.end()) row.push_back({it->second.index, f.value * it->second.idf});
      }
      row.push_back({bias_index, 1.0});
      row.push_back({-1, 0});
      rows_.push_back(std::move(row));
      labels_.push_back(e.label);
    }
    for (auto& r : rows_) pointers_.push_back(r.data());
    problem_.l = static_cast<int>(rows_.size());
    problem_.n = bias_index;
    problem_.y = labels_.data();
    problem_.x = pointers_.data();
    problem_.bias = 1;
  }
  const problem* get() const { return &problem_; }
  const std::vector<double>& labels() const { return labels_; }

 private:
  std::vector<std::vector<feature_node>> rows_;
  std::vector<double> labels_;
  std::vector<feature_node*> pointers_;
  problem problem_{};
};

parameter parameters(double c) {
  parameter p{};
  p.solver_type = L2R_LR;
  p.eps = kEpsilon;
  p.C = c;
  return p;
}

double cross_validated_agreement(const Problem& problem, double c) {
  const parameter p = parameters(c);
  if (const char* error = check_parameter(problem.get(), &p)) die(error);
  std::vector<double> predicted(problem.labels().size());
  std::srand(1);
  cross_validation(problem.get(), &p, kFolds, predicted.data());
  std::size_t agree = 0;
  for (std::size_t i = 0; i < predicted.size(); ++i) agree += predicted[i] == problem.labels()[i];
  return 100.0 * static_cast<double>(agree) / static_cast<double>(predicted.size());
}

struct Choice {
  double c = 1, agreement = 0;
};

Choice choose_c(const Problem& problem) {
  std::vector<Choice> tried;
  for (double c : kCandidateC) {
    tried.push_back({c, cross_validated_agreement(problem, c)});
    std::printf("sentiment_train: C=%g: %d-fold agreement %.1f%%\n", c, kFolds, tried.back().agreement);
  }
  const double best = std::max_element(tried.begin(), tried.end(), [](const Choice& a, const Choice& b) {
                        return a.agreement < b.agreement;
                      })->agreement;
  return *std::find_if(tried.begin(), tried.end(), [&](const Choice& t) { return t.agreement >= best - 0.5; });
}

struct Weights {
  std::vector<ModelEntry> entries;
  float bias[kClasses]{};
};

// The weights as the core applies them, to features without their idf: each
// is multiplied by its feature's idf here.
Weights weights_of(const model* m, const std::map<std::uint64_t, Known>& index) {
  int label_index[kClasses];  // LIBLINEAR's own class order -> ours
  for (int k = 0; k < m->nr_class; ++k) label_index[m->label[k]] = k;
  Weights w;
  for (const auto& [key, known] : index) {
    ModelEntry e{key, {}};
    bool matters = false;
    for (std::size_t k = 0; k < kClasses; ++k) {
      e.weight[k] = static_cast<float>(get_decfun_coef(m, known.index, label_index[k]) * known.idf);
      matters = matters || std::abs(e.weight[k]) > kNegligible;
    }
    if (matters) w.entries.push_back(e);
  }
  for (std::size_t k = 0; k < kClasses; ++k) w.bias[k] = static_cast<float>(get_decfun_bias(m, label_index[k]));
  return w;
}

std::uint32_t fingerprint(const std::string& text) {
  std::uint32_t h = 2166136261u;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

std::string weights_source(const Weights& w) {
  std::string s;
  char line[160];
  for (const ModelEntry& e : w.entries) {
    std::snprintf(line, sizeof line, "    {0x%016llxull, {%af, %af, %af}},\n", static_cast<unsigned long long>(e.key),
                  e.weight[0], e.weight[1], e.weight[2]);
    s += line;
  }
  return s;
}

void write_source(const fs::path& out, const Weights& w, const std::string& trained_on) {
  const std::string entries = weights_source(w);
  char bias[128];
  std::snprintf(bias, sizeof bias, "{%af, %af, %af}", w.bias[0], w.bias[1], w.bias[2]);
  const fs::path tmp = out.string() + ".tmp";
  {
    std::ofstream o(tmp);
    o << "// Generated by debrief_sentiment_train (core/tools/sentiment_train.cpp). Do not edit.\n"
      << "// " << trained_on << "\n"
      << "#include \"sentiment_model.h\"\n\nnamespace debrief::sentiment_internal {\nnamespace {\n"
      << "constexpr ModelEntry kEntries[] = {\n" << entries << "};\n}  // namespace\n\n"
      << "const GeneratedModel& generated_model() {\n"
      << "  static const GeneratedModel model{kEntries, " << bias << ", 0x" << std::hex
      << fingerprint(entries + bias) << std::dec << "u,\n    \"" << trained_on << "\"};\n"
      << "  return model;\n}\n\n}  // namespace debrief::sentiment_internal\n";
    if (!o) die("cannot write " + tmp.string());
  }
  fs::rename(tmp, out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) die("usage: debrief_sentiment_train CORPUS.tsv OUTPUT.cpp");
  set_print_string_function([](const char*) {});
  std::vector<Example> examples;
  try {
    examples = training_examples(debrief::corpus::read_workplace_corpus(argv[1]));
  } catch (const std::exception& e) {
    die(e.what());
  }
  if (examples.size() < 100) die("the corpus has too few training rows to learn from");
  const std::map<std::uint64_t, Known> index = vocabulary(examples);
  const Problem problem(examples, index);
  const Choice choice = choose_c(problem);
  const parameter p = parameters(choice.c);
  model* m = train(problem.get(), &p);
  const Weights w = weights_of(m, index);
  free_and_destroy_model(&m);
  char trained_on[256];
  std::snprintf(trained_on, sizeof trained_on,
                "%zu training rows of %s, %zu features, C=%g, %d-fold agreement %.1f%%", examples.size(),
                fs::path(argv[1]).filename().c_str(), w.entries.size(), choice.c, kFolds, choice.agreement);
  write_source(argv[2], w, trained_on);
  std::printf("sentiment_train: %s\n", trained_on);
  return 0;
}
