import PreflightModel

/// The report's timelines as inline SVG on one shared time axis, the drill's phases shaded behind each:
/// requests per second by class with the 429 / 418 / 5xx / auth answers marked, in-flight peaks against
/// the caps, retry delays against Retry-After and the floor, stream events, the clock offset against its
/// share of recvWindow, heartbeats and their longest gaps.
struct HTMLTimelines {
    let timeline: ReportTimeline
    let startMs: Int64
    let endMs: Int64
    static let width = 960.0
    static let height = 140.0
    static let left = 56.0
    /// Room above the plot for the legend.
    static let top = 18.0
    static let bottom = 22.0

    init(_ timeline: ReportTimeline) {
        self.timeline = timeline
        let series = timeline.series
        startMs = min(series.startMs ?? 0, timeline.phases.first?.startMs ?? Int64.max)
        endMs = max(series.endMs ?? 1, timeline.phases.last?.endMs ?? Int64.min, startMs + 1000)
    }

    func render() -> String {
        var html = "<section id=\"timelines\">\n<h2>Timelines <span class=\"source\">from the \(HTMLReporter.escape(timeline.source)), \(timeline.series.widthMs / 1000) s per bucket</span></h2>\n"
        html += chart("requests", "Requests per second by class; marks: 429, 418, 5xx, auth errors", requests())
        html += chart("inflight", "Requests in flight (peak per bucket) against the declared caps", inflight())
        html += chart("retries", "Retry delays per attempt (ms) against Retry-After and the \(NumberText.short(timeline.retryFloorMs)) ms floor", retries())
        html += chart("streams", "Stream connects, disconnects and reconnect attempts", streams())
        html += chart("offset", "Clock offset (ms) against \(NumberText.short(timeline.offsetShare * 100))% of recvWindow", offset(), symmetric: true)
        html += chart("heartbeats", "Heartbeats and their longest gaps\(timeline.heartbeats == nil ? "" : " (from the bot's logs)")", heartbeats())
        return html + "</section>\n"
    }

    // MARK: geometry

    var plotWidth: Double { Self.width - Self.left - 8 }
    var plotHeight: Double { Self.height - Self.top - Self.bottom }

    func x(_ ms: Int64) -> Double { Self.left + Double(ms - startMs) / Double(endMs - startMs) * plotWidth }
    func y(_ value: Double, max: Double) -> Double { Self.top + plotHeight - (max <= 0 ? 0 : min(1, value / max)) * plotHeight }
    var bucketWidth: Double { Swift.max(1, Double(timeline.series.widthMs) / Double(endMs - startMs) * plotWidth - 0.5) }

    static func f(_ value: Double) -> String { String(Double((value * 10).rounded()) / 10) }

    private func chart(_ id: String, _ caption: String, _ body: (marks: String, max: Double, empty: Bool), symmetric: Bool = false) -> String {
        var svg = "<figure class=\"timeline\" id=\"timeline-\(id)\"><figcaption>\(HTMLReporter.escape(caption))</figcaption>\n"
        svg += "<svg class=\"chart\" data-chart=\"\(id)\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\" role=\"img\">"
        svg += phases() + axes(top: (symmetric ? "+" : "") + NumberText.short(body.max), bottom: symmetric ? "−" + NumberText.short(body.max) : "0")
        svg += body.empty ? "<text class=\"none\" x=\"\(Self.f(Self.left + plotWidth / 2))\" y=\"\(Self.f(Self.top + plotHeight / 2))\">nothing recorded</text>" : body.marks
        return svg + "</svg></figure>\n"
    }

    private func phases() -> String {
        timeline.phases.enumerated().map { index, phase in
            let from = x(phase.startMs), to = x(phase.endMs)
            let kind = phase.faults.isEmpty ? "calm" : "fault"
            return "<rect class=\"phase \(kind) p\(index % 2)\" x=\"\(Self.f(from))\" y=\"\(Self.f(Self.top))\" width=\"\(Self.f(Swift.max(0.5, to - from)))\" height=\"\(Self.f(plotHeight))\"><title>\(HTMLReporter.escape(phase.name))</title></rect>"
                + (phase.faults.isEmpty ? "" : "<text class=\"phase-label\" x=\"\(Self.f(from + 2))\" y=\"\(Self.f(Self.top + 9))\">\(HTMLReporter.escape(phase.name))</text>")
        }.joined()
    }

    private func axes(top: String, bottom: String) -> String {
        let base = Self.top + plotHeight
        var svg = "<line class=\"axis\" x1=\"\(Self.f(Self.left))\" y1=\"\(Self.f(base))\" x2=\"\(Self.f(Self.left + plotWidth))\" y2=\"\(Self.f(base))\"/>"
        svg += "<text class=\"tick\" x=\"\(Self.f(Self.left - 4))\" y=\"\(Self.f(Self.top + 8))\" text-anchor=\"end\">\(top)</text>"
        svg += "<text class=\"tick\" x=\"\(Self.f(Self.left - 4))\" y=\"\(Self.f(base))\" text-anchor=\"end\">\(bottom)</text>"
        let span = Double(endMs - startMs) / 1000
        for step in 0...4 {
            let seconds = span * Double(step) / 4
            let anchor = step == 0 ? "start" : step == 4 ? "end" : "middle"
            svg += "<text class=\"tick\" x=\"\(Self.f(Self.left + plotWidth * Double(step) / 4))\" y=\"\(Self.f(Self.height - 6))\" text-anchor=\"\(anchor)\">\(Self.clock(seconds))</text>"
        }
        return svg
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole >= 3600 { return "\(whole / 3600)h\(String(format: "%02d", (whole % 3600) / 60))" }
        return "\(whole / 60):\(String(format: "%02d", whole % 60))"
    }

    // MARK: the charts

    private func requests() -> (marks: String, max: Double, empty: Bool) {
        let seconds = Double(timeline.series.widthMs) / 1000
        let buckets = timeline.series.buckets
        let peak = buckets.map { Double($0.publicRequests + $0.privateRequests) / seconds }.max() ?? 0
        var svg = ""
        for bucket in buckets {
            let at = x(bucket.index * timeline.series.widthMs)
            let publicRate = Double(bucket.publicRequests) / seconds, privateRate = Double(bucket.privateRequests) / seconds
            svg += bar("public", at, from: 0, to: publicRate, max: peak)
            svg += bar("private", at, from: publicRate, to: publicRate + privateRate, max: peak)
            let marks = [("r429", bucket.rateLimited), ("r418", bucket.banned), ("r5xx", bucket.serverErrors), ("auth", bucket.authErrors)]
            for (row, mark) in marks.enumerated() where mark.1 > 0 {
                svg += "<circle class=\"mark \(mark.0)\" cx=\"\(Self.f(at + bucketWidth / 2))\" cy=\"\(Self.f(Self.top + 4 + Double(row) * 7))\" r=\"3\"><title>\(mark.1) × \(mark.0.dropFirst(mark.0 == "auth" ? 0 : 1))</title></circle>"
            }
        }
        return (svg + legend([("public", "public"), ("private", "signed"), ("r429", "429"), ("r418", "418"), ("r5xx", "5xx"), ("auth", "auth")]), peak, buckets.isEmpty)
    }

    private func bar(_ kind: String, _ at: Double, from: Double, to: Double, max: Double) -> String {
        guard to > from else { return "" }
        let top = y(to, max: max), bottom = y(from, max: max)
        return "<rect class=\"bar \(kind)\" x=\"\(Self.f(at))\" y=\"\(Self.f(top))\" width=\"\(Self.f(bucketWidth))\" height=\"\(Self.f(Swift.max(0.5, bottom - top)))\"/>"
    }

    private func legend(_ entries: [(String, String)]) -> String {
        entries.enumerated().map { index, entry in
            let at = Self.left + plotWidth - Double(entries.count - index) * 84
            return "<rect class=\"key \(entry.0)\" x=\"\(Self.f(at))\" y=\"4\" width=\"8\" height=\"8\"/><text class=\"tick\" x=\"\(Self.f(at + 11))\" y=\"12\">\(HTMLReporter.escape(entry.1))</text>"
        }.joined()
    }

    private func line(_ kind: String, _ value: Double, max: Double, label: String) -> String {
        let at = y(value, max: max)
        return "<line class=\"limit \(kind)\" x1=\"\(Self.f(Self.left))\" y1=\"\(Self.f(at))\" x2=\"\(Self.f(Self.left + plotWidth))\" y2=\"\(Self.f(at))\"/><text class=\"tick\" x=\"\(Self.f(Self.left + 4))\" y=\"\(Self.f(at - 2))\">\(HTMLReporter.escape(label))</text>"
    }

    private func inflight() -> (marks: String, max: Double, empty: Bool) {
        let buckets = timeline.series.buckets.filter { $0.maxPublicInflight > 0 || $0.maxPrivateInflight > 0 }
        let caps = [timeline.publicCap, timeline.privateCap].compactMap { $0 }.map(Double.init)
        let peak = Swift.max(1, (buckets.map { Double(Swift.max($0.maxPublicInflight, $0.maxPrivateInflight)) } + caps).max() ?? 1) * 1.15
        var svg = buckets.map { bucket in
            let at = x(bucket.index * timeline.series.widthMs)
            return barAt("public", at, bucketWidth / 2, Double(bucket.maxPublicInflight), peak)
                + barAt("private", at + bucketWidth / 2, bucketWidth / 2, Double(bucket.maxPrivateInflight), peak)
        }.joined()
        if let cap = timeline.publicCap { svg += line("cap public", Double(cap), max: peak, label: "public cap \(cap)") }
        if let cap = timeline.privateCap { svg += line("cap private", Double(cap), max: peak, label: "signed cap \(cap)") }
        return (svg + legend([("public", "public"), ("private", "signed")]), peak, buckets.isEmpty)
    }

    private func retries() -> (marks: String, max: Double, empty: Bool) {
        let points = timeline.series.retries
        let peak = Swift.max(timeline.retryFloorMs * 2, (points.map { Swift.max($0.delayMs, $0.retryAfterMs ?? 0) }.max() ?? 0) * 1.1)
        var svg = line("floor", timeline.retryFloorMs, max: peak, label: "floor \(NumberText.short(timeline.retryFloorMs)) ms")
        for point in points {
            let at = x(point.atMs)
            if let after = point.retryAfterMs {
                svg += "<line class=\"retry-after\" x1=\"\(Self.f(at - 5))\" x2=\"\(Self.f(at + 5))\" y1=\"\(Self.f(y(after, max: peak)))\" y2=\"\(Self.f(y(after, max: peak)))\"><title>Retry-After \(NumberText.short(after)) ms</title></line>"
            }
            svg += "<circle class=\"retry a\(Swift.min(point.attempt, 5))\" cx=\"\(Self.f(at))\" cy=\"\(Self.f(y(point.delayMs, max: peak)))\" r=\"3\"><title>attempt \(point.attempt) after \(NumberText.short(point.delayMs)) ms</title></circle>"
        }
        return (svg + legend([("a2", "attempt 2"), ("a3", "attempt 3"), ("a4", "4+"), ("retry-after", "Retry-After")]), peak, points.isEmpty)
    }

    private func streams() -> (marks: String, max: Double, empty: Bool) {
        let buckets = timeline.series.buckets.filter { $0.connects + $0.disconnects + $0.reconnectAttempts > 0 }
        let peak = Double(buckets.map { Swift.max($0.connects, $0.disconnects, $0.reconnectAttempts) }.max() ?? 1)
        let third = bucketWidth / 3
        let svg = buckets.map { bucket in
            let at = x(bucket.index * timeline.series.widthMs)
            return barAt("connect", at, third, Double(bucket.connects), peak) + barAt("disconnect", at + third, third, Double(bucket.disconnects), peak)
                + barAt("reconnect", at + 2 * third, third, Double(bucket.reconnectAttempts), peak)
        }.joined()
        return (svg + legend([("connect", "connect"), ("disconnect", "disconnect"), ("reconnect", "reconnect")]), peak, buckets.isEmpty)
    }

    private func barAt(_ kind: String, _ at: Double, _ width: Double, _ value: Double, _ max: Double) -> String {
        guard value > 0 else { return "" }
        let top = y(value, max: max)
        return "<rect class=\"bar \(kind)\" x=\"\(Self.f(at))\" y=\"\(Self.f(top))\" width=\"\(Self.f(Swift.max(0.8, width)))\" height=\"\(Self.f(Self.top + plotHeight - top))\"/>"
    }

    private func offset() -> (marks: String, max: Double, empty: Bool) {
        let buckets = timeline.series.buckets.filter { $0.minOffsetMs != nil }
        let limit = timeline.recvWindowMs.map { $0 * timeline.offsetShare }
        let reach = (buckets.flatMap { [abs($0.minOffsetMs ?? 0), abs($0.maxOffsetMs ?? 0)] } + [limit ?? 0]).max() ?? 1
        let peak = Swift.max(1, reach * 1.15)
        // Zero sits in the middle: y maps -peak…peak.
        func level(_ value: Double) -> Double { y(value + peak, max: 2 * peak) }
        var svg = buckets.map { bucket in
            let at = x(bucket.index * timeline.series.widthMs)
            let high = level(bucket.maxOffsetMs ?? 0), low = level(bucket.minOffsetMs ?? 0)
            return "<rect class=\"bar offset\" x=\"\(Self.f(at))\" y=\"\(Self.f(high - 1))\" width=\"\(Self.f(bucketWidth))\" height=\"\(Self.f(Swift.max(2, low - high + 2)))\"/>"
        }.joined()
        svg += "<line class=\"zero\" x1=\"\(Self.f(Self.left))\" x2=\"\(Self.f(Self.left + plotWidth))\" y1=\"\(Self.f(level(0)))\" y2=\"\(Self.f(level(0)))\"/>"
        if let limit {
            svg += line("limit", limit + peak, max: 2 * peak, label: "+\(NumberText.short(limit)) ms") + line("limit", peak - limit, max: 2 * peak, label: "−\(NumberText.short(limit)) ms")
        }
        return (svg, peak, buckets.isEmpty)
    }

    private func heartbeats() -> (marks: String, max: Double, empty: Bool) {
        let series = timeline.heartbeats ?? timeline.series
        let buckets = series.buckets.filter { $0.heartbeats > 0 }
        let peak = Double(buckets.map(\.heartbeats).max() ?? 1)
        let width = Swift.max(1, Double(series.widthMs) / Double(endMs - startMs) * plotWidth - 0.5)
        var svg = series.heartbeatGaps.map { gap in
            "<rect class=\"gap\" x=\"\(Self.f(x(gap.fromMs)))\" y=\"\(Self.f(Self.top))\" width=\"\(Self.f(Swift.max(1, x(gap.toMs) - x(gap.fromMs))))\" height=\"\(Self.f(plotHeight))\"><title>\(NumberText.short(Double(gap.toMs - gap.fromMs) / 1000)) s without a heartbeat</title></rect>"
        }.joined()
        svg += buckets.map { barAt("heartbeat", x($0.index * series.widthMs), width, Double($0.heartbeats), peak) }.joined()
        return (svg + legend([("heartbeat", "heartbeat"), ("gap", "longest gaps")]), peak, buckets.isEmpty)
    }
}
