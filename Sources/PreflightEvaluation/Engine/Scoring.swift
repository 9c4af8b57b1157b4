import PreflightModel

/// The severity-weighted share of evaluated items that pass (a warn counts half), and the coverage beside it.
public enum Scoring {
    public static func score(_ items: [ReportItem]) -> Double? {
        let evaluated = items.filter { $0.status.isEvaluated }
        let total = evaluated.reduce(0) { $0 + $1.severity.weight }
        guard total > 0 else { return nil }
        let earned = evaluated.reduce(0.0) { sum, item in
            let share: Double = item.status == .pass ? 1 : item.status == .warn ? 0.5 : 0
            return sum + share * Double(item.severity.weight)
        }
        return (earned / Double(total) * 1000).rounded() / 10
    }

    public static func coverage(_ items: [ReportItem]) -> Report.Coverage {
        let evaluated = items.filter { $0.status.isEvaluated }.count
        let percent = items.isEmpty ? 0 : (Double(evaluated) / Double(items.count) * 1000).rounded() / 10
        return Report.Coverage(evaluated: evaluated, total: items.count, percent: percent)
    }
}
