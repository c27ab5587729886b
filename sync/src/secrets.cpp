#include "debrief/sync/secrets.h"

#include <openssl/evp.h>

#include <cstdint>
#include <vector>

#include "debrief/text.h"

namespace debrief::sync {

std::string sha256(const std::string& text) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(text.data(), text.size(), md, &n, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<char*>(md), n);
}

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr); }
Sha256::~Sha256() { EVP_MD_CTX_free(ctx_); }
void Sha256::update(const std::string& piece) { EVP_DigestUpdate(ctx_, piece.data(), piece.size()); }
std::string Sha256::hex() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(ctx_, md, &n);
  return hex_encode(md, n);
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
