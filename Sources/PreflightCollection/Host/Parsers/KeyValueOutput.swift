/// `timedatectl show` and `show-timesync`: one `Key=Value` per line.
enum KeyValueOutput {
    static func parse(_ text: String) -> Result<[String: String], HostOutputProblem> {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let equals = line.firstIndex(of: "="), equals != line.startIndex else {
                return .failure(HostOutputProblem("a line without Key=Value: \(HostOutputProblem.quote(line))"))
            }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        }
        guard !values.isEmpty else { return .failure(HostOutputProblem("no output")) }
        return .success(values)
    }

    /// systemd's booleans; anything else (a translated word) is refused rather than guessed.
    static func bool(_ value: String?) -> Bool? {
        switch value {
        case "yes": true
        case "no": false
        default: nil
        }
    }
}
