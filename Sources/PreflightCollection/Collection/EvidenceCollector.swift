import PreflightModel

/// One source of evidence: it reads the world for the manifest's bot and records what it found, failures
/// included. It never throws: what it could not read is part of what it returns, and the checks say so.
public protocol EvidenceCollector: Sendable {
    associatedtype Collected: Sendable
    func collect(for manifest: Manifest) async -> Collected
}
