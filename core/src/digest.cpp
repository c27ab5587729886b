// A digest of everything a store holds (replication.h, content_digest).
#include <openssl/evp.h>

#include <memory>

#include "debrief/records.h"
#include "debrief/replication.h"
#include "debrief/text.h"

namespace debrief {

Result<std::string> content_digest(Store& store) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  ListOptions all;
  all.include_deleted = true;
  for (const KindSpec& k : all_kinds()) {
    Result<std::vector<Json>> records = list(store, k.kind, all);
    DEBRIEF_TRY(records.status());
    for (const Json& r : *records) {
      std::string line = std::string(k.name) + " " + r.dump() + "\n";
      EVP_DigestUpdate(ctx.get(), line.data(), line.size());
    }
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(ctx.get(), md, &n);
  return hex_encode(md, n);
}

}  // namespace debrief
