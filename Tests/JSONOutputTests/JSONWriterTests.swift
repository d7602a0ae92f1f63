import Foundation
import JSONOutput
import Testing

/// What the writer produces reads back, through Foundation's parser, as what was written.
struct JSONWriterTests {
    private func parsed(_ bytes: [UInt8]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    private func written(_ body: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter()
        body(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func commasGoBetweenMembersAndElementsAtEveryDepth() {
        let text = written { json in
            json.beginObject()
            json.member("a", 1)
            json.key("list")
            json.beginArray()
            json.beginObject()
            json.endObject()
            json.value("x")
            json.beginArray()
            json.endArray()
            json.null()
            json.endArray()
            json.member("missing", Optional<Int>.none)
            json.member("present", Optional(true))
            json.member("nested", [[1, 2], [], [3]])
            json.key("meta")
            json.rawValue(Array(#"{"k":[1]}"#.utf8))
            json.endObject()
        }
        #expect(text == #"{"a":1,"list":[{},"x",[],null],"present":true,"nested":[[1,2],[],[3]],"meta":{"k":[1]}}"#)
    }

    /// Every byte that needs an escape, at every offset of the eight-byte scan, and text
    /// around it that needs none (ASCII, accents, emoji, `/`).
    @Test func stringsReadBackAsWritten() throws {
        var specials = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        specials += ["\"", "\\", "/", "é", "😀", "\u{7F}", "\u{2028}"]
        for special in specials {
            for offset in 0..<17 {
                let value = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 17 - offset)
                var json = JSONWriter()
                json.value(value)
                #expect(try parsed(json.bytes) as? String == value, "\(special.unicodeScalars.map(\.value)) at \(offset)")
            }
        }
        #expect(written { $0.value("") } == #""""#)
        #expect(written { $0.value("tab\tquote\"") } == #""tab\tquote\"""#)
        #expect(written { $0.value("\u{01}") } == #""\u0001""#)
    }

    @Test(arguments: [0, 7, 10, -1, -10, 123_456_789, Int.max, Int.min])
    func integersReadBackAsWritten(value: Int) throws {
        var json = JSONWriter()
        json.value(value)
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
    }

    @Test(arguments: [0.0, -0.0, 1.0, -3.0, 0.5, -0.5, 0.077, 0.893, -0.296, 0.1234, 12.3, 99.999, 1e-7, 0.12345,
                      1.0 / 3.0, 2_500_000.75, 1e10 + 0.5, 1e11 + 0.5, 1e300, -1e-300, 3.14159, 52.52437, 13.41053, 0.1 + 0.2])
    func doublesReadBackAsTheSameDouble(value: Double) throws {
        var json = JSONWriter()
        json.value(value)
        let text = String(decoding: json.bytes, as: UTF8.self)
        #expect(Double(text) == value, "\(value) written as \(text)")
        #expect(!text.contains("e") || abs(value) >= 1e11 || abs(value) < 1e-4, "\(text)")
    }

    @Test func scoresWithFewDecimalsAreWrittenShort() {
        #expect(written { $0.value(0.077) } == "0.077")
        #expect(written { $0.value(-0.296) } == "-0.296")
        #expect(written { $0.value(0.5) } == "0.5")
        #expect(written { $0.value(2.0) } == "2")
        #expect(written { $0.value(0.0625) } == "0.0625")
    }

    @Test func nonFiniteNumbersAreNull() throws {
        #expect(written { $0.value(Double.nan) } == "null")
        #expect(written { $0.value(-Double.infinity) } == "null")
        #expect(written { json in json.beginArray(); json.value(Double.infinity); json.value(1); json.endArray() } == "[null,1]")
    }
}
