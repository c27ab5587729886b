#include "stem.h"

#include <algorithm>
#include <memory>
#include <new>

#include <libstemmer.h>

namespace debrief {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// Snowball's stemmers keep state between calls, so one per thread.
sb_stemmer& thread_stemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> s(sb_stemmer_new("english", "UTF_8"));
  if (!s) throw std::bad_alloc();
  return *s;
}

bool plain_word(std::string_view w) {
  return w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '\''; });
}

}  // namespace

std::string stem(std::string_view word) {
  if (!plain_word(word)) return std::string(word);
  sb_stemmer& s = thread_stemmer();
  const sb_symbol* out = sb_stemmer_stem(&s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(&s)));
}

}  // namespace debrief
