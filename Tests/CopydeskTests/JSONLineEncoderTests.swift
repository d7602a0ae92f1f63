import Copydesk
import Foundation
import NewsAnalysis
import Testing

/// The streaming encoder writes what `JSONEncoder` writes, as far as a JSON reader can tell.
struct JSONLineEncoderTests {
    struct Sample: Codable {
        enum Kind: String, Codable { case person, place }
        struct Inner: Codable { var start: Int; var end: Int; var note: String? }
        var text = "quote \" backslash \\ newline \n tab \t control \u{01} é 😀 / slash"
        var kind = Kind.place
        var count = -42
        var ratio = 0.125
        var big = 1e300
        var whole = 3.0
        var flag = true
        var missing: String? = nil
        var present: Int? = 7
        var spans = [Inner(start: 0, end: 4, note: nil), Inner(start: 5, end: 9, note: "x")]
        var empty: [Inner] = []
        var table = ["b": 2, "a": 1]
        var nested = [[1, 2], [], [3]]
        var url = URL(string: "https://example.com/a?b=c")!
    }

    /// A type with hand-written nested containers, to exercise the paths synthesised code never takes.
    struct Manual: Encodable {
        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: AnyKey.self)
            var inner = outer.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("inner"))
            try inner.encode(1, forKey: AnyKey("one"))
            var list = outer.nestedUnkeyedContainer(forKey: AnyKey("list"))
            try list.encode("a")
            var deeper = list.nestedContainer(keyedBy: AnyKey.self)
            try deeper.encodeNil(forKey: AnyKey("none"))
            try outer.encode("after", forKey: AnyKey("last"))
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private func parsed(_ bytes: some Sequence<UInt8>) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? NSObject)
    }

    @Test func matchesJSONEncoderOnEveryShape() throws {
        let ours = try JSONLineEncoder().encode(Sample())
        let theirs = try JSONEncoder().encode(Sample())
        #expect(try parsed(ours) == parsed(theirs))
        // Members keep the type's order.
        #expect(String(decoding: ours, as: UTF8.self).hasPrefix(#"{"text":"quote \" backslash \\ newline \n tab \t control \u0001 é 😀 / slash","kind":"place""#))
    }

    @Test func handWrittenNestedContainersCloseInOrder() throws {
        let text = String(decoding: try JSONLineEncoder().encode(Manual()), as: UTF8.self)
        #expect(text == #"{"inner":{"one":1},"list":["a",{"none":null}],"last":"after"}"#)
    }

    @Test func refusesNonFiniteNumbers() {
        #expect(throws: EncodingError.self) { try JSONLineEncoder().encode([Double.nan]) }
    }

    @Test func matchesJSONEncoderOnTheSeedReport() throws {
        let text = try String(contentsOf: Workspace.seeds.appendingPathComponent("israel-russia-strategic-ties.txt"), encoding: .utf8)
        let report = try Analyzer().analyze(Article(id: "seed", text: text, url: "https://example.com/seed"))
        #expect(try parsed(JSONLineEncoder().encode(report)) == parsed(JSONEncoder().encode(report)))
    }
}
