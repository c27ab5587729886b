// The server's secrets: enrolment codes and device credentials are random
// text that is easy to type, and only their SHA-256 is ever stored.
#pragma once

#include <cstddef>
#include <string>

#include "debrief/env.h"

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX

namespace debrief::sync {

// The 32-byte SHA-256 digest of `text`.
std::string sha256(const std::string& text);

// SHA-256 over data that arrives in pieces (a blob's chunks).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(const std::string& piece);
  // The digest of everything so far, as 64 lower-case hex digits; call once.
  std::string hex();

 private:
  ::evp_md_ctx_st* ctx_;
};

// `chars` random characters of Crockford's base32 (5 bits each).
std::string random_text(Env& env, std::size_t chars);

}  // namespace debrief::sync
