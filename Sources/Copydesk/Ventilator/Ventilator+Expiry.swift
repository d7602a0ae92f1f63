import DequeModule
import Foundation
import Logging
import ZeroMQ

/// Leases that run out and workers that fall silent: their articles go out again, or to the
/// dead-letter file after the last attempt.
extension Ventilator {
    func expireLeases(now: ContinuousClock.Instant) {
        if let restart = sinkRestartedAt, now - restart >= .seconds(2) {
            sinkRestartedAt = nil
            handOutWhatTheOldSinkTook(restart: restart)
        }
        for (peer, worker) in workers where now - worker.lastSeen > configuration.workerTimeout {
            expire(worker: peer, reason: "worker silent for over \(configuration.workerTimeout)")
        }
        // Deadlines are a backstop for a stuck worker or a lost result; check them now and then.
        for (id, lease) in leases where lease.deadline < now {
            if let failure = lease.failure {
                leases[id]?.deadline = now + configuration.leaseTimeout
                failuresToSend.append(failure)
            } else {
                if let worker = lease.worker { workers[worker]?.leases.remove(id) }
                requeue(id, reason: "lease expired after \(configuration.leaseTimeout)")
            }
        }
    }

    /// A new sink began acknowledging at `restart`: what the old one had received and not
    /// acknowledged died with it. Those are the leases no worker has named since (workers name
    /// what they hold in every heartbeat, twice a second; this runs 2 s later) nor was sent
    /// since: hand them out now rather than at their deadline.
    func handOutWhatTheOldSinkTook(restart: ContinuousClock.Instant) {
        let unnamedSince = restart + configuration.leaseTimeout
        var lost: [String] = []
        for (id, lease) in leases where lease.deadline <= unnamedSince {
            if let failure = lease.failure {
                failuresToSend.append(failure)
            } else if let worker = lease.worker {
                workers[worker]?.leases.remove(id)
                lost.append(id)
            }
        }
        for id in lost { requeue(id, reason: "the sink restarted before acknowledging it") }
        logger.info("the sink restarted; what it had not acknowledged goes out again", metadata: ["articles": "\(lost.count)"])
    }

    func expire(worker peer: [UInt8], reason: String) {
        guard let worker = workers.removeValue(forKey: peer) else { return }
        if !worker.leases.isEmpty {
            logger.warning("worker lost; its articles go out again", metadata: ["worker": "\(String(decoding: peer, as: UTF8.self))", "articles": "\(worker.leases.count)", "reason": "\(reason)"])
        }
        for id in worker.leases { requeue(id, reason: reason) }
    }

    /// Hands an article out again with attempt + 1, or dead-letters it after the last attempt.
    func requeue(_ id: String, reason: String) {
        guard var article = leases.removeValue(forKey: id)?.article else { return }
        guard article.attempt < configuration.maximumAttempts else {
            deadLetter(article, reason: "gave up after \(article.attempt) attempts; last: \(reason)")
            return
        }
        article.attempt += 1
        progress.redelivered += 1
        if article.source == "intake" { try? journal?.recordAttempt(id: article.id, attempt: article.attempt) }
        // Redeliveries go first.
        queue.prepend(article)
    }

    /// Gives an article up: its failure record goes to the sink's dead-letter file, under a lease
    /// like any result, so a late report of the same id and the dead letter never both land.
    func deadLetter(_ article: ArticleRecord, reason: String) {
        let failure = FailureRecord(id: article.id, attempt: article.attempt, source: article.source, reason: reason, stage: .delivery)
        let record = ResultRecord(id: article.id, attempt: article.attempt, status: .dead, line: failure.jsonLine)
        leases[article.id] = Lease(article: article, worker: nil, deadline: clock.now + configuration.leaseTimeout, leasedAt: clock.now, failure: record)
        failuresToSend.append(record)
        logger.error("article given up", metadata: ["id": "\(article.id)", "reason": "\(reason)"])
    }
}
