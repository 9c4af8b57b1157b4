/// Durations in words for clock findings: `512 s`, `2048 s (34 min 8 s)`, `0.5 s`, `3 h 2 min`.
public enum DurationText {
    public static func seconds(_ value: Double) -> String {
        if value < 0 { return "-" + seconds(-value) }
        if value < 10, value != value.rounded() {
            let tenths = (value * 10).rounded() / 10
            return "\(NumberText.plain(tenths)) s"
        }
        // Past what an Int holds (or not a number at all) there is nothing to spell out.
        guard let whole = Int(exactly: value.rounded()) else { return "\(NumberText.plain(value)) s" }
        guard whole >= 60 else { return "\(whole) s" }
        return "\(whole) s (\(spelled(whole)))"
    }

    /// `34 min 8 s`, `2 h 5 min`, `3 d 4 h`: the two largest units.
    public static func spelled(_ total: Int) -> String {
        let units: [(name: String, size: Int)] = [("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1)]
        guard let first = units.firstIndex(where: { total >= $0.size }) else { return "0 s" }
        var text = "\(total / units[first].size) \(units[first].name)"
        if first + 1 < units.count {
            let next = units[first + 1]
            let count = (total % units[first].size) / next.size
            if count > 0 { text += " \(count) \(next.name)" }
        }
        return text
    }
}
