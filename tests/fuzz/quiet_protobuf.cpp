// libFuzzer's start-up hook for both targets: Protobuf logs each string
// field it refuses for not being UTF-8, and the fuzzer makes them by the
// thousand; the refusal itself is what the targets see.
#include <google/protobuf/stubs/logging.h>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}
