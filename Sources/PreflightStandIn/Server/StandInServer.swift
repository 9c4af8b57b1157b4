import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import PreflightModel

/// The exchange stand-in: a real HTTP/1.1 and WebSocket server on 127.0.0.1 (SwiftNIO), speaking Binance
/// spot well enough for ccxt and freqtrade to load markets, stream and trade against a seeded market; and
/// the read-only endpoints the probes use on Bybit, OKX, Kraken and Coinbase. Signatures and timestamps
/// are checked against its own (skewable) clock; a drill arms faults on it; every request and stream is
/// recorded as seen from the exchange's side of the wire.
///
/// Responses leave in one write with TCP_NODELAY set (a split head and body would stall kept-alive
/// requests ~40 ms on Nagle + delayed ACK and distort the clock-offset probe).
public final class StandInServer: Sendable {
    public let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    let core: StandInCore

    /// Every path the probes use; the Binance dialect serves many more (`BinanceSpotDialect.routes`).
    public static let probePaths: Set<String> = [
        "/api/v3/time", "/fapi/v1/time", "/sapi/v1/account/apiRestrictions",
        "/v5/market/time", "/v5/user/query-api",
        "/api/v5/public/time", "/api/v5/account/config",
        "/0/public/Time",
        "/api/v3/brokerage/time", "/api/v3/brokerage/key_permissions",
    ]

    /// Binds 127.0.0.1 (on `configuration.port`, or one the kernel picks) and starts serving.
    public init(_ configuration: StandInConfiguration, threads: Int = 1) throws {
        for (field, json) in [
            ("binanceRestrictions", configuration.binanceRestrictions), ("bybitKey", configuration.bybitKey),
            ("okxConfig", configuration.okxConfig), ("coinbasePermissions", configuration.coinbasePermissions),
        ] where (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
            throw StandInError.invalidJSON(field: field)
        }
        var coinbaseKey: P256.Signing.PublicKey?
        if !configuration.coinbasePublicKeyPEM.isEmpty {
            do {
                coinbaseKey = try P256.Signing.PublicKey(pemRepresentation: configuration.coinbasePublicKeyPEM)
            } catch {
                throw StandInError.invalidCoinbasePublicKey("\(error)")
            }
        }
        let core = StandInCore(
            configuration: configuration,
            coinbaseVerifier: CoinbaseJWTVerifier(keyName: configuration.coinbaseKeyName, publicKey: coinbaseKey)
        )
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        do {
            channel = try Self.bootstrap(group: group, core: core)
                .bind(host: "127.0.0.1", port: configuration.port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw StandInError.bind(address: "127.0.0.1:\(configuration.port)", reason: "\(error)")
        }
        self.core = core
        self.group = group
        port = channel.localAddress?.port ?? configuration.port
    }

    private static func bootstrap(group: MultiThreadedEventLoopGroup, core: StandInCore) -> ServerBootstrap {
        ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 512)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                let connection = core.connectionAccepted()
                channel.closeFuture.whenComplete { _ in core.connectionClosed() }
                let upgrader = NIOWebSocketServerUpgrader(
                    maxFrameSize: 1 << 16,
                    shouldUpgrade: { channel, head in
                        channel.eventLoop.makeSucceededFuture(core.acceptsStream(target: head.uri) ? HTTPHeaders() : nil)
                    },
                    upgradePipelineHandler: { channel, head in
                        channel.eventLoop.makeCompletedFuture {
                            let stream = core.streamOpened(target: head.uri, connection: connection)
                            try channel.pipeline.syncOperations.addHandler(WebSocketStreamHandler(core: core, stream: stream))
                        }
                    }
                )
                return channel.eventLoop.makeCompletedFuture {
                    let http = HTTPExchangeHandler(core: core, connection: connection)
                    let boundHTTP = NIOLoopBound(http, eventLoop: channel.eventLoop)
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withServerUpgrade: (upgraders: [upgrader], completionHandler: { context in
                            context.pipeline.syncOperations.removeHandler(boundHTTP.value, promise: nil)
                        })
                    )
                    try channel.pipeline.syncOperations.addHandler(http)
                }
            }
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:<port>`
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `ws://127.0.0.1:<port>`: streams at `/ws/<stream>`, `/ws` (then SUBSCRIBE) and `/stream?streams=a/b`.
    public var streamURL: String { "ws://127.0.0.1:\(port)" }

    /// Closes the listener and every connection, and ends the event loop. Idempotent.
    public func stop() {
        guard core.markStopped() else { return }
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Injects `fault` into every request whose path starts with `prefix` (`nil`: every path). The longest
    /// matching prefix wins. `setFault(nil)` clears every fault; `setFault(nil, forPathPrefix: p)` clears `p`'s.
    public func setFault(_ fault: StandInFault?, forPathPrefix prefix: String? = nil) {
        core.setFault(fault, forPathPrefix: prefix)
    }

    /// Every request received, in order, with what the server did about it.
    public var requests: [StandInRequestRecord] { core.requestRecords }

    /// TCP connections accepted since start.
    public var acceptedConnections: Int { core.acceptedConnections }

    /// TCP connections open now.
    public var openConnections: Int { core.openConnections }

    // MARK: drills

    /// Starts a drill phase: arms its faults (a clock step, a skipped range of update ids and closed
    /// streams take effect at once) and marks the wire record.
    public func beginPhase(_ name: String, faults: [InjectedFault]) { core.beginPhase(name, faults: faults) }

    /// Ends the phase: its faults are disarmed (a ban they caused runs out on its own), its clock step undone.
    public func endPhase(_ name: String) { core.endPhase(name) }

    /// Everything seen on the wire so far, in arrival order (answers recorded when they left).
    public var wireEvents: [WireEvent] { core.wireEvents }

    /// Wire events not kept because the record was full (2 million events).
    public var wireEventsDropped: Int { core.wireDropped }

    /// Writes what the drill did or saw (a kill, a restart, the kill switch, a health poll) on the wire record.
    /// `fault`: the phase's fault this acts out (the kill of a crash), counted as the phase's doing.
    public func recordDrillEvent(
        _ kind: WireEvent.Kind, status: Int? = nil, latencyMs: Double? = nil, detail: String? = nil, fault: String? = nil
    ) {
        core.recordDrillEvent(kind, status: status, latencyMs: latencyMs, detail: detail, fault: fault)
    }

    /// Whether a phase now holds the streams down (ws_disconnect, stale_stream): the health poller looks closer then.
    public var streamsHeldDown: Bool { core.streamsHeldDown }

    /// Open orders on the drill account (`answerLost`: only those booked with their answer withheld).
    public func openOrderIDs(answerLost: Bool = false) -> [Int64] { core.openOrderIDs(answerLost: answerLost) }

    /// Marks every open order as left behind by the bot's killed process, so that the next process placing
    /// it again is seen as a double order; their ids.
    public func orphanOpenOrders() -> [Int64] { core.orphanOpenOrders() }

    /// The stand-in's clock now (the local clock plus any skew), milliseconds since the epoch.
    public var serverTimeMilliseconds: Int64 { core.clock.nowMilliseconds() }
}
