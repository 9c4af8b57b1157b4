/// Where a captured field's value sits in the current line, and how it was written.
struct LogValueSpan {
    enum Kind: UInt8 {
        /// A JSON string or logfmt quoted value without escapes; the span excludes the quotes.
        case string
        /// As `string`, with backslash escapes still to be decoded.
        case escapedString
        case number
        case trueLiteral, falseLiteral, null
        /// A JSON object or array.
        case compound
        /// A logfmt value without quotes: text or a number.
        case bare
    }

    var start: Int32 = 0
    var end: Int32 = 0
    var kind: Kind = .null
    /// The rank of the name the field was found under (lower is preferred).
    var rank: UInt8 = .max
}
