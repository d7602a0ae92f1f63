#include "czmq_bench.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

struct sender_args {
    void *context;
    char endpoint[256];
    int count;
    int size;
    int failed;
};

static void *send_all(void *argument) {
    struct sender_args *args = argument;
    void *push = zmq_socket(args->context, ZMQ_PUSH);
    int linger = -1;
    zmq_setsockopt(push, ZMQ_LINGER, &linger, sizeof linger);
    if (zmq_connect(push, args->endpoint) != 0) { args->failed = 1; zmq_close(push); return NULL; }
    char *payload = malloc((size_t)args->size);
    memset(payload, 'x', (size_t)args->size);
    for (int i = 0; i < args->count; i++) {
        zmq_msg_t message;
        zmq_msg_init_size(&message, (size_t)args->size);
        memcpy(zmq_msg_data(&message), payload, (size_t)args->size);
        if (zmq_msg_send(&message, push, 0) < 0) { args->failed = 1; zmq_msg_close(&message); break; }
    }
    free(payload);
    zmq_close(push);
    return NULL;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double czmq_bench_push_pull(int count, int size) {
    void *context = zmq_ctx_new();
    void *pull = zmq_socket(context, ZMQ_PULL);
    if (zmq_bind(pull, "tcp://127.0.0.1:*") != 0) { zmq_close(pull); zmq_ctx_term(context); return -1; }
    struct sender_args args = { .context = context, .count = count, .size = size, .failed = 0 };
    size_t length = sizeof args.endpoint;
    zmq_getsockopt(pull, ZMQ_LAST_ENDPOINT, args.endpoint, &length);

    double start = now_seconds();
    pthread_t sender;
    pthread_create(&sender, NULL, send_all, &args);
    long long bytes = 0;
    for (int i = 0; i < count; i++) {
        zmq_msg_t message;
        zmq_msg_init(&message);
        if (zmq_msg_recv(&message, pull, 0) < 0) { zmq_msg_close(&message); args.failed = 1; break; }
        bytes += (long long)zmq_msg_size(&message);
        zmq_msg_close(&message);
    }
    double elapsed = now_seconds() - start;
    pthread_join(sender, NULL);
    zmq_close(pull);
    zmq_ctx_term(context);
    if (args.failed || bytes != (long long)count * size) return -1;
    return count / elapsed;
}
