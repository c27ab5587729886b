// A manifest's chunk digests packed end to end, as both server stores keep
// them (media_store.h).
#include "debrief/sync/media_store.h"

namespace debrief::sync {
namespace {
constexpr std::size_t kDigest = 32;
}  // namespace

std::string pack_digests(const std::vector<std::string>& digests) {
  std::string out;
  out.reserve(digests.size() * kDigest);
  for (const std::string& d : digests) out += d;
  return out;
}

std::optional<std::vector<std::string>> unpack_digests(const std::string& packed) {
  if (packed.size() % kDigest) return std::nullopt;
  std::vector<std::string> out;
  for (std::size_t at = 0; at < packed.size(); at += kDigest) out.push_back(packed.substr(at, kDigest));
  return out;
}

}  // namespace debrief::sync
