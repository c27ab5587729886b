#include "sentiment_tokens.h"

#include <algorithm>

#include "sentiment_lexicon.h"
#include "sentiment_rules.h"

namespace debrief::sentiment_internal {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_clause_mark(char32_t cp) {
  return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == 0x2026 /* … */ ||
         cp == 0x2013 || cp == 0x2014 /* dashes */ || cp == 0x3001 || cp == 0x3002 || cp == 0xFF01 ||
         cp == 0xFF0C || cp == 0xFF1F /* CJK and full-width marks */;
}
// Marks that change how an emoji looks, not what it says: presentation
// selectors, the zero-width joiner and space, skin tones.
bool is_modifier(char32_t cp) {
  return cp == 0xFE0E || cp == 0xFE0F || cp == 0x200D || cp == 0x200B || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}
// Non-ASCII punctuation and spaces that end a word.
bool is_unicode_separator(char32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F);
}

// Decodes the code point at s[i] and moves i past it. Precondition: s is
// valid UTF-8 and i < s.size().
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? lead : len == 2 ? (lead & 0x1Fu) : len == 3 ? (lead & 0x0Fu) : (lead & 0x07u);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  i += len;
  return cp;
}

bool has_ascii_punctuation(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x80 && !is_ascii_alnum(c) && c != '\'' && c != '-';
  });
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A word of two or more ASCII letters, none of them lower case.
bool is_all_caps(std::string_view word) {
  int upper = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 2;
}

bool known(std::string_view key) { return lexicon_valence(key).has_value(); }

// Emoticons such as ":)" or ":D" are whole chunks, as written or in lower
// case; a chunk that merely ends in one ("thanks:)") yields its suffix.
constexpr std::size_t kLongestEmoticon = 10;  // VADER's longest is "@}-;-'---"

std::string emoticon_at(std::string_view chunk) {
  if (chunk.size() > kLongestEmoticon || !has_ascii_punctuation(chunk)) return {};
  // A word with a full stop or comma after it ("movie.") is the common
  // case, and no emoticon.
  const char last = chunk.back();
  if (is_ascii_alnum(chunk.front()) && (last == '.' || last == ',' || last == '!' || last == '?')) return {};
  if (known(chunk)) return std::string(chunk);
  if (std::string lower = ascii_lower(chunk); known(lower)) return lower;
  return {};
}

class Splitter {
 public:
  Tokens run(std::string_view text) {
    out_.tokens.reserve(text.size() / 5 + 1);
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && is_ascii_space(text[i])) ++i;
      std::size_t end = i;
      while (end < text.size() && !is_ascii_space(text[end])) ++end;
      if (end > i) chunk(text.substr(i, end - i));
      i = end;
    }
    merge_phrases();
    return std::move(out_);
  }

 private:
  void chunk(std::string_view c) {
    if (std::string emoticon = emoticon_at(c); !emoticon.empty()) {
      emit(std::move(emoticon), false, true);
      return;
    }
    for (std::size_t suffix : {3u, 2u}) {
      // Only emoticons that start with eyes are looked for glued to a word.
      if (c.size() <= suffix || std::string_view(":;=").find(c[c.size() - suffix]) == std::string_view::npos) continue;
      std::string tail = emoticon_at(c.substr(c.size() - suffix));
      if (tail.empty() || !is_ascii_alnum(c[c.size() - suffix - 1])) continue;
      scan(c.substr(0, c.size() - suffix));
      emit(std::move(tail), false, true);
      return;
    }
    scan(c);
  }

  // Reads a chunk code point by code point into words, emoji and breaks.
  void scan(std::string_view c) {
    std::size_t i = 0;
    while (i < c.size()) {
      const std::size_t start = i;
      const char32_t cp = next_code_point(c, i);
      if (cp < 0x80) {
        ascii(static_cast<char>(cp));
      } else if (cp == 0x2018 || cp == 0x2019) {
        word_ += '\'';
      } else if (is_modifier(cp)) {
        flush_word();
      } else if (std::string_view bytes = c.substr(start, i - start); known(bytes)) {
        flush_word();
        emit(std::string(bytes), false, true);
      } else if (is_unicode_separator(cp)) {
        flush_word();
        if (is_clause_mark(cp)) clause_pending_ = true;
      } else {
        word_.append(bytes);
      }
    }
    flush_word();
  }

  void ascii(char c) {
    if (is_ascii_alnum(c) || c == '\'' || c == '-') {
      word_ += c;
      return;
    }
    flush_word();
    if (c == '!') ++out_.exclamations;
    if (c == '?') ++out_.questions;
    if (is_clause_mark(static_cast<char32_t>(c))) clause_pending_ = true;
  }

  void flush_word() {
    std::string_view w = word_;
    while (!w.empty() && (w.front() == '\'' || w.front() == '-')) w.remove_prefix(1);
    while (!w.empty() && (w.back() == '\'' || w.back() == '-')) w.remove_suffix(1);
    if (!w.empty()) add_word(w);
    word_.clear();
  }

  // A word as typed: lower-cased, possessive dropped when unknown, and an
  // unknown hyphenated word read without hyphens or else as its parts.
  void add_word(std::string_view typed) {
    const bool caps = is_all_caps(typed);
    std::string w = ascii_lower(typed);
    if (w.size() > 2 && w.ends_with("'s") && !known(w)) w.resize(w.size() - 2);
    if (w.find('-') == std::string::npos || known(w)) return emit(std::move(w), caps);
    std::string joined = w;
    std::erase(joined, '-');
    if (known(joined)) return emit(std::move(joined), caps);
    for (std::size_t from = 0; from <= w.size();) {
      std::size_t dash = w.find('-', from);
      if (dash == std::string::npos) dash = w.size();
      if (dash > from) emit(w.substr(from, dash - from), caps);
      from = dash + 1;
    }
  }

  void emit(std::string text, bool caps, bool symbol = false) {
    out_.tokens.push_back({std::move(text), caps, clause_pending_, symbol});
    clause_pending_ = false;
  }

  // Joins runs of tokens that form a lexicon or booster phrase, longest
  // first, never across a clause break.
  void merge_phrases() {
    std::vector<Token>& in = out_.tokens;
    std::vector<Token> merged;
    merged.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
      const std::size_t n = phrase_length(i);
      Token t = std::move(in[i]);
      for (std::size_t k = 1; k < n; ++k) {
        t.text += ' ';
        t.text += in[i + k].text;
        t.all_caps = t.all_caps && in[i + k].all_caps;
        t.symbol = false;
      }
      merged.push_back(std::move(t));
      i += n;
    }
    in = std::move(merged);
  }

  // How many tokens from i form the longest phrase; 1 when none does.
  std::size_t phrase_length(std::size_t i) const {
    const std::vector<Token>& in = out_.tokens;
    if (!starts_lexicon_phrase(in[i].text) && !rule_of(in[i].text).starts_phrase) return 1;
    const std::size_t longest = std::max<std::size_t>(longest_lexicon_phrase(), 3);  // 3: "a little bit"
    std::size_t limit = 1;
    while (limit < longest && i + limit < in.size() && !in[i + limit].starts_clause) ++limit;
    for (std::size_t n = limit; n >= 2; --n) {
      std::string joined = in[i].text;
      for (std::size_t k = 1; k < n; ++k) joined += ' ' + in[i + k].text;
      if (known(joined) || rule_of(joined).booster != 0) return n;
    }
    return 1;
  }

  std::string word_;
  bool clause_pending_ = true;
  Tokens out_;
};

}  // namespace

Tokens tokenize(std::string_view text) { return Splitter().run(text); }

}  // namespace debrief::sentiment_internal
