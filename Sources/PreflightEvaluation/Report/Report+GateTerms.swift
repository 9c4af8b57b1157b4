import PreflightModel
extension Report.Gate {
    /// "fail on: fail, min coverage 50%": what the gate was held to, for the report's gate line.
    public var terms: String {
        var parts = ["fail on: \(failOn.rawValue)"]
        if let minScore { parts.append("min score \(NumberText.short(minScore))") }
        parts.append("min coverage \(NumberText.short(minCoverage ?? 0))%")
        return parts.joined(separator: ", ")
    }
}
