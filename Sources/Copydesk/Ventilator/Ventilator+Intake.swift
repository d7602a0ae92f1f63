import DequeModule
import Foundation
import Logging
import ZeroMQ

/// Articles submitted over the intake: journaled, queued and answered.
extension Ventilator {
    /// Answers every waiting submission. Articles are journaled in one transaction before any
    /// of them is answered `accepted`; an id seen before is answered as a duplicate and not queued.
    func takeSubmissions(from intake: Socket, handler: IntakeHandler, stopping: Bool) throws {
        // Answers go out in the order of the requests, under each request's envelope: a client
        // matches them by the request id it put there, or by position.
        var answers: [[Frame]?] = []
        var accepted: [(article: ArticleRecord, envelope: [Frame], slot: Int)] = []
        while answers.count < 1000, let frames = try intake.receive(wait: .never) {
            let waiting = queue.count + accepted.count
            let admission: IntakeHandler.Admission = stopping ? .stopping
                : waiting >= configuration.intakeQueueLimit ? .busy(queued: waiting) : .open
            switch handler.handle(frames, admission: admission) {
            case .reply(let reply):
                if case .busy = admission { progress.busyReplies += 1 }
                answers.append(reply)
            case .article(let article, let envelope):
                accepted.append((article, envelope, answers.count))
                answers.append(nil)
            }
        }
        var known = try journal?.accept(accepted.map(\.article)) ?? []
        for (article, envelope, slot) in accepted {
            let duplicate = known.contains(article.id) || leases[article.id] != nil || configuration.skip.contains(article.id)
            if !duplicate {
                queue.append(article)
                // The same id twice in one batch: the second is the duplicate.
                known.insert(article.id)
                progress.accepted += 1
            }
            answers[slot] = IntakeHandler.accepted(envelope: envelope, id: article.id, duplicate: duplicate)
        }
        var unanswered = 0
        for answer in answers where try !intake.send(answer!, wait: .never) { unanswered += 1 }
        // The client left, or stopped reading: it sends the same ids again, and they are duplicates.
        if unanswered > 0 { logger.warning("intake answers not delivered", metadata: ["count": "\(unanswered)"]) }
    }
}
