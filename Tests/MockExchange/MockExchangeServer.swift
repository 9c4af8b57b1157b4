import Crypto
import Foundation

/// A local stand-in for Binance, Bybit, OKX, Kraken and Coinbase: a real HTTP/1.1 server on 127.0.0.1,
/// on a port the kernel picks, serving the read-only endpoints the probes use, verifying signatures and
/// timestamps against its own (optionally skewed) clock, and injecting faults on demand.
///
/// Written by hand on POSIX sockets rather than on Hummingbird or SwiftNIO for two reasons. The CI
/// machine has 2 cores, and a NIO stack would add minutes to every clean build for a test helper.
/// And the fault modes need raw control of the wire: every response leaves in one `send` on a socket
/// with TCP_NODELAY (so kept-alive requests do not stall ~40 ms on Nagle + delayed ACK, which would
/// distort the clock-offset probe), a body can be cut off after half its declared length, an answer
/// can be held back, and a connection can be dropped without one.
///
/// One thread accepts; each connection gets its own thread. `stop()` (also run by `deinit`) closes the
/// listener and every connection and waits for the threads to finish.
public final class MockExchangeServer: @unchecked Sendable {
    // @unchecked: all stored properties are immutable; the mutable state lives in ServerState behind its lock.
    public let port: Int
    private let state: ServerState
    private let router: ExchangeRouter

    /// Every path the mock serves (GET only). Any other path or method is answered 404 / 405 and recorded.
    public static let servedPaths: Set<String> = [
        "/api/v3/time", "/fapi/v1/time", "/sapi/v1/account/apiRestrictions",
        "/v5/market/time", "/v5/user/query-api",
        "/api/v5/public/time", "/api/v5/account/config",
        "/0/public/Time",
        "/api/v3/brokerage/time", "/api/v3/brokerage/key_permissions",
    ]

    /// Binds 127.0.0.1 on an ephemeral port and starts serving.
    public init(_ configuration: MockExchangeConfiguration) throws {
        for (field, json) in [
            ("binanceRestrictions", configuration.binanceRestrictions), ("bybitKey", configuration.bybitKey),
            ("okxConfig", configuration.okxConfig), ("coinbasePermissions", configuration.coinbasePermissions),
        ] where (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
            throw MockExchangeError.invalidJSON(field: field)
        }
        var coinbaseKey: P256.Signing.PublicKey?
        if !configuration.coinbasePublicKeyPEM.isEmpty {
            do {
                coinbaseKey = try P256.Signing.PublicKey(pemRepresentation: configuration.coinbasePublicKeyPEM)
            } catch {
                throw MockExchangeError.invalidCoinbasePublicKey("\(error)")
            }
        }
        router = ExchangeRouter(
            configuration: configuration,
            coinbaseVerifier: CoinbaseJWTVerifier(keyName: configuration.coinbaseKeyName, publicKey: coinbaseKey)
        )
        let listener = try LoopbackSocket.listen()
        port = listener.port
        state = ServerState(listener: listener.fd)
        let acceptor = ConnectionAcceptor(
            listener: listener.fd, state: state, router: router, splitsWrites: configuration.writesHeadAndBodySeparately
        )
        state.threadWillStart()
        let thread = Thread { acceptor.run() }
        thread.name = "MockExchange accept :\(port)"
        thread.start()
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:<port>`
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Closes the listener and every open connection, and waits (up to 5 s) for all server threads to end.
    /// Idempotent.
    public func stop() {
        state.beginStopping()
        _ = state.waitForThreads(timeout: 5)
    }

    /// Injects `fault` into every request whose path starts with `prefix` (`nil`: every path). The longest
    /// matching prefix wins. `setFault(nil)` clears every fault; `setFault(nil, forPathPrefix: p)` clears `p`'s.
    public func setFault(_ fault: MockExchangeFault?, forPathPrefix prefix: String? = nil) {
        state.setFault(fault, forPathPrefix: prefix)
    }

    /// Every request received, in order, with what the server did about it.
    public var requests: [MockExchangeRequest] { state.requests }

    /// TCP connections accepted since start.
    public var acceptedConnections: Int { state.acceptedConnections }

    /// Server threads still running (the accept thread plus one per open connection); 0 after `stop()`.
    public var runningThreadCount: Int { state.threadCount }
}
