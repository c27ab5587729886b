#include "debrief/named_criticism.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "debrief/sentiment.h"
#include "text_words.h"

namespace debrief {
namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_'; }

// Whether `needle` (lower case) occurs in `hay` (lower case) as whole
// words: no letter or digit touches it on either side ("priya's" names
// Priya; "tommy" does not name Tom).
bool has_words(const std::string& hay, const std::string& needle) {
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(hay[at - 1]));
    const std::size_t end = at + needle.size();
    if (starts && (end == hay.size() || !std::isalnum(static_cast<unsigned char>(hay[end])))) return true;
  }
  return false;
}

// Whether `hay` (lower case) @mentions `handle` ("priya", "sam.okafor"):
// the handle ends where the mention does, or before a sentence's full stop.
bool has_mention(const std::string& hay, const std::string& handle) {
  for (std::size_t at = hay.find('@' + handle); at != std::string::npos; at = hay.find('@' + handle, at + 1)) {
    const std::size_t end = at + 1 + handle.size();
    if (end == hay.size() || !word_char(hay[end]) || (hay[end] == '.' && (end + 1 == hay.size() || hay[end + 1] == ' ')))
      return true;
  }
  return false;
}

struct Names {
  std::string full, first, first_last;  // lower case; first empty when another person shares it
};

std::vector<Names> names_of(const std::vector<NamedPerson>& directory) {
  std::vector<Names> out;
  for (const NamedPerson& p : directory) {
    const std::string full = lower_ascii(p.name);
    const std::size_t space = full.find(' ');
    const std::string first = full.substr(0, space);
    std::string first_last = full;
    std::replace(first_last.begin(), first_last.end(), ' ', '.');
    out.push_back({full, first, first_last});
  }
  std::map<std::string, int> firsts;
  for (const Names& n : out) ++firsts[n.first];
  for (Names& n : out)
    if (firsts[n.first] > 1) n.first.clear();
  return out;
}

bool names(const std::string& sentence, const Names& n) {
  if (has_words(sentence, n.full) || has_mention(sentence, n.first_last)) return true;
  return !n.first.empty() && (has_words(sentence, n.first) || has_mention(sentence, n.first));
}

// The sentences of `text`, lower case, split after . ! ? and ;.
std::vector<std::string> sentences_of(std::string_view text) {
  std::vector<std::string> out{""};
  for (std::size_t i = 0; i < text.size(); ++i) {
    out.back() += text[i];
    const bool stop = text[i] == '!' || text[i] == '?' || text[i] == ';' ||
                      (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' '));
    if (stop) out.emplace_back();
  }
  std::vector<std::string> kept;
  for (const std::string& s : out)
    if (s.find_first_not_of(" \t\n") != std::string::npos) kept.push_back(lower_ascii(s));
  return kept;
}

// The writer owns the problem, or clears the person.
bool owns_or_clears(const std::string& s) {
  static const char* kMarks[] = {"my fault", "my mistake", "i should have", "i let ", "i should've", "not his fault",
                                 "not her fault", "nothing to do with", "wasn't", "not their fault"};
  return std::any_of(std::begin(kMarks), std::end(kMarks), [&](const char* m) { return s.find(m) != std::string::npos; });
}

// The clause that carries the writer's conclusion about a name in `s`: after
// the last contrast word, when the name is there.
std::string conclusion(const std::string& s, const Names& n) {
  std::size_t cut = std::string::npos;
  for (const char* w : {" but ", " though ", " however "}) {
    const std::size_t at = s.rfind(w);
    if (at != std::string::npos && (cut == std::string::npos || at > cut)) cut = at;
  }
  if (cut == std::string::npos) return s;
  const std::string after = s.substr(cut);
  return names(after, n) ? after : s.substr(0, cut);
}

// Whether `clause` reads negative about the person `n`: scored with their
// names as "they", since a judgement of someone must not hang on their name.
bool negative(std::string clause, const Names& n) {
  for (const std::string& named : {n.full, "@" + n.first_last, n.first.empty() ? std::string() : "@" + n.first, n.first})
    if (!named.empty()) replace_words(clause, named, "they");
  Result<SentimentScore> score = score_sentiment(clause);
  return score.is_ok() && score->label == SentimentLabel::negative;
}

}  // namespace

std::vector<Id> criticised_people(std::string_view text, const std::vector<NamedPerson>& directory) {
  const std::vector<Names> all = names_of(directory);
  std::vector<Id> out;
  for (const std::string& s : sentences_of(text)) {
    if (owns_or_clears(s)) continue;
    for (std::size_t p = 0; p < all.size(); ++p) {
      if (!names(s, all[p]) || std::find(out.begin(), out.end(), directory[p].id) != out.end()) continue;
      if (negative(conclusion(s, all[p]), all[p])) out.push_back(directory[p].id);
    }
  }
  return out;
}

}  // namespace debrief
