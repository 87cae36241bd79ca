// StringIndex: which of n strings (n < 2^32) a given string is, in one flat table.
//
// Ingestion looks up every id of a million-row file among a million ids. A node-based
// std::unordered_map spends most of that time chasing pointers and allocating; this index
// stores 8 bytes per slot (part of the hash and the string's position) in one
// open-addressing table with linear probing, and reads the strings themselves from the
// caller's storage through `key_of`.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace foresight {

template <typename KeyOf>  // std::string_view KeyOf(uint32_t position)
class StringIndex {
 public:
  // Room for `expected` strings without growing.
  explicit StringIndex(KeyOf key_of, size_t expected = 0) : key_of_(std::move(key_of)) {
    Resize(std::bit_ceil(std::max<size_t>(16, 2 * expected)));
  }

  // Adds the string at `position` unless an equal string is there already; returns the
  // earlier one's position in that case, else nothing.
  std::optional<uint32_t> Insert(uint32_t position) {
    if (2 * (size_ + 1) > slots_.size()) Resize(2 * slots_.size());
    const std::string_view key = key_of_(position);
    const uint64_t hash = Hash(key);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.position_plus_one == 0) {
        slot = {Tag(hash), position + 1};
        ++size_;
        return std::nullopt;
      }
      if (slot.tag == Tag(hash) && key_of_(slot.position_plus_one - 1) == key) {
        return slot.position_plus_one - 1;
      }
    }
  }

  // The position of a string equal to `key`, if any.
  std::optional<uint32_t> Find(std::string_view key) const {
    const uint64_t hash = Hash(key);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.position_plus_one == 0) return std::nullopt;
      if (slot.tag == Tag(hash) && key_of_(slot.position_plus_one - 1) == key) {
        return slot.position_plus_one - 1;
      }
    }
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint32_t tag = 0;
    uint32_t position_plus_one = 0;  // 0: empty
  };
  static uint64_t Hash(std::string_view key) { return std::hash<std::string_view>{}(key); }
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32U); }

  void Resize(size_t count) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(count, Slot{});
    mask_ = count - 1;
    for (const Slot& slot : old) {
      if (slot.position_plus_one == 0) continue;
      const uint64_t hash = Hash(key_of_(slot.position_plus_one - 1));
      size_t i = hash & mask_;
      while (slots_[i].position_plus_one != 0) i = (i + 1) & mask_;
      slots_[i] = slot;
    }
  }

  KeyOf key_of_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace foresight
