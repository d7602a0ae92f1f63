#ifndef COPYDESK_CZMQ_BENCH_H
#define COPYDESK_CZMQ_BENCH_H

/// Sends `count` messages of `size` bytes from a PUSH socket to a PULL socket over tcp loopback,
/// each socket on a thread of its own, with plain libzmq calls; returns messages per second,
/// or a negative value when a call failed. The baseline the Swift wrapper is measured against.
double czmq_bench_push_pull(int count, int size);

#endif
