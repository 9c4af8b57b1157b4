import PreflightModel

/// Collects a check's problems and citations, then turns them into one finding.
///
/// The worst problem decides the status and the summary; every problem's fix goes into the remediation.
struct Assessment: Sendable {
    struct Problem: Sendable, Equatable {
        var status: Status
        var message: String
        var fix: String
    }

    private(set) var problems: [Problem] = []
    private(set) var evidence: [EvidenceRef] = []
    private(set) var notes: [String] = []

    init() {}

    mutating func fail(_ message: String, fix: String) {
        problems.append(Problem(status: .fail, message: message, fix: fix))
    }

    /// Fails on what the tally counted, citing each of its samples as `what` first.
    mutating func fail(citing tally: LogRecordTally, as what: String, _ message: String, fix: String) {
        for ref in tally.citations(what) { cite(ref) }
        fail(message, fix: fix)
    }

    mutating func warn(_ message: String, fix: String) {
        problems.append(Problem(status: .warn, message: message, fix: fix))
    }

    mutating func cite(_ ref: EvidenceRef) {
        if !evidence.contains(ref) { evidence.append(ref) }
    }

    mutating func cite<Value>(_ located: Located<Value>?) {
        if let located { cite(.declared(located)) }
    }

    /// Fails a declared count under 1 (it cannot work: `needs` says why, "a request needs at least 1
    /// attempt"), and one over the policy's `limit` with the wording given; true when it lies in 1...limit.
    @discardableResult
    mutating func failOutside(
        _ declared: Located<Int>, key: String, needs: String, limit: Int, over: (message: String, fix: String)
    ) -> Bool {
        if declared.value < 1 {
            fail("\(key) is \(declared.value); \(needs)", fix: "Set \(key) at \(declared.location) to a value from 1 to \(limit).")
            return false
        }
        guard declared.value <= limit else {
            fail(over.message, fix: over.fix)
            return false
        }
        return true
    }

    /// Fails a flag the rule needs true: missing, with `missing`'s wording, or false, with `whenFalse`'s
    /// message and the change to make before "and set <key>: true at <where>".
    mutating func requireTrue(
        _ flag: Located<Bool>?, key: String, missing: (message: String, fix: String), whenFalse: (message: String, change: String)
    ) {
        guard let flag else { return fail(missing.message, fix: missing.fix) }
        if !flag.value {
            fail(whenFalse.message, fix: "\(whenFalse.change) and set \(key): true at \(flag.location).")
        }
    }

    /// A remark that does not change the status (shown under the summary).
    mutating func note(_ text: String) {
        notes.append(text)
    }

    var worst: Status { problems.map(\.status).min() ?? .pass }
    var hasFailures: Bool { problems.contains { $0.status == .fail } }

    func finding(pass summary: String, measured: String? = nil, expected: String? = nil) -> Finding {
        let ordered = problems.enumerated().sorted { lhs, rhs in
            lhs.element.status == rhs.element.status ? lhs.offset < rhs.offset : lhs.element.status < rhs.element.status
        }.map(\.element)
        guard let first = ordered.first else {
            return Finding(status: .pass, summary: summary, details: notes, evidence: evidence,
                           measured: measured, expected: expected)
        }
        var fixes: [String] = []
        for problem in ordered where !fixes.contains(problem.fix) { fixes.append(problem.fix) }
        return Finding(
            status: first.status,
            summary: first.message,
            details: ordered.dropFirst().map(\.message) + notes,
            evidence: evidence,
            measured: measured,
            expected: expected,
            remediation: fixes.joined(separator: " ")
        )
    }

    /// Declared evidence could not prove the item; say what is missing, keep what was cited
    /// and any warnings already found (their fixes still apply).
    func unknown(_ reason: String, remediation: String? = nil) -> Finding {
        let fixes = problems.map(\.fix) + [remediation].compactMap { $0 }
        return Finding(
            status: .unknown, summary: reason, details: problems.map(\.message) + notes, evidence: evidence,
            remediation: fixes.isEmpty ? nil : fixes.joined(separator: " ")
        )
    }
}
