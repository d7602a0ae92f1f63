import Foundation
import Testing
import ZeroMQ

@Suite(.hangGuard)
struct MessageTests {
    @Test(arguments: Transport.allCases)
    func multipartKeepsEmptyFramesAndAnEightMegabyteFrame(transport: Transport) async throws {
        try await onSocketThread {
            let context = try Context()
            let pull = try Socket(context, type: .pull)
            let endpoint = try pull.bind(transport.bindEndpoint())
            let push = try Socket(context, type: .push)
            try push.connect(endpoint)

            let big = (0..<8 * 1024 * 1024).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try push.send([Frame(), Frame("middle"), Frame(), Frame(big), Frame()])
            let frames = try #require(try pull.receive(wait: .timeout(.seconds(10))))
            #expect(frames.map(\.count) == [0, 6, 0, big.count, 0])
            #expect(frames[1].string == "middle")
            #expect(frames[3].bytes == big)
            #expect(frames.dropLast().allSatisfy { $0.hasMore })
            #expect(!frames.last!.hasMore)
        }
    }

    @Test func framesAreBytesNotText() async throws {
        try await onSocketThread {
            let context = try Context()
            let pull = try Socket(context, type: .pull)
            let endpoint = try pull.bind(Transport.inproc.bindEndpoint())
            let push = try Socket(context, type: .push)
            try push.connect(endpoint)
            let invalidUTF8: [UInt8] = [0xFF, 0x00, 0xC3]
            try push.send([Frame(invalidUTF8)])
            let frame = try #require(try pull.receive(wait: .timeout(.seconds(5)))?.first)
            #expect(frame.bytes == invalidUTF8)
            #expect(frame.string == nil)
            #expect(frame.equals(invalidUTF8))
        }
    }

    @Test func nonBlockingAndTimedReceiveReturnNothingWhenNothingCame() async throws {
        try await onSocketThread {
            let context = try Context()
            let pull = try Socket(context, type: .pull)
            _ = try pull.bind(Transport.inproc.bindEndpoint())
            #expect(try pull.receive(wait: .never) == nil)
            let clock = ContinuousClock()
            let start = clock.now
            #expect(try pull.receive(wait: .timeout(.milliseconds(150))) == nil)
            let waited = clock.now - start
            #expect(waited >= .milliseconds(140) && waited < .seconds(3))
        }
    }

    @Test func receiveTimeoutOptionFailsABlockingReceiveWithEAGAIN() async throws {
        try await onSocketThread {
            let context = try Context()
            let pull = try Socket(context, type: .pull)
            _ = try pull.bind(Transport.inproc.bindEndpoint())
            try pull.set(.receiveTimeout, .milliseconds(50))
            #expect(try pull.get(.receiveTimeout) == .milliseconds(50))
            #expect(throws: ZMQError.wouldBlock) { _ = try pull.receive() }
        }
    }

    @Test func timedSendGivesUpWhenTheHighWaterMarkIsReached() async throws {
        try await onSocketThread {
            let context = try Context()
            let pull = try Socket(context, type: .pull)
            try pull.set(.receiveHighWaterMark, 1)
            let endpoint = try pull.bind(Transport.inproc.bindEndpoint())
            let push = try Socket(context, type: .push)
            try push.set(.sendHighWaterMark, 1)
            try push.connect(endpoint)
            var queued = 0
            while try push.send([Frame("x")], wait: .timeout(.milliseconds(50))) {
                queued += 1
                try #require(queued < 100, "the high-water mark never stopped the sender")
            }
            #expect(queued >= 1)
            #expect(try pull.receive(wait: .never) != nil)
        }
    }

    @Test func pollerReportsWhichSocketIsReadable() async throws {
        try await onSocketThread {
            let context = try Context()
            let first = try Socket(context, type: .pull)
            let second = try Socket(context, type: .pull)
            let firstEndpoint = try first.bind(Transport.inproc.bindEndpoint())
            let secondEndpoint = try second.bind(Transport.tcp.bindEndpoint())
            let sender = try Socket(context, type: .push)
            try sender.connect(secondEndpoint)
            let other = try Socket(context, type: .push)
            try other.connect(firstEndpoint)

            let poller = Poller()
            poller.register(first)
            poller.register(second)
            #expect(try poller.poll(timeout: .milliseconds(20)).isEmpty)

            let writable = Poller()
            writable.register(sender, for: .writable)
            #expect(try writable.poll(timeout: .seconds(5)).isWritable(sender))

            try sender.send([Frame("hi")])
            var result = try poller.poll(timeout: .seconds(5))
            #expect(result.isReadable(second))
            #expect(!result.isReadable(first))
            _ = try second.receive()

            try other.send([Frame("also")])
            result = try poller.poll(timeout: .seconds(5))
            #expect(result.isReadable(first))
            #expect(!result.isReadable(second))
        }
    }

    @Test func pollerWakesForAPlainFileDescriptorBesideItsSockets() async throws {
        try await onSocketThread {
            let context = try Context()
            let socket = try Socket(context, type: .pull)
            _ = try socket.bind(Transport.inproc.bindEndpoint())
            var descriptors: [Int32] = [-1, -1]
            #expect(pipe(&descriptors) == 0)
            defer { descriptors.forEach { close($0) } }

            let poller = Poller()
            poller.register(socket)
            poller.register(fileDescriptor: descriptors[0])
            #expect(try poller.poll(timeout: .milliseconds(20)).isEmpty)

            var byte: UInt8 = 1
            #expect(write(descriptors[1], &byte, 1) == 1)
            let clock = ContinuousClock()
            let began = clock.now
            let result = try poller.poll(timeout: .seconds(5))
            #expect(clock.now - began < .seconds(1))
            #expect(result.isReadable(fileDescriptor: descriptors[0]))
            #expect(!result.isReadable(socket))
            #expect(!result.isReadable(fileDescriptor: descriptors[1]))
        }
    }

    @Test func maximumMessageSizeDropsTheOversizedPeer() async throws {
        try await onSocketThread {
            let context = try Context()
            let pull = try Socket(context, type: .pull)
            try pull.set(.maxMessageSize, 1024)
            #expect(try pull.get(.maxMessageSize) == 1024)
            let endpoint = try pull.bind(Transport.tcp.bindEndpoint())
            let push = try Socket(context, type: .push)
            try push.connect(endpoint)
            try push.send([Frame([UInt8](repeating: 7, count: 4096))])
            #expect(try pull.receive(wait: .timeout(.milliseconds(500))) == nil)

            // A well-behaved peer still gets through.
            let polite = try Socket(context, type: .push)
            try polite.connect(endpoint)
            try polite.send([Frame([UInt8](repeating: 1, count: 1000))])
            #expect(try pull.receive(wait: .timeout(.seconds(5)))?.first?.count == 1000)
        }
    }

    @Test func routerMandatoryReportsAnUnreachablePeer() async throws {
        try await onSocketThread {
            let context = try Context()
            let router = try Socket(context, type: .router)
            try router.set(.routerMandatory, true)
            _ = try router.bind(Transport.inproc.bindEndpoint())
            #expect(throws: ZMQError.hostUnreachable) {
                try router.send([Frame("no-such-worker"), Frame("task")])
            }
        }
    }

    @Test func optionsRoundTrip() async throws {
        try await onSocketThread {
            let context = try Context()
            let socket = try Socket(context, type: .dealer)
            #expect(try socket.get(.linger) == .zero)
            try socket.set(.linger, .milliseconds(250))
            #expect(try socket.get(.linger) == .milliseconds(250))
            try socket.set(.sendHighWaterMark, 77)
            #expect(try socket.get(.sendHighWaterMark) == 77)
            try socket.set(.immediate, true)
            #expect(try socket.get(.immediate))
            try socket.set(.heartbeatInterval, .seconds(1))
            #expect(try socket.get(.heartbeatInterval) == .seconds(1))
            try socket.set(.heartbeatTimeout, .seconds(3))
            #expect(try socket.get(.heartbeatTimeout) == .seconds(3))
            try socket.set(.reconnectInterval, .milliseconds(100))
            #expect(try socket.get(.reconnectInterval) == .milliseconds(100))
            try socket.set(.reconnectIntervalMax, .seconds(2))
            #expect(try socket.get(.reconnectIntervalMax) == .seconds(2))
            #expect(try socket.get(.sendTimeout) == nil)
            try socket.set(.routingID, Array("me".utf8))
            #expect(try socket.get(.routingID) == Array("me".utf8))
        }
    }

    @Test func errorsCarryTheirNameAndLibzmqsDescription() {
        #expect(ZMQError.terminated.name == "ETERM")
        #expect(ZMQError.hostUnreachable.name == "EHOSTUNREACH")
        #expect(ZMQError.terminated.message == "Context was terminated")
        #expect("\(ZMQError.wouldBlock)".hasPrefix("EAGAIN: "))
    }

    @Test func libraryReportsItsVersion() {
        #expect(ZMQLibrary.version.major == 4)
        #expect(ZMQLibrary.versionString.hasPrefix("4."))
    }

    @Test func aSocketUsedAfterCloseFailsCleanly() async throws {
        try await onSocketThread {
            let context = try Context()
            let socket = try Socket(context, type: .push)
            socket.close()
            socket.close()
            #expect(throws: ZMQError.notASocket) { try socket.connect("inproc://x") }
        }
    }
}
