// Where the server holds anonymous responses before they join the feed.
// A device pushes its anonymous response in the same batch as the
// participation that says who answered; in the feed, side by side, the two
// would name the author. So anonymous responses wait here, apart, and join
// the feed a group (answer_group.h) at a time, in random order, once
// enough of them are waiting (anonymous_mixing.h has the rule). Behind
// ServerStore::pool(): table anonymous_pool, in the SQLite store's own
// file or in the PostgreSQL database beside the feed, written in the
// transaction of the batch it comes from (Push::settle). Rows are keyed by the response's id, which is random for
// anonymous responses, so a row's place says nothing about when it came;
// they hold the day they came and nothing else beside the response.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "debrief/replication.h"

namespace debrief::sync {

struct PooledResponse {
  std::string group;   // the response's AnswerGroup::key()
  WireChange change;   // the whole response, as pushed
};

class AnonymousPool {
 public:
  virtual ~AnonymousPool() = default;

  // Holds `responses`, noting `day` (days since 1970) beside each; holding
  // one again changes nothing. Durable once it returns.
  virtual Status add(const std::vector<PooledResponse>& responses, std::int64_t day) = 0;
  // Whether the pool holds the response `record`.
  virtual Result<bool> holds(const Id& record) = 0;
  // The groups holding at least `at_least` responses.
  virtual Result<std::vector<std::string>> ripe_groups(std::int64_t at_least) = 0;
  // The responses a group holds, in no meaningful order.
  virtual Result<std::vector<WireChange>> held(const std::string& group) = 0;
  // Lets go of responses (once they are in the feed).
  virtual Status remove(const std::vector<Id>& records) = 0;
  // Everything held, with the day each came: for backups.
  virtual Result<std::vector<std::pair<PooledResponse, std::int64_t>>> dump() = 0;
};

// A response as a pool keeps it (its Protobuf Change bytes), and back.
std::string pooled_bytes(const WireChange& change);
Result<WireChange> from_pooled_bytes(const std::string& bytes);

}  // namespace debrief::sync
