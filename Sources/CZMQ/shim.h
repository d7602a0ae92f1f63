#ifndef COPYDESK_CZMQ_SHIM_H
#define COPYDESK_CZMQ_SHIM_H

#include <errno.h>
#include <pthread.h>
#include <zmq.h>

/// Ask a CURVE or PLAIN server to refuse every handshake when no ZAP handler answers.
/// libzmq 4.3 handles the option but declares it only in its draft API.
#ifndef ZMQ_ZAP_ENFORCE_DOMAIN
#define ZMQ_ZAP_ENFORCE_DOMAIN 93
#endif

/// `errno` for Swift, which cannot read the C macro directly on every platform.
static inline int czmq_errno(void) { return zmq_errno(); }

/// glibc declares this only under _GNU_SOURCE, which Swift's Glibc module is built without.
extern int pthread_setname_np(pthread_t thread, const char *name);

/// Names the calling thread (at most 15 bytes show), for `top -H` and debuggers.
static inline void czmq_name_thread(const char *name) { (void)pthread_setname_np(pthread_self(), name); }

#endif
