#include "debrief/sync/secrets.h"

#include <openssl/evp.h>

#include <cstdint>
#include <vector>

namespace debrief::sync {

std::string sha256(const std::string& text) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(text.data(), text.size(), md, &n, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<char*>(md), n);
}

std::string random_text(Env& env, std::size_t chars) {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::vector<std::uint8_t> bytes(chars);
  env.random_bytes(bytes.data(), bytes.size());
  std::string out;
  for (std::uint8_t b : bytes) out += kAlphabet[b & 31];
  return out;
}

}  // namespace debrief::sync
