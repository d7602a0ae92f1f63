import NewsAnalysis

/// Figures across every report in the file, shown or not: names by how many articles and
/// mentions they have, places with their coordinates, quotes and faults. Holds one entry per
/// distinct name, never the reports.
public struct ReportTally {
    struct Name {
        var name: String
        var articles = 0
        var mentions = 0
        var geo: Entity.Geo?
    }

    public private(set) var reports = 0
    /// Lines that were not reports (error records, junk), with the first reason seen.
    public private(set) var skippedLines = 0
    public private(set) var firstSkipReason: String?
    private(set) var quotes = 0
    private(set) var issues: [CopyIssue.Kind: Int] = [:]
    private(set) var languages: [String: Int] = [:]
    private(set) var words = 0
    private var names: [Entity.Kind: [String: Name]] = [:]

    public init() {}

    public mutating func add(_ report: ReportRecord) {
        reports += 1
        quotes += report.quotes.count
        for issue in report.issues { issues[issue.kind, default: 0] += 1 }
        languages[report.language ?? "und", default: 0] += 1
        words += report.counts?.words ?? 0
        for entity in report.entities {
            var entry = names[entity.type]?[entity.name] ?? Name(name: entity.name)
            entry.articles += 1
            entry.mentions += entity.mentions.count
            if entry.geo == nil { entry.geo = entity.geo }
            names[entity.type, default: [:]][entity.name] = entry
        }
    }

    public mutating func skip(reason: String) {
        skippedLines += 1
        if firstSkipReason == nil { firstSkipReason = reason }
    }

    /// The `count` names of a kind in most articles, then most mentions, then by name.
    func top(_ kind: Entity.Kind, _ count: Int) -> [Name] {
        Array(ranked(kind).prefix(count))
    }

    func distinct(_ kind: Entity.Kind) -> Int {
        names[kind]?.count ?? 0
    }

    /// Every place with coordinates, most mentioned first.
    var mappedPlaces: [Name] {
        ranked(.place).filter { $0.geo != nil }.sorted { ($0.mentions, $1.name) > ($1.mentions, $0.name) }
    }

    private func ranked(_ kind: Entity.Kind) -> [Name] {
        (names[kind] ?? [:]).values.sorted { ($0.articles, $0.mentions, $1.name) > ($1.articles, $1.mentions, $0.name) }
    }
}
