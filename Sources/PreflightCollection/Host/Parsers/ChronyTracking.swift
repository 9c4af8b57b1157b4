import Foundation

/// `chronyc -c tracking`: one CSV line of 14 fields.
struct ChronyTracking: Sendable, Equatable {
    static let leapStatuses = ["Normal", "Insert second", "Delete second", "Not synchronised"]

    var referenceID: String
    var name: String
    var stratum: Int
    var referenceTime: Date
    /// chrony's sign: positive when the local clock is slow (NTP time minus system time).
    var systemTimeOffset: Double
    var updateInterval: Double
    var leapStatus: String

    var synchronised: Bool { leapStatus != "Not synchronised" && referenceID != "00000000" }

    static func parse(_ text: String) -> Result<ChronyTracking, HostOutputProblem> {
        let lines = text.split(whereSeparator: \.isNewline).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard lines.count == 1, let line = lines.first else {
            return .failure(HostOutputProblem("expected one CSV line, got \(lines.count): \(HostOutputProblem.quote(text))"))
        }
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 14 else {
            return .failure(HostOutputProblem("expected 14 comma-separated fields, got \(fields.count): \(HostOutputProblem.quote(line))"))
        }
        guard let stratum = Int(fields[2]), let refTime = Double(fields[3]), let offset = Double(fields[4]),
              let interval = Double(fields[12])
        else {
            return .failure(HostOutputProblem("non-numeric stratum, ref time, offset or update interval: \(HostOutputProblem.quote(line))"))
        }
        // Numbers chrony never prints (a reference time past 2200, an offset of years) are unexpected output.
        guard (0...7.3e9).contains(refTime), abs(offset) <= 1e9, (0...1e10).contains(interval), (0...16).contains(stratum)
        else {
            return .failure(HostOutputProblem("ref time, offset, update interval or stratum out of range: \(HostOutputProblem.quote(line))"))
        }
        guard leapStatuses.contains(fields[13]) else {
            return .failure(HostOutputProblem("unknown leap status \(HostOutputProblem.quote(fields[13])) (localised output?)"))
        }
        return .success(ChronyTracking(
            referenceID: fields[0], name: fields[1], stratum: stratum,
            referenceTime: Date(timeIntervalSince1970: refTime), systemTimeOffset: offset, updateInterval: interval,
            leapStatus: fields[13]
        ))
    }
}
