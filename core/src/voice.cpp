#include "voice.h"

#include <algorithm>

#include <openssl/sha.h>

namespace debrief {

Id participation_id(const Id& person, const Voice& voice) {
  std::uint8_t input[72] = {}, digest[SHA256_DIGEST_LENGTH];
  std::size_t n = 0;
  for (const std::optional<Id>& id : {std::optional<Id>(person), std::optional<Id>(voice.survey), voice.event,
                                      voice.activity}) {
    if (id) std::copy_n(id->bytes.data(), 16, input + n);
    n += 16;
  }
  for (int i = 0; i < 8; ++i)
    input[n + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(voice.window >> (8 * i));
  SHA256(input, sizeof input, digest);
  Id id;
  std::copy_n(digest, 16, id.bytes.data());
  return id;
}

}  // namespace debrief
