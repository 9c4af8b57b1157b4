/// The parameters of a Binance request: the query string's, then the form body's, as sent and decoded.
struct BinanceParameters: Sendable {
    struct Pair: Sendable {
        var name: String
        var raw: String
        var value: String
    }

    let query: [Pair]
    let body: [Pair]

    init(query: String, body: String) {
        self.query = Self.pairs(query)
        self.body = Self.pairs(body)
    }

    private static func pairs(_ text: String) -> [Pair] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecoded(String(pieces[0]))
            let raw = pieces.count > 1 ? String(pieces[1]) : ""
            return Pair(name: name, raw: raw, value: percentDecoded(raw))
        }
    }

    /// The value of a parameter (query first, then body), decoded; nil when absent.
    subscript(name: String) -> String? {
        (query.first { $0.name == name } ?? body.first { $0.name == name })?.value
    }

    /// What the signature covers, as Binance computes it: the query string and the body, each without its
    /// `signature` parameter, concatenated.
    var signedPayload: String {
        func join(_ pairs: [Pair]) -> String {
            pairs.filter { $0.name != "signature" }.map { "\($0.name)=\($0.raw)" }.joined(separator: "&")
        }
        return join(query) + join(body)
    }

    /// Every parameter but the ones that change between attempts of the same request (the signing ones).
    func fingerprintPairs(dropping extra: Set<String> = []) -> [String] {
        let dropped = Set(["timestamp", "signature", "recvWindow"]).union(extra)
        return (query + body).filter { !dropped.contains($0.name) }.map { "\($0.name)=\($0.value)" }.sorted()
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") || text.contains("+") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = hexValue(high).flatMap({ h in hexValue(low).map { h << 4 | $0 } })
                else { return text }
                bytes.append(value)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
