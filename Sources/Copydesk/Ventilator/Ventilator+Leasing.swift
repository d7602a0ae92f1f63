import DequeModule
import Foundation
import ZeroMQ

/// Articles read from the inputs and leased to workers in batches as their credit allows.
extension Ventilator {
    /// Reads inputs until the read-ahead is full.
    func refill() {
        guard !progress.inputsExhausted else { return }
        while queue.count < configuration.readAhead {
            guard let item = source.next() else {
                progress.inputsExhausted = true
                return
            }
            progress.read += 1
            switch item {
            case .article(let article):
                if configuration.skip.contains(article.id) {
                    progress.skipped += 1
                } else if leases[article.id] == nil {
                    queue.append(article)
                }
            case .failure(let failure):
                guard !configuration.skip.contains(failure.id), leases[failure.id] == nil else { continue }
                let record = ResultRecord(id: failure.id, attempt: failure.attempt, status: .failed, line: failure.jsonLine)
                leases[failure.id] = Lease(
                    article: ArticleRecord(id: failure.id, source: failure.source, body: []),
                    worker: nil, deadline: clock.now + configuration.leaseTimeout, leasedAt: clock.now, failure: record
                )
                failuresToSend.append(record)
            }
        }
    }

    func dispatch(router: Socket, now: ContinuousClock.Instant) throws {
        // Every worker gets as much as its credit allows, in batches, before the next poll.
        for peer in Array(workers.keys) {
            while !queue.isEmpty, try sendBatch(to: peer, router: router, now: now) {}
        }
    }

    /// Leases the next batch of queued articles to `peer`; `false` when it can take none now.
    func sendBatch(to peer: [UInt8], router: Socket, now: ContinuousClock.Instant) throws -> Bool {
        guard let worker = workers[peer], worker.available > 0 else { return false }
        let count: Int
        if queue[queue.startIndex].attempt > 1 {
            // A suspect: it was with a worker that died or stalled. It goes alone, to a worker
            // holding nothing else, so if it is what kills workers no other article is blamed
            // with it; fresh work waits behind it until a worker drains.
            guard worker.leases.isEmpty else { return false }
            count = 1
        } else {
            // Fresh articles, up to the next suspect.
            count = queue.prefix(min(worker.available, configuration.batchSize)).prefix { $0.attempt == 1 }.count
        }
        let batch = Array(queue.prefix(count))
        var frames = [Frame(peer)]
        frames += WireMessage.tasks(ventilator: instance, batch).frames
        do {
            guard try router.send(frames, wait: .never) else { return false }
        } catch ZMQError.hostUnreachable {
            // Gone since its last message: forget it; its leases expire with it.
            expire(worker: peer, reason: "disconnected")
            return false
        }
        queue.removeFirst(count)
        progress.leased += count
        // Mutated in place: a copy of the worker would copy its lease set on every batch.
        workers[peer]!.sent += count
        workers[peer]!.available -= count
        for article in batch {
            leases[article.id] = Lease(article: article, worker: peer, deadline: now + configuration.leaseTimeout, leasedAt: now)
            workers[peer]!.leases.insert(article.id)
        }
        return true
    }
}
