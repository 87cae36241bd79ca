#!/usr/bin/python3
"""Writes the result cache fuzz target's seed corpus (tests/fuzz/corpus-result-cache/).

An implementation of the cache's encoding (src/app/result_cache.cpp) independent of the C++
one: little-endian fields after a tag, then a checksum built on SplitMix64's finaliser. The
seeds decode, so the fuzzer starts past the checksum; ResultCacheTest checks that they do.

    python3 tests/fuzz/make_result_cache_seeds.py
"""
import os
import struct

MASK = (1 << 64) - 1
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus-result-cache")


def mix64(x):
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & MASK
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & MASK
    x ^= x >> 31
    return x


def checksum(body):
    h = (0x9E3779B97F4A7C15 ^ len(body)) & MASK
    i = 0
    while i + 8 <= len(body):
        h = mix64(h ^ struct.unpack("<Q", body[i:i + 8])[0])
        i += 8
    tail = int.from_bytes(body[i:] + b"\0" * (8 - (len(body) - i)), "little")
    return mix64(h ^ tail ^ 0xA5A5A5A5)


def write(name, body):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(body + struct.pack("<Q", checksum(body)))


# A measurement: estimate, standard error, dropped, acceleration, examples, score model (1: a
# proportion) with its trials, positives and negatives, then the sorted replicates.
replicates = [0.7, 0.75, 0.8, 0.9]
write("measurement",
      b"M2" + struct.pack("<ddQdQQdddQ", 0.8125, 0.01, 3, -0.002, 12, 1, 12.0, 0.0, 0.0,
                          len(replicates))
      + b"".join(struct.pack("<d", v) for v in replicates))
# A point: estimate, standard error, examples.
write("point", b"P1" + struct.pack("<ddQ", 0.91, 0.004, 100000))
