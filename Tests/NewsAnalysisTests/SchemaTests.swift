import Foundation
import NewsAnalysis
import Testing

/// Every report the analyzer writes must fit the published JSON Schema.
@Suite struct SchemaTests {
    static func validator() throws -> JSONSchemaValidator {
        let url = Shared.root.appendingPathComponent("Sources/NewsAnalysis/Resources/report.schema.json")
        return try JSONSchemaValidator(schema: Data(contentsOf: url))
    }

    static let samples: [String] = [
        "Headline\n\nBy Jane Doe and John Roe\n\nJERUSALEM (AP) — Mr. Smith said, \"It works.\" The U.S. Army agreed.",
        "Один два три. Москва.",
        "Short text.",
        "\"An open quote that never closes\n\nand a paragraph",
    ]

    @Test func seedReportFitsTheSchema() throws {
        let report = try Shared.analyze(try Shared.seed("israel-russia-strategic-ties.txt"), id: "seed")
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report))
        #expect(try Self.validator().validate(json) == [])
    }

    @Test(arguments: samples)
    func sampleReportsFitTheSchema(_ text: String) throws {
        let report = try Shared.analyze(text)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report))
        #expect(try Self.validator().validate(json) == [])
    }

    @Test func validatorCatchesViolations() throws {
        let report = try Shared.analyze("Headline\n\nOlmert met Medvedev in Moscow.")
        var json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        json["language"] = "english"
        json["surprise"] = 1
        json.removeValue(forKey: "entities")
        let errors = try Self.validator().validate(json)
        #expect(errors.count == 3)
    }

    @Test func reportRoundTripsThroughJSON() throws {
        let report = try Shared.analyze(try Shared.seed("israel-russia-strategic-ties.txt"))
        let decoded = try JSONDecoder().decode(AnalysisReport.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
    }
}
