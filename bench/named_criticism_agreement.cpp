// named_criticism_agreement: how well criticised_people() finds the
// colleagues a comment criticises, against 118 comments labelled by hand.
//
//   named_criticism_agreement
//
// Data: data/corpus/named_colleagues.tsv and its directory (rules and bias
// in NAMED_COLLEAGUES.md). A comment's expected answer is the people in
// `named` when it is labelled critical, and nobody otherwise (an ambiguous
// name criticises nobody one can name). Prints how many comments get
// exactly the expected people, the critical ones found and missed, the
// others flagged, and each miss. Plain main, no assertions: figures go in
// the README.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "debrief/named_criticism.h"

using namespace debrief;

namespace {

const std::string kData = std::string(DEBRIEF_SOURCE_DIR) + "/data/corpus/";

std::vector<std::vector<std::string>> read_tsv(const std::string& file) {
  std::ifstream in(kData + file);
  if (!in) {
    std::fprintf(stderr, "named_criticism_agreement: cannot read %s\n", (kData + file).c_str());
    std::exit(1);
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream cut(line);
    for (std::string cell; std::getline(cut, cell, '\t');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace

int main() {
  std::vector<NamedPerson> directory;
  std::map<std::string, Id> ids;
  for (const auto& row : read_tsv("named_colleagues_directory.tsv")) {
    Id id;
    id.bytes[15] = static_cast<std::uint8_t>(directory.size() + 1);
    ids[row.at(0)] = id;
    directory.push_back({id, row.at(1)});
  }
  int exact = 0, critical = 0, found = 0, others = 0, flagged = 0, total = 0;
  std::vector<std::string> misses;
  for (const auto& row : read_tsv("named_colleagues.tsv")) {
    ++total;
    const bool is_critical = row.at(1) == "critical";
    std::vector<Id> want;
    if (is_critical) {
      std::stringstream named(row.at(2));
      for (std::string p; named >> p;) want.push_back(ids.at(p));
    }
    std::vector<Id> got = criticised_people(row.at(4), directory);
    const bool same = std::is_permutation(want.begin(), want.end(), got.begin(), got.end());
    exact += same;
    if (is_critical) ++critical, found += !got.empty();
    else ++others, flagged += !got.empty();
    if (!same) misses.push_back(row.at(0) + " " + row.at(1) + ": " + row.at(4));
  }
  std::printf("comments with exactly the expected people: %d of %d (%.1f%%)\n", exact, total, 100.0 * exact / total);
  std::printf("critical comments found:                   %d of %d (%.1f%%)\n", found, critical, 100.0 * found / critical);
  std::printf("other comments flagged:                    %d of %d (%.1f%%)\n", flagged, others, 100.0 * flagged / others);
  for (const std::string& m : misses) std::printf("  miss %s\n", m.c_str());
}
