import Foundation
import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

@Suite("Log streaming: chunk boundaries do not change what is read")
struct LogStreamingTests {
    static let text: String = {
        var lines: [String] = []
        for n in 0..<400 {
            switch n % 7 {
            case 0: lines.append(#"{"time":"2024-03-01T12:00:00Z","event":"api_request","endpoint":"/api/v3/order","status":200,"attempt":\#(n % 3 + 1)}"#)
            case 1: lines.append("time=1709294400 event=ws_message stream=depth U=\(n) u=\(n + 1)")
            case 2: lines.append("garbage \u{1}")
            case 3: lines.append("")
            case 4: lines.append(#"{"time":1709294400,"event":"order_submit","client_order_id":"bot-\#(n)","pad":"\#(String(repeating: "p", count: n))"}"#)
            case 5: lines.append(#"{"time":1709294400,"event":"heartbeat""#)
            default: lines.append(#"{"ts":1709294400,"msg":"ws_connect","stream":"depth"}"#)
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }()

    @Test(arguments: [1, 2, 3, 7, 64, 4096], [0, 1, 2, 3])
    func tinyChunksReadTheSameAsLargeOnes(_ chunkBytes: Int, _ parallelism: Int) throws {
        let folder = try LogFolder()
        let file = try folder.write("mixed.log", Self.text)
        let (expected, expectedEvents) = scan([file], reader: LogReader(parallelism: 0))
        let (actual, actualEvents) = scan([file], reader: LogReader(chunkBytes: chunkBytes, parallelism: parallelism))
        #expect(actual == expected)
        #expect(actualEvents.map(\.position) == expectedEvents.map(\.position))
        #expect(actualEvents.map(\.clientOrderID) == expectedEvents.map(\.clientOrderID))
        #expect(expected.lines == 400)
        #expect(expected.count(.apiRequest) == 58)
        #expect(expected.count(.wsMessage) == 57)
        #expect(expected.count(.orderSubmit) == 57)
        #expect(expected.count(.wsConnect) == 57)
        #expect(expected.count(.binaryJunk) == 57)
        #expect(expected.count(.invalidJSON) == 57)
        #expect(expected.badInputCount == 114)
    }

    @Test(arguments: [0, 1, 2])
    func filesKeepTheirOrderWhateverTheWorkerCount(_ parallelism: Int) throws {
        let folder = try LogFolder()
        let first = try folder.write("a.log", Self.text)
        let missing = (folder.path as NSString).appendingPathComponent("missing.log")
        let second = try folder.write("b.log", Self.text.components(separatedBy: "\r\n").dropLast().reversed().joined(separator: "\n") + "\n")
        let empty = try folder.write("c.log", "")
        let files = [first, missing, second, empty]
        let (expected, expectedEvents) = scan(files, reader: LogReader(chunkBytes: 1 << 16, parallelism: 0))
        let (actual, actualEvents) = scan(files, reader: LogReader(chunkBytes: 97, parallelism: parallelism))
        #expect(actual == expected)
        #expect(actualEvents.map(\.position) == expectedEvents.map(\.position))
        #expect(actual.files == [first, second, empty])
        #expect(actual.unreadable.map(\.path) == [missing])
        #expect(actual.count(.emptyFile) == 1)
        #expect(Set(actualEvents.map(\.position.fileIndex)) == [0, 1])
        #expect(actual.lines == 800)
    }

    @Test(arguments: [0, 1, 3])
    func unknownEventNamesAreTheSameWhateverTheWorkerCount(_ parallelism: Int) throws {
        let folder = try LogFolder()
        // 100 distinct unknown names, more than are named, each repeated further on.
        let lines = (0..<2000).map { n in #"{"time":1709294400,"event":"custom_\#((n * 37) % 100)"}"# }
        let file = try folder.write("unknown.log", lines.joined(separator: "\n") + "\n")
        let (expected, _) = scan([file], reader: LogReader(chunkBytes: 1 << 20, parallelism: 0))
        let (actual, _) = scan([file], reader: LogReader(chunkBytes: 300, parallelism: parallelism))
        #expect(actual.unknownEventNames == expected.unknownEventNames)
        #expect(expected.unknownEventNames.count == 20)
        #expect(expected.unknownEventNames.contains { $0.name == "(other names)" && $0.count == 36 * 20 })
    }

    @Test func theWorkerThreadsEndWithTheRead() async throws {
        let folder = try LogFolder()
        let file = try folder.write("mixed.log", Self.text)
        /// Threads named by LogParseWorkers ("preflight-log-N").
        func parserThreads() -> Int {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
            return tasks.filter { task in
                let name = try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)
                return name?.hasPrefix("preflight-log") == true
            }.count
        }
        var during = 0
        for _ in 0..<10 {
            var sink = ThreadCountingSink(count: parserThreads)
            _ = LogReader(chunkBytes: 512, parallelism: 4).read(LogSources.resolve([file]), into: &sink)
            during = max(during, sink.largest)
        }
        #expect(during >= 4, "the workers were not seen while reading")
        // Other tests may be reading at the same time: wait for a moment with no parser thread at all,
        // which never comes if each read left its four behind.
        var after = parserThreads()
        for _ in 0..<250 where after > 0 {
            try await Task.sleep(for: .milliseconds(20))
            after = parserThreads()
        }
        #expect(after == 0, "\(after) parser threads still running after the reads")
    }

    @Test func oversizedLinesAreFoundAtAnyChunkSize() throws {
        let folder = try LogFolder()
        let long = #"{"time":1,"event":"heartbeat","pad":""# + String(repeating: "z", count: 500) + #""}"#
        let short = #"{"time":1,"event":"heartbeat"}"#
        let file = try folder.write("long.log", [short, long, short, long, long, short].joined(separator: "\n") + "\n")
        for chunk in [1, 5, 100, 1000] {
            for parallelism in [0, 2] {
                let reader = LogReader(maxLineBytes: 200, chunkBytes: chunk, parallelism: parallelism)
                let (scan, events) = scan([file], reader: reader)
                #expect(events.map(\.position.line) == [1, 3, 6], "chunk \(chunk), \(parallelism) workers")
                #expect(scan.badInput[.oversizedLine]?.samples.map(\.location.line) == [2, 4, 5],
                        "chunk \(chunk), \(parallelism) workers")
            }
        }
    }
}

/// Samples a thread count as events arrive, so a test can see the workers while they exist.
struct ThreadCountingSink: LogEventSink {
    let count: () -> Int
    var largest = 0
    mutating func consume(_ event: LogEvent) {
        if event.position.line % 50 == 1 { largest = max(largest, count()) }
    }
}
