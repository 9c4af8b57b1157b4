/// A failure the stand-in injects on the probes' paths instead of (or on top of) its normal answer.
public enum StandInFault: Sendable, Equatable {
    /// HTTP 429 with a `Retry-After` header and the exchange's own rate-limit body.
    case rateLimited(retryAfterSeconds: Int)
    /// HTTP 418, Binance's "IP banned" answer (with `Retry-After`).
    case ipBanned
    /// The exchange's own "unknown API key" answer (Binance HTTP 401 with code -2015).
    case invalidKey
    /// A 5xx with the exchange's own internal-error body.
    case serverError(status: Int)
    /// The normal answer, sent only after the delay.
    case slow(seconds: Double)
    /// A `text/html` error page, as a proxy or CDN in front of the exchange would send.
    case htmlErrorPage(status: Int)
    /// The normal answer's headers with the full `Content-Length`, half the body, then the connection closes.
    case truncatedJSON
    /// The connection closes without an answer.
    case closeConnection
}
