import Foundation
import Testing
@testable import NewsAnalysis

/// The one-pass decoder agrees with the standard library on every input, valid or not.
@Suite struct UTF8ScalarsTests {
    /// The standard library's answer: the code points, or the offset of the first bad byte.
    static func reference(_ bytes: [UInt8]) -> (scalars: [Unicode.Scalar], invalidOffset: Int?) {
        if let text = String(validating: bytes, as: UTF8.self) { return (Array(text.unicodeScalars), nil) }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return ([], offset)
    }

    static func decode(_ bytes: [UInt8]) -> (scalars: [Unicode.Scalar], invalidOffset: Int?) {
        bytes.withUnsafeBufferPointer { UTF8Scalars.decode($0) }
    }

    @Test(arguments: [
        [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80],  // overlong
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],  // surrogates
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],  // past U+10FFFF, never a lead
        [0xE2, 0x82], [0x80], [0xC3, 0x41],  // cut short, a lone continuation, a missing one
        Array("seven b\u{E9}yte".utf8), Array("abcdefgh\u{1F600}ijklmnop".utf8),  // across the eight-byte steps
        [],
    ] as [[UInt8]])
    func edgeCasesMatchTheStandardLibrary(bytes: [UInt8]) {
        let (scalars, offset) = Self.decode(bytes)
        let expected = Self.reference(bytes)
        #expect(scalars == expected.scalars)
        #expect(offset == expected.invalidOffset)
    }

    @Test func randomTextAndRandomBytesMatchTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", " ", "\n", "é", "ß", "€", "中", "😀", "👩‍👩‍👧", "\u{0301}", "\u{FEFF}", "\u{10FFFF}"]
        for _ in 0..<2_000 {
            var bytes = Array((0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined().utf8)
            // Half the time, one byte changed to anything: mostly invalid, sometimes still valid.
            if !bytes.isEmpty, Bool.random(using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            let (scalars, offset) = Self.decode(bytes)
            let expected = Self.reference(bytes)
            #expect(scalars == expected.scalars, "\(bytes)")
            #expect(offset == expected.invalidOffset, "\(bytes)")
        }
    }

    @Test func bytesAndTheirStringGiveTheSameReport() throws {
        let text = "Olmert met Medvedev in Moscow on Monday. \u{201C}We agreed,\u{201D} he said. 😀 Caf\u{E9} owners cheered."
        var fromString = try Shared.analyzer.get().analyze(Article(text: text))
        var fromBytes = try Shared.analyzer.get().analyze(utf8: Array(text.utf8))
        fromString.elapsedMicroseconds = 0
        fromBytes.elapsedMicroseconds = 0
        #expect(fromBytes == fromString)
    }
}
