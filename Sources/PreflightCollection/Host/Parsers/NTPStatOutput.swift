/// `ntpstat`: exit 0 synchronised, 1 not, 2 indeterminate; the text names the polling interval.
struct NTPStatOutput: Sendable, Equatable {
    enum State: Sendable, Equatable {
        case synchronised
        case unsynchronised
        case indeterminate
    }

    var state: State
    var pollSeconds: Int?

    static func parse(_ text: String, exitStatus: Int32) -> Result<NTPStatOutput, HostOutputProblem> {
        let state: State
        switch exitStatus {
        case 0: state = .synchronised
        case 1: state = .unsynchronised
        case 2: state = .indeterminate
        default: return .failure(HostOutputProblem("exit status \(exitStatus) is not one ntpstat documents"))
        }
        if state == .synchronised, !text.contains("synchronised") && !text.contains("synchronized") {
            return .failure(HostOutputProblem("exit 0 without 'synchronised' in \(HostOutputProblem.quote(text))"))
        }
        var poll: Int?
        if let range = text.range(of: "polling server every ") {
            poll = Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        return .success(NTPStatOutput(state: state, pollSeconds: poll))
    }
}
