import PreflightModel

/// Looks at YAML text before the YAML library composes it, for the two shapes that make composing it
/// cost exponential time: a key that is (or holds) an alias, which the library hashes whole to find
/// duplicate keys, and a flood of aliases. Aliases as values are fine: the composed document shares
/// the anchored node instead of copying it.
///
/// It reads just enough YAML to tell where a node starts: quotes, comments and block scalars are
/// skipped; `?` (an explicit, possibly complex key), an alias followed by `:`, and a flow collection
/// followed by `:` (a collection used as a key) are refused. A manifest never needs any of them.
struct YAMLAliasGuard {
    static let maximumAliases = 100

    struct Refusal: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    private var aliases = 0
    private var flowDepth = 0
    private var quote: UInt8?
    private var blockScalarIndent: Int?

    static func check(_ text: String) -> Refusal? {
        var guardState = YAMLAliasGuard()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let refusal = guardState.scan(Array(line.utf8), line: index + 1) { return refusal }
        }
        return nil
    }

    private mutating func scan(_ bytes: [UInt8], line: Int) -> Refusal? {
        let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
        if quote == nil, let block = blockScalarIndent {
            // A block scalar's text runs while lines are indented deeper than the key that began it.
            if indent > block || bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { return nil }
            blockScalarIndent = nil
        }
        var i = indent
        var nodeStart = true
        var lastSignificant: UInt8?
        while i < bytes.count {
            let byte = bytes[i]
            if let open = quote {
                i = stepInsideQuote(open, bytes, at: i, lastSignificant: &lastSignificant)
                continue
            }
            let next = i + 1 < bytes.count ? bytes[i + 1] : nil
            let followedBySpace = next == nil || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\r")
            switch byte {
            case UInt8(ascii: "#") where i == 0 || bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\t"):
                return nil
            case UInt8(ascii: "\"") where nodeStart, UInt8(ascii: "'") where nodeStart:
                quote = byte
            case UInt8(ascii: "?") where nodeStart && followedBySpace:
                return Refusal(line: line, column: i + 1, message: "an explicit key ('? ') is not allowed: write keys as plain words")
            case UInt8(ascii: "*") where nodeStart:
                let end = Self.nameEnd(bytes, from: i + 1)
                if let refusal = countAlias(bytes, at: i, nameEnd: end, line: line) { return refusal }
                i = end
                lastSignificant = UInt8(ascii: "a")
                nodeStart = false
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
                if Self.isFollowedByKeyColon(bytes, from: i + 1) {
                    return Refusal(line: line, column: i + 1, message: "a list or mapping cannot be a key: write the key as a plain word")
                }
            case UInt8(ascii: "|") where nodeStart && flowDepth == 0, UInt8(ascii: ">") where nodeStart && flowDepth == 0:
                blockScalarIndent = indent
            default:
                break
            }
            if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t") { lastSignificant = byte }
            // In flow collections (and JSON) a value may follow its colon without a space.
            nodeStart = Self.startsNode(after: lastSignificant, current: byte) || (flowDepth > 0 && byte == UInt8(ascii: ":"))
            i += 1
        }
        return nil
    }

    /// Inside a quoted scalar: steps past the byte at `i` (two for an escape or a doubled single quote),
    /// closing the quote at its end. Returns the next index.
    private mutating func stepInsideQuote(_ open: UInt8, _ bytes: [UInt8], at i: Int, lastSignificant: inout UInt8?) -> Int {
        let byte = bytes[i]
        if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\"") { return i + 2 }
        if byte == open {
            if open == UInt8(ascii: "'"), i + 1 < bytes.count, bytes[i + 1] == open { return i + 2 }
            quote = nil
            lastSignificant = byte
        }
        return i + 1
    }

    /// Counts the alias at `i` (its name ending at `nameEnd`); refuses one too many, or one used as a key.
    private mutating func countAlias(_ bytes: [UInt8], at i: Int, nameEnd: Int, line: Int) -> Refusal? {
        aliases += 1
        guard aliases <= Self.maximumAliases else {
            return Refusal(line: line, column: i + 1, message: "more than \(Self.maximumAliases) YAML aliases: write the values out")
        }
        if Self.isFollowedByKeyColon(bytes, from: nameEnd) {
            return Refusal(line: line, column: i + 1, message: "an alias cannot be a key: write the key as a plain word")
        }
        return nil
    }

    /// Where an anchor or alias name that starts at `start` ends.
    private static func nameEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count, !endsName(bytes[end]) { end += 1 }
        return end
    }

    /// Whether the node that ends at `index` is a key: spaces, then a colon that ends a key.
    private static func isFollowedByKeyColon(_ bytes: [UInt8], from index: Int) -> Bool {
        var after = index
        while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
        return after < bytes.count && bytes[after] == UInt8(ascii: ":") && endsKey(bytes, after + 1)
    }

    /// A node may start after a sequence dash, a key's colon, a flow opener or separator, or another space.
    private static func startsNode(after last: UInt8?, current: UInt8) -> Bool {
        guard current == UInt8(ascii: " ") || current == UInt8(ascii: "\t") || "[{,".utf8.contains(current) else { return false }
        guard let last else { return true }
        return "-:?[{,".utf8.contains(last)
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || "[]{},".utf8.contains(byte)
    }

    /// A colon ends a key when a space, the line's end or a flow indicator follows it.
    private static func endsKey(_ bytes: [UInt8], _ index: Int) -> Bool {
        index >= bytes.count || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\r") || "]},".utf8.contains(bytes[index])
    }
}
