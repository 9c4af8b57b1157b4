/// `ntpq -pn`: a header, a rule of `=`, then one row per peer led by its tally character.
struct NTPQPeer: Sendable, Equatable {
    var tally: Character
    var remote: String
    var stratum: Int
    /// Seconds since the last packet; nil when ntpq prints `-`.
    var when: Int?
    /// Seconds.
    var poll: Int
    var reach: Int
    /// Milliseconds.
    var offsetMilliseconds: Double

    /// `*` is the system peer, `o` the system peer through PPS.
    var isSystemPeer: Bool { tally == "*" || tally == "o" }

    static func parse(_ text: String) -> Result<[NTPQPeer], HostOutputProblem> {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.firstIndex(where: { $0.contains("remote") && $0.contains("refid") && $0.contains("poll") }),
              header + 1 < lines.count, lines[header + 1].hasPrefix("=")
        else {
            return .failure(HostOutputProblem("no ntpq peer table header: \(HostOutputProblem.quote(text))"))
        }
        var peers: [NTPQPeer] = []
        for line in lines[(header + 2)...] where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let tally = line.first else { continue }
            let fields = line.dropFirst().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count == 10, let stratum = Int(fields[2]), let poll = seconds(fields[5]),
                  let reach = Int(fields[6], radix: 8), let offset = Double(fields[8])
            else {
                return .failure(HostOutputProblem("unrecognised peer row \(HostOutputProblem.quote(line))"))
            }
            let when: Int?
            if fields[4] == "-" {
                when = nil
            } else if let value = seconds(fields[4]) {
                when = value
            } else {
                return .failure(HostOutputProblem("unreadable 'when' \(HostOutputProblem.quote(fields[4]))"))
            }
            peers.append(NTPQPeer(
                tally: tally, remote: fields[0], stratum: stratum, when: when, poll: poll, reach: reach,
                offsetMilliseconds: offset
            ))
        }
        return .success(peers)
    }

    /// ntpq shortens long times: `95`, `17m`, `3h`, `2d`.
    /// nil past ntpq's own limits too: a time over 100 years is not one it prints.
    static func seconds(_ text: String) -> Int? {
        let scale: Int
        var digits = Substring(text)
        switch text.last {
        case "m": scale = 60
        case "h": scale = 3_600
        case "d": scale = 86_400
        default: scale = 1
        }
        if scale > 1 { digits = digits.dropLast() }
        guard let value = Int(digits), value >= 0 else { return nil }
        let (total, overflow) = value.multipliedReportingOverflow(by: scale)
        return !overflow && total <= 3_155_760_000 ? total : nil
    }
}
