/// `timedatectl timesync-status`: `Label: value` lines, right-aligned labels, possibly trailing spaces.
struct TimesyncStatusOutput: Sendable, Equatable {
    var server: String?
    var offsetSeconds: Double?
    var packetCount: Int?

    static func parse(_ text: String) -> Result<TimesyncStatusOutput, HostOutputProblem> {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let label = line[..<colon].trimmingCharacters(in: .whitespaces)
            fields[label] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard fields["Server"] != nil || fields["Poll interval"] != nil else {
            return .failure(HostOutputProblem("no Server or Poll interval line: \(HostOutputProblem.quote(text))"))
        }
        var output = TimesyncStatusOutput()
        output.server = fields["Server"]
        if let offset = fields["Offset"] {
            guard let seconds = SystemdDuration.seconds(offset) else {
                return .failure(HostOutputProblem("unreadable Offset \(HostOutputProblem.quote(offset))"))
            }
            output.offsetSeconds = seconds
        }
        if let count = fields["Packet count"] {
            guard let value = Int(count) else {
                return .failure(HostOutputProblem("unreadable Packet count \(HostOutputProblem.quote(count))"))
            }
            output.packetCount = value
        }
        return .success(output)
    }
}
