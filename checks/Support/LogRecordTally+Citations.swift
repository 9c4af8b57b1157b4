import PreflightModel

extension LogRecordTally {
    /// The examples as log evidence, each with its own detail when it has one.
    func citations(_ detail: String) -> [EvidenceRef] {
        samples.map { EvidenceRef(.logs, at: $0.location, $0.detail.map { "\(detail): \($0)" } ?? detail) }
    }

    /// "app.log:12, app.log:40" for a finding's text.
    var exampleText: String {
        samples.map(\.location.fileAndLine).joined(separator: ", ")
    }
}

extension LogEvidence {
    /// "the logs hold no ws_disconnect records (120 events read from app.log)" for findings that fall back.
    func noRecordsText(_ kinds: [LogEventKind]) -> String {
        let files = scan.files.count == 1 ? scan.files[0] : "\(scan.files.count) files"
        let names = kinds.map(\.rawValue).joined(separator: " or ")
        return "the logs hold no \(names) records (\(scan.events) events read from \(files))"
    }
}

extension SourceLocation {
    /// "app.log:12", without the field, for a finding's text.
    var fileAndLine: String { line.map { "\(file):\($0)" } ?? file }
}
