import PreflightModel

/// What the request-based checks (A4, A6, B1, E1, E3) say about log samples that hold nothing to judge.
extension LogEvidence {

    /// "no api_request records among 120 events read from app.log" for findings that fall back.
    var noRequestsText: String {
        let files = scan.files.count == 1 ? scan.files[0] : "\(scan.files.count) files"
        return "the logs hold no api_request records (\(scan.events) events read from \(files))"
    }

    /// A citation of the log files read, for findings that rest on the logs as a whole.
    func readCitation(_ detail: String) -> EvidenceRef {
        EvidenceRef(.logs, at: scan.files.first.map { SourceLocation(file: $0) }, detail)
    }
}
