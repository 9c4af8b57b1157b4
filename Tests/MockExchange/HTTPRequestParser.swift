/// Cuts HTTP/1.1 requests out of the bytes read from a connection.
///
/// Accepts a request line, headers and an optional `Content-Length` body; chunked request bodies are
/// refused (no client of an exchange's GET endpoints sends them).
struct HTTPRequestParser {
    enum Outcome {
        case needMoreBytes
        case request(HTTPRequest)
        case malformed(String)
    }

    static let maximumHeadBytes = 64 * 1024
    static let maximumBodyBytes = 1024 * 1024

    private(set) var buffer: [UInt8] = []

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    /// Takes the next complete request off the buffer, if there is one.
    mutating func next() -> Outcome {
        guard let headEnd = Self.headTerminator(in: buffer) else {
            return buffer.count > Self.maximumHeadBytes ? .malformed("request head larger than 64 KiB") : .needMoreBytes
        }
        guard let head = String(validating: buffer[..<headEnd], as: UTF8.self) else {
            return .malformed("request head is not UTF-8")
        }
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, !requestLine[0].isEmpty, requestLine[1].hasPrefix("/"),
              requestLine[2].hasPrefix("HTTP/1.")
        else { return .malformed("bad request line") }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                return .malformed("bad header line")
            }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            headers.append((name, value))
        }
        var request = HTTPRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), version: String(requestLine[2]),
            headers: headers, body: []
        )
        if request.header("Transfer-Encoding") != nil {
            return .malformed("chunked request bodies are not supported")
        }
        var bodyLength = 0
        if let declared = request.header("Content-Length") {
            guard let length = Int(declared), length >= 0, length <= Self.maximumBodyBytes else {
                return .malformed("bad Content-Length")
            }
            bodyLength = length
        }
        let bodyStart = headEnd + 4
        guard buffer.count >= bodyStart + bodyLength else { return .needMoreBytes }
        request.body = Array(buffer[bodyStart..<(bodyStart + bodyLength)])
        buffer.removeFirst(bodyStart + bodyLength)
        return .request(request)
    }

    private static func headTerminator(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
