import Foundation
import Testing
import ZeroMQ

/// Every socket pairing the pipeline uses, over inproc and tcp loopback.
@Suite(.hangGuard)
struct RoundTripTests {
    @Test(arguments: Transport.allCases)
    func pushToPull(transport: Transport) async throws {
        try await onSocketThread {
            let context = try Context()
            let pull = try Socket(context, type: .pull)
            let endpoint = try pull.bind(transport.bindEndpoint())
            let push = try Socket(context, type: .push)
            try push.connect(endpoint)
            try push.send(parts: ["article", "42"].map { Array($0.utf8) })
            #expect(try pull.receiveStrings() == ["article", "42"])
        }
    }

    @Test(arguments: Transport.allCases)
    func dealerToRouterAndBack(transport: Transport) async throws {
        try await onSocketThread {
            let context = try Context()
            let router = try Socket(context, type: .router)
            let endpoint = try router.bind(transport.bindEndpoint())
            let dealer = try Socket(context, type: .dealer)
            try dealer.set(.routingID, Array("worker-1".utf8))
            try dealer.connect(endpoint)

            try dealer.send(parts: [Array("credit".utf8)])
            let request = try #require(try router.receive(wait: .timeout(.seconds(5))))
            #expect(request.count == 2)
            #expect(request[0].string == "worker-1")
            #expect(request[1].string == "credit")

            // The ROUTER addresses its reply by the routing id it was given.
            try router.send([request[0], Frame("task")])
            #expect(try dealer.receiveStrings() == ["task"])
        }
    }

    @Test(arguments: Transport.allCases)
    func requestReply(transport: Transport) async throws {
        try await onSocketThread {
            let context = try Context()
            let rep = try Socket(context, type: .rep)
            let endpoint = try rep.bind(transport.bindEndpoint())
            let req = try Socket(context, type: .req)
            try req.connect(endpoint)
            try req.send([Frame("ping")])
            #expect(try rep.receiveStrings() == ["ping"])
            try rep.send([Frame("pong")])
            #expect(try req.receiveStrings() == ["pong"])
            // REQ must wait for the reply before asking again; libzmq says so with EFSM.
            try req.send([Frame("again")])
            #expect(throws: ZMQError.invalidState) { try req.send([Frame("too soon")]) }
        }
    }

    @Test(arguments: Transport.allCases)
    func publishToSubscriber(transport: Transport) async throws {
        try await onSocketThread {
            let context = try Context()
            let pub = try Socket(context, type: .pub)
            let endpoint = try pub.bind(transport.bindEndpoint())
            let sub = try Socket(context, type: .sub)
            try sub.subscribe(Array("metrics".utf8))
            try sub.connect(endpoint)
            // A subscription takes a moment to reach the publisher: publish until one arrives.
            var received: [String]?
            for _ in 0..<200 where received == nil {
                try pub.send(parts: ["other", "ignored"].map { Array($0.utf8) })
                try pub.send(parts: ["metrics", "1"].map { Array($0.utf8) })
                received = try sub.receive(wait: .timeout(.milliseconds(20)))?.map { $0.string ?? "" }
            }
            #expect(received == ["metrics", "1"])
        }
    }

    @Test(arguments: Transport.allCases)
    func pairBothWays(transport: Transport) async throws {
        try await onSocketThread {
            let context = try Context()
            let left = try Socket(context, type: .pair)
            let endpoint = try left.bind(transport.bindEndpoint())
            let right = try Socket(context, type: .pair)
            try right.connect(endpoint)
            try right.send([Frame("hello")])
            #expect(try left.receiveStrings() == ["hello"])
            try left.send([Frame("back")])
            #expect(try right.receiveStrings() == ["back"])
        }
    }

    @Test func wildcardTCPBindReportsTheRealPort() async throws {
        try await onSocketThread {
            let context = try Context()
            let socket = try Socket(context, type: .pull)
            let endpoint = try socket.bind("tcp://127.0.0.1:*")
            #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
            let port = try #require(Int(endpoint.split(separator: ":").last!))
            #expect(port > 0)
            #expect(try socket.get(.lastEndpoint) == endpoint)
        }
    }

    @Test func unbindAndDisconnect() async throws {
        try await onSocketThread {
            let context = try Context()
            let pull = try Socket(context, type: .pull)
            let endpoint = try pull.bind("tcp://127.0.0.1:*")
            let push = try Socket(context, type: .push)
            try push.connect(endpoint)
            try push.send([Frame("first")])
            #expect(try pull.receiveStrings() == ["first"])

            try push.disconnect(endpoint)
            // With its only peer gone, PUSH has nowhere to send.
            #expect(try push.send([Frame("nobody")], wait: .never) == false)
            #expect(throws: ZMQError.noSuchEndpoint) { try push.disconnect(endpoint) }

            try pull.unbind(endpoint)
            // The port is freed (libzmq closes the listener on its I/O thread, so allow a moment).
            let again = try Socket(context, type: .pull)
            var rebound: String?
            for _ in 0..<100 where rebound == nil {
                do { rebound = try again.bind(endpoint) } catch ZMQError.addressInUse { usleep(10_000) }
            }
            #expect(rebound == endpoint)
        }
    }
}
