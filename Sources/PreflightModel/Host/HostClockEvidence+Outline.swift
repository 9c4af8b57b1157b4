extension HostClockEvidence {
    /// A few lines for `preflight explain`: each source tried, what it gave, the kernel's view.
    public var outline: [String] {
        var lines = ["host clock, \(origin):"]
        for attempt in sources {
            guard attempt.source != .kernel else { continue }
            var line = "  \(attempt.source.displayName): \(attempt.outcome.rawValue)"
            if let reason = attempt.reason { line += " (\(reason))" }
            if let status = attempt.status {
                var facts: [String] = []
                if let synchronised = status.synchronised { facts.append(synchronised ? "synchronised" : "not synchronised") }
                if let ceiling = status.pollCeiling { facts.append("poll ceiling \(ceiling.seconds) s (\(ceiling.origin))") }
                if let age = status.lastSyncAgeSeconds { facts.append("last sync \(DurationText.seconds(age)) ago") }
                if !facts.isEmpty { line += ": " + facts.joined(separator: ", ") }
            }
            lines.append(line)
        }
        if let kernel {
            lines.append("  kernel: \(kernel.summary)")
        } else if let failed = attempt(.kernel), let reason = failed.reason {
            lines.append("  kernel: \(reason)")
        }
        return lines
    }
}
