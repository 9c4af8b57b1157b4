/// Case-insensitive ASCII word search in an endpoint path, without allocating: it runs per request
/// record while an order's outcome is unknown.
struct EndpointWord {
    let bytes: [UInt8]

    init(_ word: StaticString) {
        bytes = word.withUTF8Buffer { Array($0) }
    }

    static let order = EndpointWord("order")
    static let cancel = EndpointWord("cancel")
    static let open = EndpointWord("open")
    static let query = EndpointWord("query")
    static let status = EndpointWord("status")
    static let notPlacements = [
        EndpointWord("cancel"), EndpointWord("query"), EndpointWord("open"), EndpointWord("history"),
        EndpointWord("status"), EndpointWord("amend"),
    ]

    func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            let count = bytes.count
            guard haystack.count >= count else { return false }
            for start in 0...(haystack.count - count) {
                var matched = true
                for offset in 0..<count {
                    var byte = haystack[start + offset]
                    if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                    if byte != bytes[offset] {
                        matched = false
                        break
                    }
                }
                if matched { return true }
            }
            return false
        }
    }
}
