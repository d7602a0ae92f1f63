@testable import Copydesk
import Foundation
import Logging
import Synchronization
import Testing
import ZeroMQ

// A hang guard, not a speed bound: in the full suite on a 2-core runner a test can wait
// 80–100 s for a thread before it runs (seen in a clean-clone CI run), so 1 minute failed them.
@Suite(.timeLimit(.minutes(4)))
struct ProtocolTests {
    @Test func everyMessageKindSurvivesItsFrames() throws {
        let article = ArticleRecord(
            id: "x-1", attempt: 2, source: "in.jsonl:3", format: .html, body: [0xFF, 0x00, 0x41],
            url: "https://e.com", title: "T", published: "2024-01-02", metaJSON: Array(#"{"k":1}"#.utf8), charset: "koi8-r"
        )
        let messages: [WireMessage] = [
            .credit(ventilator: "abc", received: 12, free: 30, holding: ["a-1", "b-2"]),
            .credit(ventilator: "abc", received: 12, free: 30, holding: []),
            .tasks(ventilator: "abc", [article, ArticleRecord(id: "y", source: "s", body: [])]),
            .results([ResultRecord(id: "x-1", attempt: 2, status: .ok, line: Array("{}".utf8)), ResultRecord(id: "z", attempt: 1, status: .failed, line: []), ResultRecord(id: "d", attempt: 3, status: .dead, line: [])]),
            .acks([Ack(id: "x-1", status: .ok), Ack(id: "z", status: .duplicate), Ack(id: "d", status: .dead)]),
        ]
        for message in messages {
            #expect(try WireMessage(frames: message.frames[...]) == message)
        }
    }

    /// Articles of eight packed fields, from before `charset`, still decode.
    @Test func anArticleWithoutTheCharsetFieldDecodes() throws {
        var fields = PackedFields()
        for value in ["id-8", "1", "in.jsonl:1", "html", "https://e.com", "T", "", ""] { fields.append(value) }
        let message = try WireMessage(frames: [Frame(WireMessage.version), Frame("TASKS"), Frame("v"), fields.frame, Frame(Array("<p>x</p>".utf8))][...])
        guard case .tasks(_, let articles) = message else { Issue.record("not TASKS"); return }
        #expect(articles.map(\.id) == ["id-8"])
        #expect(articles.first?.charset == "")
    }

    /// A JSON `html` with a `charset` is the page's bytes when every code point is below
    /// U+0100 (what `bytes.decode("latin-1")` gives), and text otherwise.
    @Test func htmlWithACharsetIsReadAsThePagesBytesOnlyWhenItCanBe() throws {
        // "Мир" in windows-1251 is CC E8 F0; as Latin-1 code points, "Ìèð".
        let bytesView = try ArticleJSON.parse(Array(#"{"id":"b","html":"<p>Ìèð</p>","charset":"windows-1251"}"#.utf8),
                                              source: "t", maximumBodyBytes: 1 << 20).get()
        #expect(bytesView.body == Array("<p>".utf8) + [0xCC, 0xE8, 0xF0] + Array("</p>".utf8))
        #expect(bytesView.charset == "windows-1251")
        let text = try ArticleJSON.parse(Array(#"{"id":"t","html":"<p>Мир</p>","charset":"windows-1251"}"#.utf8),
                                         source: "t", maximumBodyBytes: 1 << 20).get()
        #expect(text.body == Array("<p>Мир</p>".utf8))
        #expect(text.charset == "utf-8")
        // Without a charset the string is text too, whatever the page's own meta tag says.
        let declared = try ArticleJSON.parse(Array(#"{"id":"m","html":"<meta charset=windows-1252><p>café</p>"}"#.utf8),
                                             source: "t", maximumBodyBytes: 1 << 20).get()
        #expect(declared.charset == "utf-8")
    }

    @Test func aWrongVersionOrShapeIsRefusedByName() {
        #expect(throws: WireError.unsupportedVersion("copydesk/0")) {
            try WireMessage(frames: [Frame("copydesk/0"), Frame("ACKS")][...])
        }
        #expect(throws: WireError.unsupportedVersion("copydesk/1")) {
            try WireMessage(frames: [Frame("copydesk/1"), Frame("ACKS")][...])
        }
        let version = Frame(WireMessage.version)
        #expect(throws: WireError.self) { try WireMessage(frames: [version, Frame("CREDIT"), Frame("a")][...]) }
        #expect(throws: WireError.self) { try WireMessage(frames: [Frame(WireMessage.version), Frame("NOPE")][...]) }
    }

    /// Packed fields are 4-byte big-endian lengths, each followed by its bytes.
    @Test func packedFieldsAreReadExactlyAndRefusedWhenTheyDoNotAddUp() throws {
        let acks = WireMessage.acks([Ack(id: "é1", status: .ok), Ack(id: "", status: .duplicate)]).frames
        #expect(acks[2].bytes == [0, 0, 0, 3, 0xC3, 0xA9, 0x31, 0, 0, 0, 2, 0x6F, 0x6B, 0, 0, 0, 0, 0, 0, 0, 9] + Array("duplicate".utf8))
        func message(_ kind: String, _ frames: [[UInt8]]) -> ArraySlice<Frame> {
            ([Frame(WireMessage.version), Frame(kind)] + frames.map { Frame($0) })[...]
        }
        let field: (String) -> [UInt8] = { [0, 0, 0, UInt8($0.utf8.count)] + Array($0.utf8) }
        // A length that runs past the frame, a short length prefix, an odd number of ACKS fields.
        #expect(throws: WireError.self) { try WireMessage(frames: message("ACKS", [[0, 0, 0, 9, 0x61]])) }
        #expect(throws: WireError.self) { try WireMessage(frames: message("ACKS", [[0, 0, 1]])) }
        #expect(throws: WireError.self) { try WireMessage(frames: message("ACKS", [field("a")])) }
        // A task with 7 fields, not 8; a result with its line missing; a result with a bad status.
        #expect(throws: WireError.self) {
            try WireMessage(frames: message("TASKS", [Array("v".utf8), (0..<7).flatMap { _ in field("x") }, []]))
        }
        #expect(throws: WireError.self) { try WireMessage(frames: message("RESULTS", [field("a") + field("1") + field("ok")])) }
        #expect(throws: WireError.self) { try WireMessage(frames: message("RESULTS", [field("a") + field("1") + field("maybe"), Array("{}".utf8)])) }
        // And the well-formed one reads.
        let read = try WireMessage(frames: message("RESULTS", [field("a") + field("1") + field("ok"), Array("{}".utf8)]))
        #expect(read == .results([ResultRecord(id: "a", attempt: 1, status: .ok, line: Array("{}".utf8))]))
    }

    @Test func derivedIdsMatchTheDocumentedRecipe() {
        // "a-" + hashlib.sha256(url + "\n" + text).hexdigest()[:24], computed with Python.
        #expect(ArticleID.derive(url: "https://example.com/a", body: Array("hello world".utf8)) == "a-6e75646390937f9864f55fbe")
        #expect(ArticleID.derive(url: "", body: []) == "a-01ba4719c80b6fe911b091a7")
    }

    @Test func articleObjectsAreReadWithClearRefusals() throws {
        let parse = { (json: String) in ArticleJSON.parse(Array(json.utf8), source: "t", maximumBodyBytes: 100) }
        let article = try parse(#"{"id": 7, "text": "Hi", "url": "u", "meta": {"b": [1], "a": null}}"#).get()
        #expect(article.id == "7")
        #expect(article.body == Array("Hi".utf8))
        #expect(String(decoding: article.metaJSON, as: UTF8.self) == #"{"a":null,"b":[1]}"#)
        #expect(try parse(#"{"html": "<p>x</p>"}"#).get().format == .html)
        #expect(try parse(#"{"text": "same"}"#).get().id == ArticleID.derive(url: "", body: Array("same".utf8)))

        #expect(parse("nope") == .failure(.notJSON))
        #expect(parse("[1]") == .failure(.notAnObject))
        #expect(parse(#"{"title": "t"}"#) == .failure(.noBody))
        #expect(parse(#"{"text": 5}"#) == .failure(.badField("text", "a string")))
        #expect(parse(#"{"id": true, "text": "x"}"#) == .failure(.badField("id", "a string or a number")))
        #expect(parse(#"{"id": "", "text": "x"}"#) == .failure(.badField("id", "1 to 256 bytes")))
        #expect(parse(#"{"text": "\#(String(repeating: "x", count: 101))"}"#) == .failure(.tooLarge(bytes: 101, limit: 100)))
        let bomb = String(repeating: "[", count: 100_000)
        #expect(parse(#"{"text": "x", "meta": {"a": \#(bomb)}}"#) == .failure(.tooDeep(limit: ArticleJSON.maximumDepth)))
        // A body that is not UTF-8 travels as bytes (the worker reports it); short fields must be text.
        let latin1Body = Array(#"{"text": "caf"#.utf8) + [0xE9] + Array(#"", "url": "u"}"#.utf8)
        #expect(try ArticleJSON.parse(latin1Body, source: "t", maximumBodyBytes: 100).get().body == Array("caf".utf8) + [0xE9])
        let latin1URL = Array(#"{"text": "x", "url": "caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        #expect(ArticleJSON.parse(latin1URL, source: "t", maximumBodyBytes: 100) == .failure(.notJSON))
        // Brackets inside strings are text, not nesting.
        #expect(try ArticleJSON.parse(Array(#"{"text": "\#(bomb)"}"#.utf8), source: "t", maximumBodyBytes: 1 << 20).get().body.count == 100_000)
    }

    @Test func theIntakeAcceptsArticlesAndRefusesAWrongVersion() async throws {
        try await SocketThread.run {
            let context = try Context()
            let stop = StopSignal()
            var configuration = Ventilator.Configuration(
                tasksEndpoint: "inproc://tasks", sinkEndpoint: "inproc://sink", exitWhenDone: false
            )
            configuration.intakeEndpoint = "tcp://127.0.0.1:*"
            let intake = Mutex<String?>(nil)
            let failure = Mutex<String?>(nil)
            let thread = SocketThread(name: "ventilator") { [configuration] in
                do {
                    let ventilator = try Ventilator(configuration, logger: Logger(label: "test"))
                    _ = try ventilator.run(context: context, stop: stop, bound: { endpoints in intake.withLock { $0 = endpoints.intake } })
                } catch {
                    failure.withLock { $0 = "\(error)" }
                }
            }
            defer { stop.request(); thread.join() }
            // Until the intake is bound, the ventilator fails, or ten seconds pass.
            let deadline = ContinuousClock.now + .seconds(10)
            while intake.withLock({ $0 }) == nil, failure.withLock({ $0 }) == nil, ContinuousClock.now < deadline { usleep(1000) }
            try #require(failure.withLock { $0 } == nil, "the ventilator failed: \(failure.withLock { $0 } ?? "")")
            let endpoint = try #require(intake.withLock { $0 }, "the ventilator did not bind its intake within 10 s")
            let client = try IntakeClient(context: context, endpoint: endpoint, timeout: .seconds(10))
            let replies = try client.submit([Array(#"{"id":"a1","text":"Hello"}"#.utf8), Array("not json".utf8), Array(#"{"url":"u","text":"T"}"#.utf8)])
            #expect(replies.map(\.accepted) == [true, false, true])
            #expect(replies[0].id == "a1")
            #expect(replies[1].reason == "not valid JSON")
            #expect(replies[2].id == ArticleID.derive(url: "u", body: Array("T".utf8)))

            let refused = try client.submit([Array(#"{"text":"x"}"#.utf8)], version: "copydesk-intake/9")
            #expect(refused.first?.accepted == false)
            #expect(refused.first?.reason?.contains("unsupported protocol version") == true)

            // What a client puts before the delimiter comes back with the answer: a request id.
            let dealer = try Socket(context, type: .dealer)
            try dealer.connect(endpoint)
            try dealer.send([Frame("request-7"), Frame("part 2"), Frame(), Frame(IntakeHandler.version), Frame(#"{"id":"b2","text":"Hi"}"#)])
            try dealer.send([Frame("request-8"), Frame(), Frame(IntakeHandler.version), Frame("not json")])
            let answers = try [#require(try dealer.receive(wait: .timeout(.seconds(10)))), #require(try dealer.receive(wait: .timeout(.seconds(10))))]
            #expect(answers.map { $0.prefix(3).map { $0.string ?? "" } } == [["request-7", "part 2", ""], ["request-8", "", #"{"id":null,"status":"rejected","reason":"not valid JSON"}"#]])
            #expect(answers[0].last?.string?.contains(#""id":"b2","status":"accepted""#) == true)
        }
    }
}

struct FlatJSONObjectTests {
    @Test(arguments: [
        #"{"id":"a","text":"plain"}"#,
        #"  { "id" : 12 , "text" : "tab\there \"quoted\" back\\slash \/ \u00e9 \ud83d\ude00 line\nbreak", "url": null, "x": true, "y": -1.5e3 }  "#,
        #"{}"#,
        #"{"text":"\u00E9 long run of plain text before the next escape \" and one at the end\\","k":"\n"}"#,
    ])
    func readsWhatJSONSerializationReads(json: String) throws {
        let fast = try #require(FlatJSONObject(Array(json.utf8)))
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(fast.members.count == reference.count)
        for (key, value) in fast.members {
            switch value {
            case .string(let utf8): #expect(reference[key] as? String == String(validating: utf8, as: UTF8.self))
            case .number(let text): #expect((reference[key] as? NSNumber)?.doubleValue == Double(text))
            case .bool(let flag): #expect(reference[key] as? Bool == flag)
            case .null: #expect(reference[key] is NSNull)
            }
        }
    }

    @Test(arguments: [
        #"{"meta":{"a":1},"text":"x"}"#, #"[1]"#, #"{"text":"x",}"#, #"{"text":"x"} extra"#,
        #"{"text":"bad \q escape"}"#, "{\"text\":\"raw\ncontrol\"}", #"{"text":"\ud83d alone"}"#, #"{"text":"open"#,
    ])
    func leavesEverythingElseToTheFullParser(json: String) {
        #expect(FlatJSONObject(Array(json.utf8)) == nil)
    }
}
