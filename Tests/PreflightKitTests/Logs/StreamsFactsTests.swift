import Foundation
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

/// Reads `lines` from a real file through the real reader and every fact builder.
func collectStreamAndLifecycleLogs(_ lines: [String], manifest yaml: String = "", exchange: String = "binance",
                 name: String = "bot.log") throws -> LogEvidence {
    let folder = try LogFolder()
    let file = try folder.write(name, lines.joined(separator: "\n") + "\n")
    let manifest = try ManifestLoader.parse(
        "version: 1\nbot:\n  name: test\n  exchange: \(exchange)\n" + yaml, path: (folder.path as NSString).appendingPathComponent("preflight.yml"))
    return try #require(LogEvidenceCollector(inputs: [file]).read(manifest))
}

/// One JSON line at 2026-11-24T10:MM:SS.mmmZ, written `"10:00:01.500"`.
func logRecord(_ time: String, _ members: String) -> String {
    #"{"ts":"2026-11-24T\#(time)Z",\#(members)}"#
}

@Suite("Stream facts: reconnects, sequence gaps, resyncs, disconnects")
struct StreamsFactsTests {
    @Test func futuresGapsComeFromPuAndAreMatchedByTheBotsGapRecordEitherSide() throws {
        let depth = #""stream":"btcusdt@depth""#
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #""event":"ws_message",\#(depth),"U":1,"u":10,"pu":0"#),
            logRecord("10:00:00.100", #""event":"ws_message",\#(depth),"U":11,"u":20,"pu":10"#),
            // Gap 1: pu 25 where 20 was expected; the bot logs it right after.
            logRecord("10:00:00.200", #""event":"ws_message",\#(depth),"U":26,"u":30,"pu":25"#),
            logRecord("10:00:00.201", #""event":"ws_gap",\#(depth)"#),
            logRecord("10:00:00.300", #""event":"ws_message",\#(depth),"U":31,"u":40,"pu":30"#),
            // Gap 2: the bot logs it before the message shows it.
            logRecord("10:00:01.000", #""event":"ws_gap",\#(depth)"#),
            logRecord("10:00:01.001", #""event":"ws_message",\#(depth),"U":50,"u":60,"pu":45"#),
            logRecord("10:00:01.100", #""event":"ws_message",\#(depth),"U":61,"u":70,"pu":60"#),
            // Gap 3: never logged by the bot.
            logRecord("10:00:02.000", #""event":"ws_message",\#(depth),"U":80,"u":90,"pu":75"#),
            logRecord("10:00:09.000", #""event":"ws_message",\#(depth),"U":91,"u":95,"pu":90"#),
        ], exchange: "binance-futures").streams
        #expect(logs.sequencedMessages == 8)
        #expect(logs.sequencedStreams == 1)
        #expect(logs.gapRecords == 2)
        #expect(logs.gapsMatched == 2)
        #expect(logs.unmatchedGaps.count == 1)
        #expect(logs.unmatchedGaps.samples.first?.location.line == 9)
        #expect(logs.unmatchedGaps.samples.first?.detail == "stream btcusdt@depth: pu 75, expected 70")
    }

    @Test func bybitSnapshotsAndRestartsAreResetsNotGaps() throws {
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #""event":"ws_message","topic":"orderbook.50.BTCUSDT","type":"snapshot","u":500,"seq":9000"#),
            logRecord("10:00:00.100", #""event":"ws_message","topic":"orderbook.50.BTCUSDT","type":"delta","u":501,"seq":9007"#),
            logRecord("10:00:00.200", #""event":"ws_message","topic":"orderbook.50.BTCUSDT","type":"snapshot","u":900,"seq":9100"#),
            logRecord("10:00:00.300", #""event":"ws_message","topic":"orderbook.50.BTCUSDT","type":"delta","u":1,"seq":9200"#),
            logRecord("10:00:00.400", #""event":"ws_message","topic":"orderbook.50.BTCUSDT","type":"delta","u":2,"seq":9201"#),
            logRecord("10:00:00.500", #""event":"ws_message","topic":"orderbook.50.BTCUSDT","type":"delta","u":5,"seq":9300"#),
        ], exchange: "bybit").streams
        #expect(logs.sequenceResets == 3)
        #expect(logs.gapsFound == 1)
        #expect(logs.unmatchedGaps.samples.map(\.location.line) == [6])
    }

    @Test func coinbaseSequenceNumbersAreConsecutivePerStream() throws {
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #""event":"ws_message","channel":"level2","sequence_num":1"#),
            logRecord("10:00:00.001", #""event":"ws_message","channel":"ticker","sequence_num":1"#),
            logRecord("10:00:00.002", #""event":"ws_message","channel":"level2","sequence_num":2"#),
            logRecord("10:00:00.003", #""event":"ws_message","channel":"level2","sequence_num":4"#),
            logRecord("10:00:00.004", #""event":"ws_message","channel":"level2","price":"1""#),
        ], exchange: "coinbase").streams
        #expect(logs.sequencedStreams == 2)
        #expect(logs.gapsFound == 1)
        #expect(logs.unsequencedMessages.count == 1)
        #expect(logs.unsequencedMessages.samples.first?.location.line == 5)
    }

    @Test func coinbaseChannelsOfOneConnectionShareTheirNumbers() throws {
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #""event":"ws_message","channel":"level2","sequence_num":1"#),
            logRecord("10:00:00.001", #""event":"ws_message","channel":"ticker","sequence_num":2"#),
            logRecord("10:00:00.002", #""event":"ws_message","channel":"level2","sequence_num":3"#),
            logRecord("10:00:00.003", #""event":"ws_message","channel":"heartbeats","sequence_num":4"#),
            logRecord("10:00:00.004", #""event":"ws_message","channel":"level2","sequence_num":5"#),
            // The user channel's own connection counts on its own, interleaved with the market one.
            logRecord("10:00:00.005", #""event":"ws_message","channel":"user","sequence_num":1"#),
            logRecord("10:00:00.006", #""event":"ws_message","channel":"ticker","sequence_num":6"#),
            logRecord("10:00:00.007", #""event":"ws_message","channel":"user","sequence_num":2"#),
            logRecord("10:00:00.008", #""event":"ws_message","channel":"level2","sequence_num":7"#),
            // Two user messages lost: a gap on the user connection only.
            logRecord("10:00:00.009", #""event":"ws_message","channel":"user","sequence_num":5"#),
            logRecord("10:00:00.010", #""event":"ws_message","channel":"heartbeats","sequence_num":8"#),
            // The market connection is reopened: numbering starts again, no gap.
            logRecord("10:00:01.000", #""event":"ws_connect","channel":"level2""#),
            logRecord("10:00:01.001", #""event":"ws_message","channel":"level2","sequence_num":1"#),
            logRecord("10:00:01.002", #""event":"ws_message","channel":"level2","sequence_num":2"#),
        ], exchange: "coinbase").streams
        #expect(logs.sequencedMessages == 13)
        #expect(logs.sequencedStreams == 4)
        #expect(logs.gapsFound == 1)
        #expect(logs.unmatchedGaps.samples.map(\.location.line) == [10])
        #expect(logs.unmatchedGaps.samples.first?.detail == "stream user: sequence_num 5, expected 3")
    }

    @Test func coinbaseCountersStayBoundedWithManyStreams() {
        var counters = SharedSequenceCounters()
        var handles: [SharedSequenceCounters.Handle] = []
        for stream in 0..<(SharedSequenceCounters.limit + 8) {
            guard case .started(let handle) = counters.step(Int64(stream * 1000), own: nil) else {
                Issue.record("stream \(stream) did not start a counter")
                return
            }
            handles.append(handle)
        }
        // The first streams' counters were reused: their next number starts again, it is no gap.
        guard case .started = counters.step(1, own: handles[0]) else {
            Issue.record("a stale handle was followed")
            return
        }
        #expect(counters.step(Int64(39 * 1000 + 5), own: handles[39]) == .gap(handles[39], expected: 39 * 1000 + 1))
    }

    @Test func krakenMessagesAreNeverJudgedForSequences() throws {
        let logs = try collectStreamAndLifecycleLogs([logRecord("10:00:00.000", #""event":"ws_message","channel":"book","sequence":3"#)], exchange: "kraken").streams
        #expect(logs.sequencedMessages == 0)
        #expect(logs.gapsFound == 0)
    }

    @Test func overlapNeedsAnAttemptInFlightOnTheSameStream() throws {
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #""event":"ws_disconnect","stream":"a","close_code":1006,"last_message_ago_ms":1,"uptime_seconds":1"#),
            logRecord("10:00:00.500", #""event":"ws_reconnect_attempt","stream":"a","attempt":1"#),
            // Another stream reconnecting at the same time is no overlap.
            logRecord("10:00:00.600", #""event":"ws_reconnect_attempt","stream":"b","attempt":1"#),
            // A numbered successor is the same loop going on after an unlogged failure.
            logRecord("10:00:01.500", #""event":"ws_reconnect_attempt","stream":"a","attempt":2"#),
            // An attempt record carrying an error is the outcome of the attempt in flight.
            logRecord("10:00:02.000", #""event":"ws_reconnect_attempt","stream":"a","error_code":"ECONNREFUSED""#),
            logRecord("10:00:04.000", #""event":"ws_reconnect_attempt","stream":"a","attempt":3"#),
            // A second flight starting again at attempt 1 overlaps.
            logRecord("10:00:04.100", #""event":"ws_reconnect_attempt","stream":"a","attempt":1"#),
            logRecord("10:00:05.000", #""event":"ws_connect","stream":"a""#),
            logRecord("10:00:06.000", #""event":"ws_reconnect_attempt","stream":"a""#),
        ]).streams
        #expect(logs.reconnectAttempts == 6)
        #expect(logs.overlappingReconnects.count == 1)
        #expect(logs.overlappingReconnects.samples.first?.location.line == 7)
        let delays = Dictionary(uniqueKeysWithValues: logs.reconnectDelays.map { ($0.attempt, $0) })
        // Attempt 1 after the disconnect: 500 ms; attempt 2: 1000 ms after attempt 1; attempt 3: 2000 ms after the failure.
        #expect(delays[1]?.count == 2)
        #expect(delays[1]?.minMs == 100)
        #expect(delays[1]?.maxMs == 500)
        #expect(delays[2]?.sumMs == 1000)
        #expect(delays[3]?.sumMs == 2000)
    }

    @Test func disconnectsWithoutFieldsSayWhetherTheFieldWasAbsentOrUnreadable() throws {
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #""event":"ws_disconnect","close_code":1006,"last_message_ago_ms":5,"uptime_seconds":9"#),
            logRecord("10:00:01.000", #""event":"ws_disconnect","close_code":"abnormal","uptime_seconds":9"#),
            "time=2026-11-24T10:00:02Z event=ws_disconnect closeCode=1000 silence_ms=3 uptime_s=4",
        ]).streams
        #expect(logs.disconnects == 3)
        #expect(logs.disconnectsWithoutCloseCode.count == 1)
        #expect(logs.disconnectsWithoutCloseCode.samples.first?.detail == "close_code present but not a number")
        #expect(logs.disconnectsWithoutLastMessageAgo.samples.map(\.detail) == ["no last_message_ago_ms"])
        #expect(logs.disconnectsWithoutUptime.isEmpty)
    }

    @Test func resyncsAreMeasuredAgainstTheDeclaredBounds() throws {
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #""event":"resync","mode":"snapshot","items":1000,"duration_ms":400"#),
            logRecord("10:00:01.000", #""event":"resync","mode":"FULL","items":5000,"duration_ms":12000"#),
        ], manifest: "streams:\n  resync:\n    mode: snapshot\n    max_items: 1000\n    max_duration_s: 10\n").streams
        #expect(logs.resyncs == 2)
        #expect(logs.fullResyncs.count == 1)
        #expect(logs.resyncsOverItemBound.samples.map(\.location.line) == [2])
        #expect(logs.resyncsOverDurationBound.samples.map(\.detail) == ["12000 ms"])
        #expect(logs.largestResyncItems?.value == 5000)
        #expect(logs.longestResyncMs?.location.line == 2)
    }

    @Test func examplesStopAtFiveWhileTheCountGoesOn() throws {
        let lines = (0..<40).map { logRecord("10:00:\($0 < 10 ? "0\($0)" : "\($0)").000", #""event":"ws_message","stream":"s""#) }
        let logs = try collectStreamAndLifecycleLogs(lines).streams
        #expect(logs.unsequencedMessages.count == 40)
        #expect(logs.unsequencedMessages.samples.map(\.location.line) == [1, 2, 3, 4, 5])
    }
}
