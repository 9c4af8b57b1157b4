import PreflightModel

/// Who saw what a check's observation describes: the bot's own log samples, or the exchange stand-in's
/// wire record during a drill. The same judging reads both; the words and the citations say which.
struct Witness: Sendable {
    let source: SourceKind
    /// "the logs" / "the wire's records": plural, as the observations' sentences use it.
    let the: String
    /// "logs" / "drill", the tag on a measured value.
    let tag: String

    static let logs = Witness(source: .logs, the: "the logs", tag: "logs")
    static let wire = Witness(source: .drill, the: "the wire's records", tag: "drill")
}
