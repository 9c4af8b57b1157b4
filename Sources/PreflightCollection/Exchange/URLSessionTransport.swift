import Foundation
import PreflightModel
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Foundation's URLSession (libcurl on Linux), one session per collector so that repeated requests to one
/// host reuse a kept-alive connection.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // URLSession is thread-safe; FoundationNetworking does not mark it Sendable.
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 2
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.invalidateAndCancel()
    }

    public func get(_ url: URL, headers: [String: String], timeout: Duration) async throws -> HTTPResponse {
        let host = url.host ?? "the exchange"
        let session = self.session
        return try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
            group.addTask {
                var request = URLRequest(url: url)
                request.httpMethod = "GET"
                request.timeoutInterval = timeout.seconds
                for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
                do {
                    let (data, response) = try await session.data(for: request)
                    guard let http = response as? HTTPURLResponse else {
                        throw TransportFailure("\(host) answered with something other than HTTP")
                    }
                    var fields: [String: String] = [:]
                    for (name, value) in http.allHeaderFields {
                        if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
                    }
                    return HTTPResponse(status: http.statusCode, headers: fields, body: data)
                } catch let failure as TransportFailure {
                    throw failure
                } catch {
                    throw Self.describe(error, host: host, port: url.port, timeout: timeout)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw TransportFailure("timed out after \(timeout.text) waiting for \(host)")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw TransportFailure("no answer from \(host)") }
            return first
        }
    }

    static func describe(_ error: any Error, host: String, port: Int?, timeout: Duration) -> TransportFailure {
        let place = port.map { "\(host):\($0)" } ?? host
        guard let urlError = error as? URLError else {
            if error is CancellationError { return TransportFailure("cancelled before \(host) answered") }
            return TransportFailure("request to \(place) failed: \((error as NSError).localizedDescription)")
        }
        switch urlError.code {
        case .timedOut: return TransportFailure("timed out after \(timeout.text) connecting to \(place)")
        case .cannotFindHost, .dnsLookupFailed: return TransportFailure("cannot resolve \(host) (DNS)")
        case .cannotConnectToHost: return TransportFailure("connection refused by \(place)")
        case .networkConnectionLost: return TransportFailure("\(place) closed the connection before answering")
        case .notConnectedToInternet: return TransportFailure("no network route to \(place)")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return TransportFailure("TLS handshake with \(place) failed (\(urlError.code.rawValue))")
        case .cancelled: return TransportFailure("cancelled before \(place) answered")
        case .badServerResponse: return TransportFailure("\(place) sent a malformed HTTP response")
        default: return TransportFailure("request to \(place) failed (URL error \(urlError.code.rawValue))")
        }
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// "3 s", "1.5 s", "250 ms".
    var text: String {
        let value = seconds
        if value < 1 { return "\(NumberText.whole(value * 1000)) ms" }
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
