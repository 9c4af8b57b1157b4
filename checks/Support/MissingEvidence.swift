import PreflightModel

/// Why an item lacks observed evidence, worded the same way in every finding.
enum MissingEvidence {
    static let logs = "no log samples given (name them with --logs or logs.paths in the manifest)"
    static let host = "host evidence not collected"
    static let exchange = "exchange probes not run"
}
