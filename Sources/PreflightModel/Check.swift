/// One checklist item: its catalog entry, its evaluation, and examples that run as tests.
///
/// `evaluate` is pure: the same evidence and policy give the same finding, byte for byte.
public protocol Check: Sendable {
    var item: CheckItem { get }
    var examples: [CheckExample] { get }
    func evaluate(_ evidence: Evidence, policy: Policy) -> Finding
}
