import Foundation
import GRDB

/// The ventilator's durable record of articles accepted over the intake (SQLite, WAL mode).
///
/// An article is committed here before the intake answers `accepted`, and marked finished when
/// the sink acknowledges it (or it is dead-lettered), so a ventilator killed at any moment
/// restarts with every accepted, unfinished article and hands it out again. Ids stay after
/// they finish (their bodies do not), so a second submission of an id is answered as a duplicate.
final class IntakeJournal {
    private let database: DatabaseQueue

    init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            // A commit is on disk before `accepted` is answered.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        database = try DatabaseQueue(path: path, configuration: configuration)
        try database.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS article (
                    id TEXT PRIMARY KEY NOT NULL,
                    attempt INTEGER NOT NULL,
                    format TEXT NOT NULL,
                    body BLOB,
                    url TEXT NOT NULL,
                    title TEXT NOT NULL,
                    published TEXT NOT NULL,
                    meta BLOB NOT NULL,
                    finished INTEGER NOT NULL DEFAULT 0,
                    charset TEXT NOT NULL DEFAULT ''
                )
                """)
            // Journals written before the charset column came get it.
            if try !db.columns(in: "article").contains(where: { $0.name == "charset" }) {
                try db.execute(sql: "ALTER TABLE article ADD COLUMN charset TEXT NOT NULL DEFAULT ''")
            }
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS article_unfinished ON article(finished) WHERE finished = 0")
        }
    }

    /// Records `articles` in one transaction; returns the ids that were already known, which are not recorded again.
    func accept(_ articles: [ArticleRecord]) throws -> Set<String> {
        guard !articles.isEmpty else { return [] }
        return try database.write { db in
            var known: Set<String> = []
            for article in articles {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO article (id, attempt, format, body, url, title, published, meta, charset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [article.id, article.attempt, article.format.rawValue, Data(article.body), article.url, article.title, article.published,
                                Data(article.metaJSON), article.charset]
                )
                if db.changesCount == 0 { known.insert(article.id) }
            }
            return known
        }
    }

    /// Marks articles finished (written, failed or dead-lettered) and drops their bodies.
    func finish(_ ids: some Collection<String>) throws {
        guard !ids.isEmpty else { return }
        try database.write { db in
            for id in ids {
                try db.execute(sql: "UPDATE article SET finished = 1, body = NULL WHERE id = ? AND finished = 0", arguments: [id])
            }
        }
    }

    /// Records that an article goes out again.
    func recordAttempt(id: String, attempt: Int) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE article SET attempt = ? WHERE id = ?", arguments: [attempt, id])
        }
    }

    /// Every accepted article not yet finished, oldest first: the work a restarted ventilator resumes.
    func unfinished() throws -> [ArticleRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, attempt, format, body, url, title, published, meta, charset FROM article WHERE finished = 0 ORDER BY rowid").map { row in
                ArticleRecord(
                    id: row["id"], attempt: row["attempt"], source: "intake",
                    format: ArticleRecord.BodyFormat(rawValue: row["format"]) ?? .text,
                    body: [UInt8]((row["body"] as Data?) ?? Data()),
                    url: row["url"], title: row["title"], published: row["published"],
                    metaJSON: [UInt8]((row["meta"] as Data?) ?? Data()),
                    charset: row["charset"]
                )
            }
        }
    }
}
