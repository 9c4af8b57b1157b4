// Benchmarks the log reader on a deterministic synthetic log, against baselines run on the same
// file in the same run: `cat`, `wc -l` and, when jq is installed, the jq filter the issue names.
//
//   preflight-bench [--lines N | --megabytes N] [--file PATH] [--keep] [--reader-only | --full-only]
//
// With --file, that file is read instead of a generated one.
import Foundation
import PreflightCollection
import PreflightEvaluation
import PreflightModel
import PreflightSupport

struct Options {
    var lines = 200_000
    var megabytes: Int?
    var file: String?
    var keep = false
    /// Skips the baselines (for profiling the reader alone).
    var readerOnly = false
    /// Skips the baselines and the reader alone (for profiling the full analysis).
    var fullOnly = false

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--lines": lines = Int(rest.popFirst() ?? "") ?? lines
            case "--megabytes": megabytes = Int(rest.popFirst() ?? "")
            case "--file": file = rest.popFirst()
            case "--keep": keep = true
            case "--reader-only": readerOnly = true
            case "--full-only": fullOnly = true
            default:
                FileHandle.standardError.write(Data("usage: preflight-bench [--lines N | --megabytes N] [--file PATH] [--keep] [--reader-only | --full-only]\n".utf8))
                exit(2)
            }
        }
    }
}

/// Writes a log with a realistic event mix (mostly API requests and stream messages, some orders,
/// unknown events and about 1% garbage) and returns its path.
func generate(lines target: Int, megabytes: Int?, to path: String) throws -> (lines: Int, bytes: Int) {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    var random = SeededRandom(seed: 42)
    var buffer = ""
    buffer.reserveCapacity(1 << 20)
    var written = 0, lines = 0
    var timeMs: Int64 = 1_709_294_400_000
    var sequence: Int64 = 1_000_000
    let endpoints = ["/api/v3/order", "/api/v3/openOrders", "/api/v3/account", "/api/v3/depth", "/api/v3/time"]
    let byteLimit = megabytes.map { $0 << 20 }
    while byteLimit.map({ written + buffer.utf8.count < $0 }) ?? (lines < target) {
        timeMs += Int64(random.below(40))
        let roll = random.below(1000)
        switch roll {
        case 0..<500:
            let endpoint = endpoints[random.below(endpoints.count)]
            let statusRoll = random.below(100)
            let status = statusRoll < 92 ? 200 : statusRoll < 95 ? 429 : statusRoll < 98 ? 503 : 400
            let code = status == 200 ? "null" : status == 429 ? "-1003" : status == 400 ? "-1102" : "null"
            buffer += #"{"level":30,"time":\#(timeMs),"pid":4242,"hostname":"bot-1","event":"api_request","endpoint":"\#(endpoint)","method":"\#(endpoint == "/api/v3/order" ? "POST" : "GET")","status":\#(status),"error_code":\#(code),"attempt":\#(1 + random.below(3)),"latency_ms":\#(random.below(400)).\#(random.below(10)),"concurrency_inflight":\#(random.below(3)),"signed":true,"request_timestamp":\#(timeMs - Int64(random.below(5))),"recv_window":5000,"clock_offset_ms":\#(random.below(20)).\#(random.below(100)),"request_id":"req-\#(random.next() % 1_000_000_000)","msg":"request finished"}"#
        case 500..<800:
            let first = sequence + 1
            sequence += Int64(1 + random.below(20))
            buffer += #"{"level":20,"time":\#(timeMs),"event":"ws_message","stream":"btcusdt@depth@100ms","U":\#(first),"u":\#(sequence),"pu":\#(first - 1),"msg":"depth update"}"#
        case 800..<840:
            buffer += #"{"level":30,"time":\#(timeMs),"event":"order_submit","endpoint":"/api/v3/order","client_order_id":"grid-\#(random.next() % 10_000_000_000)","msg":"order sent"}"#
        case 840..<860:
            buffer += #"{"level":30,"time":\#(timeMs),"event":"order_cancel","client_order_id":"grid-\#(random.next() % 10_000_000_000)"}"#
        case 860..<880:
            buffer += "time=\(timeMs) level=info event=heartbeat uptime_seconds=\(timeMs / 1000 - 1_709_290_000)"
        case 880..<890:
            buffer += #"{"level":40,"time":\#(timeMs),"event":"ws_disconnect","stream":"btcusdt@depth@100ms","close_code":1006,"last_message_ago_ms":\#(random.below(60000)),"uptime_seconds":\#(random.below(86400))}"#
        case 890..<990:
            buffer += #"{"level":30,"time":\#(timeMs),"msg":"strategy tick","grid_level":\#(random.below(50)),"mid":"64123.\#(random.below(100))"}"#
        default:
            switch random.below(3) {
            case 0: buffer += #"{"level":30,"time":\#(timeMs),"event":"api_request","endpoint":"/api/v3/or"#
            case 1: buffer += "\u{1}\u{2}\u{7f} binary junk"
            default: buffer += "panic: runtime error: index out of range [3] with length 3"
            }
        }
        buffer += "\n"
        lines += 1
        if buffer.utf8.count >= 1 << 20 {
            written += buffer.utf8.count
            handle.write(Data(buffer.utf8))
            buffer.removeAll(keepingCapacity: true)
        }
    }
    written += buffer.utf8.count
    handle.write(Data(buffer.utf8))
    return (lines, written)
}

func peakResidentMegabytes(children: Bool = false) -> Double {
    var usage = rusage()
    getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
}

/// Runs a shell command and returns its wall-clock seconds.
func time(_ command: String) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.standardOutput = FileHandle.nullDevice
    let start = ContinuousClock.now
    try process.run()
    process.waitUntilExit()
    return seconds(ContinuousClock.now - start)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

let options = Options(Array(CommandLine.arguments.dropFirst()))
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { if !options.keep { try? FileManager.default.removeItem(atPath: folder) } }

let path: String
if let file = options.file {
    guard FileManager.default.isReadableFile(atPath: file) else {
        FileHandle.standardError.write(Data("preflight-bench: cannot read \(file)\n".utf8))
        exit(2)
    }
    path = file
} else {
    path = folder + "/synthetic.jsonl"
    let made = try generate(lines: options.lines, megabytes: options.megabytes, to: path)
    print("generated \(made.lines) lines, \(format(Double(made.bytes) / 1e6)) MB at \(path)")
}
let quoted = "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
let bytes = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
let megabytes = bytes / 1e6

// Warm the page cache, then the baselines.
_ = try time("cat \(quoted) > /dev/null")
var baselines: [(String, Double)] = []
if !options.readerOnly, !options.fullOnly {
    baselines.append(("cat > /dev/null", try time("cat \(quoted) > /dev/null")))
    baselines.append(("wc -l", try time("wc -l \(quoted)")))
}
if !options.readerOnly, !options.fullOnly, FileManager.default.isExecutableFile(atPath: "/usr/bin/jq") {
    baselines.append(("jq fromjson? | select(api_request)",
                      try time(#"jq -cR 'fromjson? | select(.event=="api_request")' \#(quoted) > /dev/null"#)))
}

let residentBefore = peakResidentMegabytes()
let reader = LogReader()
let sources = LogSources.resolve([path])
var best = Double.infinity
var scan = reader.read(sources)  // discarded: a warm-up
for _ in 0..<(options.fullOnly ? 0 : 3) {
    let start = ContinuousClock.now
    scan = reader.read(sources)
    best = min(best, seconds(ContinuousClock.now - start))
}

// The full analysis: the reader feeding every log rule's fact builder, as `preflight audit --logs` runs it.
let benchManifest = try ManifestLoader.parse("version: 1\nbot: {name: bench, exchange: binance}\n", path: "bench.yml")
var fullBest = Double.infinity
var analysed: LogEvidence?
if !options.readerOnly {
    for _ in 0..<3 {
        let start = ContinuousClock.now
        analysed = LogEvidenceCollector(inputs: [path]).read(benchManifest)
        fullBest = min(fullBest, seconds(ContinuousClock.now - start))
    }
}
// The HTML report of that analysis: its size stays bounded whatever the log's (issue: under 2 MB for 1 GB).
var htmlBytes: Int?
var htmlSeconds = 0.0
if let analysed {
    let start = ContinuousClock.now
    let report = Auditor().evaluate(Evidence(collectedAt: Date(), manifest: benchManifest, logs: analysed))
    htmlBytes = HTMLReporter().render(report).utf8.count
    htmlSeconds = seconds(ContinuousClock.now - start)
}

print("file: \(format(megabytes)) MB, \(scan.lines) lines, \(scan.events) events, \(scan.badInputCount) bad lines")
print("log reader: \(format(best, 3)) s, \(format(megabytes / best)) MB/s, \(format(Double(scan.lines) / best / 1e6, 2)) M lines/s (best of 3)")
if fullBest.isFinite {
    print("full analysis (reader + every log rule): \(format(fullBest, 3)) s, \(format(megabytes / fullBest)) MB/s (best of 3)")
}
print("  peak RSS \(format(peakResidentMegabytes())) MB (before reading: \(format(residentBefore)) MB)")
if let htmlBytes {
    print("HTML report of the full analysis: \(format(Double(htmlBytes) / 1e6, 3)) MB (evaluated and rendered in \(format(htmlSeconds, 3)) s)")
}
for (name, elapsed) in baselines {
    let full = fullBest.isFinite ? "; full analysis is \(format(elapsed / fullBest, 2))× its speed" : ""
    print("baseline \(name): \(format(elapsed, 3)) s, \(format(megabytes / elapsed)) MB/s; reader is \(format(elapsed / best, 2))× its speed\(full)")
}
if !baselines.isEmpty {
    print("  baselines' peak RSS (largest child): \(format(peakResidentMegabytes(children: true))) MB")
}
for (kind, tally) in scan.badInput.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
    print("  \(kind.rawValue): \(tally.count)")
}
