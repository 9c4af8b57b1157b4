/// Why a log line or file yielded no event. Counted and reported, never fatal.
public enum LogBadInputKind: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
    /// A line that starts like a JSON object but is not valid JSON.
    case invalidJSON = "invalid_json"
    /// A line that is neither a JSON object nor logfmt (or not the format the manifest forces).
    case unparseableLine = "unparseable_line"
    /// The last line of a file, without a newline, that does not parse: the writer was cut off.
    case truncatedLine = "truncated_line"
    /// A line longer than the 1 MiB limit: skipped without being held in memory.
    case oversizedLine = "oversized_line"
    /// An unparseable line holding NUL, control bytes or invalid UTF-8.
    case binaryJunk = "binary_junk"
    /// A gzip member that does not decompress; the file is read up to the damage.
    case corruptGzip = "corrupt_gzip"
    case emptyFile = "empty_file"
    /// A record whose event name is not a known kind nor a manifest alias.
    case unknownEvent = "unknown_event"
    /// A record of a known kind without a time field.
    case missingTimestamp = "missing_timestamp"
    /// A record of a known kind whose time field cannot be read in the expected time format, or lies outside
    /// 1970–2200.
    case invalidTimestamp = "invalid_timestamp"
    /// A numeric field whose value is outside what it can mean (a latency of 1e13 ms): the field is dropped
    /// from the record, which is kept.
    case valueOutOfRange = "value_out_of_range"
}
