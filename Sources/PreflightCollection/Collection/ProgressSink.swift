/// Where the log collector tells how far reading has come: a progress line on a terminal, or nothing.
public protocol ProgressSink: Sendable {
    /// Bytes read so far in `file`.
    func update(fileBytes: Int, file: String)
    func finish()
}
