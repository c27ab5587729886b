// Reads data/corpus/workplace_feedback.tsv (format and labelling rules in
// data/corpus/LABELLING.md): used by the sentiment trainer, which reads only
// the `train` rows, and by bench/sentiment_bench, which reports agreement on
// the `heldout` rows. Header-only; build tools and benchmarks, not the core.
#pragma once

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace debrief::corpus {

struct Comment {
  std::string id, split, label, source, topic, text;
  bool mixed = false;
};

// Every row, in file order. Throws runtime_error naming the line on a row
// without the seven columns, or with a split, label or mixed flag out of range.
inline std::vector<Comment> read_workplace_corpus(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Comment> rows;
  std::string line;
  std::getline(in, line);  // header
  for (std::size_t number = 2; std::getline(in, line); ++number) {
    std::vector<std::string> f;
    for (std::size_t start = 0;;) {
      const std::size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    const auto bad = [&](const std::string& why) {
      return std::runtime_error(path + ":" + std::to_string(number) + ": " + why);
    };
    if (f.size() != 7) throw bad("expected 7 tab-separated columns, found " + std::to_string(f.size()));
    if (f[1] != "train" && f[1] != "heldout") throw bad("split must be train or heldout");
    if (f[2] != "positive" && f[2] != "neutral" && f[2] != "negative") throw bad("label must be positive, neutral or negative");
    if (f[3] != "0" && f[3] != "1") throw bad("mixed must be 0 or 1");
    rows.push_back({f[0], f[1], f[2], f[4], f[5], f[6], f[3] == "1"});
  }
  return rows;
}

// 0 negative, 1 neutral, 2 positive: the model's class order.
inline int class_of(const std::string& label) { return label == "negative" ? 0 : label == "neutral" ? 1 : 2; }

}  // namespace debrief::corpus
