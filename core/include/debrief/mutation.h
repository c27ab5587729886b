// Mutation switches: each turns off one rule of the product, so that the
// deterministic simulator (tests/sim, --mutate NAME) can show that it
// notices the rule's absence. Every rule holds unless a test program turns
// one off, and only a build with DEBRIEF_MUTATIONS (the development and
// test build; cmake -DDEBRIEF_MUTATIONS=OFF for a release) can.
#pragma once

#include <span>
#include <string_view>

namespace debrief {

struct Mutation {
  std::string_view name;
  std::string_view turns_off;  // the rule, in words
};

// Every mutation there is.
std::span<const Mutation> mutations();

// Whether the rule `name` (one of mutations()) is turned off.
bool mutated(std::string_view name);

// Turns off the rule `name`, or none for ""; false for an unknown name,
// and for any name in a build without DEBRIEF_MUTATIONS. Not
// thread-safe: for a test program's start.
bool set_mutation(std::string_view name);

}  // namespace debrief
