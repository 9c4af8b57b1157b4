/// `chronyc -c sources`: one CSV row per source.
struct ChronySource: Sendable, Equatable {
    var mode: String
    var state: String
    var address: String
    var stratum: Int
    /// log2 seconds.
    var poll: Int
    var reach: Int
    /// Seconds since the last sample; nil for never (4294967295).
    var lastRx: Int?

    var isSelected: Bool { state == "*" }

    static func parse(_ text: String) -> Result<[ChronySource], HostOutputProblem> {
        var sources: [ChronySource] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 10, ["^", "=", "#"].contains(fields[0]), let stratum = Int(fields[3]),
                  let poll = Int(fields[4]), let reach = Int(fields[5], radix: 8), let lastRx = UInt64(fields[6]),
                  // chrony polls between 2^-7 and 2^24 s; a last sample is at most 2^32 - 1 s ago.
                  (-7...24).contains(poll), lastRx <= 4_294_967_295
            else {
                return .failure(HostOutputProblem("unrecognised source row \(HostOutputProblem.quote(line))"))
            }
            sources.append(ChronySource(
                mode: fields[0], state: fields[1], address: fields[2], stratum: stratum, poll: poll, reach: reach,
                lastRx: lastRx == 4_294_967_295 ? nil : Int(lastRx)
            ))
        }
        return .success(sources)
    }
}
