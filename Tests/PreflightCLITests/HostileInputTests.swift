import Foundation
import Testing

/// The built binary on hostile files: it must end with 0, 1 or 2 (never by a signal), within seconds, in bounded
/// memory, and name the bad input. Every file is made here, in a scratch folder.
@Suite("Hostile input never crashes preflight", .serialized)
struct HostileInputTests {
    /// What one bounded run of the binary gave.
    struct Run {
        var status: Int32?
        var signal: Int32?
        var timedOut: Bool
        var maxRSSMegabytes: Int
        var stdout: String
        var stderr: String

        var endedWell: Bool { !timedOut && signal == nil && [0, 1, 2].contains(status ?? -1) }
        var summary: String { "status \(status.map(String.init) ?? "-") signal \(signal.map(String.init) ?? "-") timedOut \(timedOut) rss \(maxRSSMegabytes) MB; stderr: \(stderr.prefix(300))" }
    }

    /// Runs the binary through posix_spawn, so that wait4 gives the child's own peak memory; killed after `seconds`.
    static func run(_ arguments: [String], seconds: Double = 30, in directory: String) throws -> Run {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path, err = folder.appendingPathComponent("err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // env -C changes directory and execs the binary in the same process, whose usage wait4 then reports.
        let words = ["/usr/bin/env", "-C", directory, PreflightBinary.path] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables: [String] = ["NO_COLOR=1", "PATH=/usr/bin:/bin"]
        let environment: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environment) == 0 else {
            throw CocoaError(.executableLoad)
        }
        var status: Int32 = 0
        var usage = rusage()
        let deadline = Date().addingTimeInterval(seconds)
        var timedOut = false
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if Date() > deadline {
                timedOut = true
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(20_000)
        }
        let exited = status & 0x7f == 0
        return Run(
            status: exited ? (status >> 8) & 0xff : nil, signal: exited ? nil : status & 0x7f, timedOut: timedOut,
            maxRSSMegabytes: usage.ru_maxrss / 1024,
            stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        )
    }

    static let header = "version: 1\nbot:\n  name: hostile\n  exchange: binance\n"

    /// A scratch bot: its manifest (header + `manifest`) and any files.
    static func bot(_ manifest: String = "", files: [String: [UInt8]] = [:]) throws -> URL {
        let folder = try temporaryDirectory()
        try (header + manifest).write(to: folder.appendingPathComponent("preflight.yml"), atomically: true, encoding: .utf8)
        for (name, bytes) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return folder
    }

    static func audit(_ folder: URL, _ extra: [String] = [], seconds: Double = 30) throws -> Run {
        try run(["audit", "--offline", "--manifest", "preflight.yml", "--now", "2026-11-25T00:00:00Z"] + extra, seconds: seconds, in: folder.path)
    }

    static let numericLogFields = [
        "status", "attempt", "latency_ms", "concurrency_inflight", "request_timestamp", "recv_window", "clock_offset_ms",
        "retry_after", "close_code", "last_message_ago_ms", "uptime_seconds", "sequence", "first_update_id",
        "last_update_id", "prev_update_id", "resync_items", "ts",
    ]

    @Test("numbers past Int64, NaN and infinities in every numeric log field", arguments: [
        "99999999999999999999999", "-99999999999999999999999", "1e19", "1e308", "1e999", "-1e999", "\"NaN\"", "\"Infinity\"",
        "\"1e30\"", "9223372036854775807", "-9223372036854775808", "18446744073709551616",
    ])
    func hugeNumbersInLogs(_ number: String) throws {
        var lines = ""
        for event in ["api_request", "ws_disconnect", "ws_message", "resync", "heartbeat", "order_submit"] {
            var fields = Self.numericLogFields.filter { $0 != "ts" }.map { "\"\($0)\":\(number)" }
            fields.append("\"ts\":1795514400000")
            lines += "{\"event\":\"\(event)\",\"stream\":\"btcusdt@depth\",\(fields.joined(separator: ","))}\n"
            lines += "{\"event\":\"\(event)\",\"ts\":\(number)}\n"
            lines += "time=\(number) event=\(event) latency_ms=\(number) attempt=\(number) retry_after=\(number)\n"
        }
        let folder = try Self.bot("logs:\n  paths: [bot.log]\n", files: ["bot.log": Array(lines.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.audit(folder, ["--format", "json"])
        #expect(result.endedWell, "\(result.summary)")
        #expect(result.stdout.contains("bot.log"), "the report names the log")
    }

    @Test("framework text lines with times and numbers out of range", arguments: ["freqtrade", "hummingbot"])
    func hostileFrameworkLines(_ framework: String) throws {
        let pid = framework == "hummingbot" ? " - 1" : ""
        let lines = [
            "9999-12-31 23:59:59,999\(pid) - freqtrade.worker - INFO - Bot heartbeat. PID=1, version='x', state='RUNNING'",
            "0000-01-01 00:00:00,000\(pid) - freqtrade.worker - INFO - Changing state to: RUNNING",
            "2026-12-01 11:32:46,636\(pid) - freqtrade.exchange.common - WARNING - f() returned exception: \"binance 429 Too Many Requests {\\\"code\\\":-99999999999999999999}\". Retrying still for 99999999999999999999 times.",
            "2026-12-01 11:32:46,636\(pid) - hummingbot.connector.client_order_tracker - WARNING - x Error executing request GET https://h/api. HTTP status is 99999999999999999999. Error: {\"code\":-1021}",
            "2026-12-01 11:32:46,636\(pid) - hummingbot.x.Source - WARNING - The websocket connection was closed (Close code = 99999999999999999999999)",
        ].joined(separator: "\n")
        let folder = try Self.bot(files: ["fw.log": Array(lines.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = framework == "freqtrade" ? "config.json" : "conf_client.yml"
        let configText = framework == "freqtrade"
            ? #"{"exchange": {"name": "binance"}, "dry_run": false}"#
            : "instance_id: abcdef12\n"
        try configText.write(to: folder.appendingPathComponent(config), atomically: true, encoding: .utf8)
        var arguments = ["audit", "--offline", "--framework", framework, "--manifest", config, "--logs", "fw.log", "--format", "json"]
        if framework == "hummingbot" { arguments += ["--exchange", "binance"] }
        let result = try Self.run(arguments, in: folder.path)
        #expect(result.endedWell, "\(result.summary)")
        #expect(result.stdout.contains("invalid_timestamp"), "out-of-range years are bad input")
    }

    @Test func junkLogsStayBadInput() throws {
        var nested = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        nested = "{\"event\":\"api_request\",\"ts\":1795514400000,\"endpoint\":\(nested)}"
        var bytes = Array("\u{FEFF}{\"event\":\"heartbeat\",\"ts\":1795514400000}\r\n".utf8)
        bytes += Array(nested.utf8) + [10]
        bytes += [0xFF, 0xFE, 0x00, 0xC3, 0x28, 10]  // invalid UTF-8 and a NUL
        bytes += Array(repeating: UInt8(ascii: "x"), count: 3 << 20) + [10]  // a line over 1 MiB
        bytes += Array("{\"event\":\"api_request\",\"ts\":1795514400000,\"status\":200,\"status\":999}\n".utf8)  // duplicate key
        let folder = try Self.bot("logs:\n  paths: [bot.log]\n", files: ["bot.log": bytes])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.audit(folder, ["--format", "json"])
        #expect(result.endedWell, "\(result.summary)")
        #expect(result.stdout.contains("oversized_line") && result.stdout.contains("binary_junk"), "\(result.stdout.prefix(400))")
        #expect(result.maxRSSMegabytes < 200, "peak \(result.maxRSSMegabytes) MB")
    }

    @Test func gzipWithABadChecksumAndABomb() throws {
        let folder = try Self.bot("logs:\n  paths: [\"*.gz\"]\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        // python's gzip module writes them: one damaged in its trailer, one of 2 GiB of zeros (about 2 MB).
        let script = """
            import gzip, zlib, sys
            data = gzip.compress(b'{"event":"heartbeat","ts":1795514400000}\\n' * 50)
            damaged = data[:-8] + bytes(b ^ 0xFF for b in data[-8:-4]) + data[-4:]
            open(sys.argv[1] + '/damaged.gz', 'wb').write(damaged)
            with gzip.open(sys.argv[1] + '/bomb.gz', 'wb', compresslevel=9) as out:
                block = b'\\0' * (1 << 24)
                for _ in range(128): out.write(block)
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, folder.path]
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0)
        let result = try Self.audit(folder, ["--format", "json"], seconds: 120)
        #expect(result.endedWell, "\(result.summary)")
        #expect(result.stdout.contains("corrupt_gzip"), "\(result.stdout.prefix(600))")
        #expect(result.maxRSSMegabytes < 200, "peak \(result.maxRSSMegabytes) MB: gzip must stay a stream")
    }

    @Test("manifests that must be refused at once with file:line:column", arguments: [
        ("alias bomb as a key", "a0: &a [x, x, x, x, x, x, x, x, x, x]\na1: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\na2: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\na3: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\na4: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\na5: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n? *f : 1\n", ":11:1"),
        ("an alias as an implicit key", "x: &k 1\n*k : 2\n", ":6:1"),
        ("a list as a key", "[a, b]: 1\n", ":5:6"),
        ("billion laughs as values", "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nlogs:\n  paths: *l0\n", "unknown key 'l0'"),
        ("a tag", "retry:\n  max_attempts: !!python/object:os.system 3\n", "preflight.yml:"),
        ("a duplicate key", "retry:\n  max_attempts: 3\n  max_attempts: 4\n", "preflight.yml:"),
        ("numbers past Int64", "retry:\n  max_attempts: 99999999999999999999999\nclock:\n  recv_window_ms: 1e999\npolicy:\n  thresholds:\n    backoff_floor_ms: 1e308\n", "preflight.yml:6"),
        ("a secret reused through an alias", "credentials:\n  api_secret: &s CANARY-HOSTILE-SECRET\nmonitoring:\n  health_endpoint: *s\n", "a YAML alias of it"),
    ])
    func hostileManifests(_ name: String, _ yaml: String, _ named: String) throws {
        let folder = try Self.bot(yaml)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.audit(folder, seconds: 10)
        #expect(result.endedWell, "\(name): \(result.summary)")
        #expect(result.status == 2, "\(name): \(result.summary)")
        #expect(result.stderr.contains(named), "\(name): \(result.stderr)")
        #expect(!result.stdout.contains("CANARY") && !result.stderr.contains("CANARY"))
    }

    @Test func aManifestWithABOMAndCRLFLoads() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "\u{FEFF}" + Self.header.replacingOccurrences(of: "\n", with: "\r\n")
        try text.write(to: folder.appendingPathComponent("preflight.yml"), atomically: true, encoding: .utf8)
        let result = try Self.audit(folder)
        #expect(result.endedWell && result.status == 1, "\(result.summary)")
    }

    /// Where a file is expected: a folder, a FIFO (with no writer: opening it would block), a device, a
    /// symlink loop, a path through a file, an empty file.
    @Test(arguments: ["folder", "fifo", "device", "loop", "not-a-folder", "empty"])
    func notARegularFileWhereOneIsExpected(_ kind: String) throws {
        let folder = try Self.bot("credentials:\n  rotation:\n    runbook: special\n    interval_days: 90\nkill_switch:\n  kind: flag_file\n  target: special\nlogs:\n  paths: [\"spec*\"]\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let special = folder.appendingPathComponent("special").path
        switch kind {
        case "folder": try FileManager.default.createDirectory(atPath: special, withIntermediateDirectories: false)
        case "fifo": #expect(mkfifo(special, 0o644) == 0)
        case "device": try FileManager.default.createSymbolicLink(atPath: special, withDestinationPath: "/dev/zero")
        case "loop": try FileManager.default.createSymbolicLink(atPath: special, withDestinationPath: special)
        case "not-a-folder":
            try "x".write(toFile: folder.appendingPathComponent("file").path, atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: special, withDestinationPath: folder.appendingPathComponent("file/child").path)
        default: FileManager.default.createFile(atPath: special, contents: Data())
        }
        // As the runbook, the kill-switch flag and a log glob's match.
        let audit = try Self.audit(folder, ["--format", "json"], seconds: 10)
        #expect(audit.endedWell, "\(kind): \(audit.summary)")
        // As the manifest, the suppressions file, the bundle and the baseline.
        for arguments in [
            ["audit", "--offline", "--manifest", "special"],
            ["audit", "--offline", "--manifest", "preflight.yml", "--suppressions", "special"],
            ["evaluate", "special"],
            ["audit", "--offline", "--manifest", "preflight.yml", "--baseline", "special"],
        ] {
            let result = try Self.run(arguments, seconds: 10, in: folder.path)
            #expect(result.endedWell && result.status == 2, "\(kind) \(arguments): \(result.summary)")
            #expect(result.stderr.contains("special"), "\(kind) \(arguments): names the file: \(result.stderr)")
            if kind == "fifo" { #expect(result.stderr.contains("FIFO"), "\(result.stderr)") }
            if kind == "folder" { #expect(result.stderr.contains("a folder"), "\(result.stderr)") }
        }
    }

    @Test func aBundleWithNumbersNoPreflightWritesIsRefusedNamingTheField() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("bundle.json").path
        let collect = try PreflightBinary.run([
            "collect", "--offline", "--manifest", PreflightBinary.root + "/fixtures/bots/defective/preflight.yml",
            "--now", "2026-11-25T00:00:00Z", "--output", bundle,
        ])
        try #require(collect.status == 0, "\(collect.stderr)")
        let text = try String(contentsOfFile: bundle, encoding: .utf8)
        // Every number in the bundle, one at a time, past Int64 or as an infinity.
        let numbers = try NSRegularExpression(pattern: #"(?<=: )-?[0-9]+(\.[0-9]+)?(?=[,\n])"#)
        let matches = numbers.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(matches.count > 50)
        for (index, match) in matches.enumerated() where index % 7 == 0 {
            for replacement in ["1e400", "99999999999999999999"] {
                let mutated = (text as NSString).replacingCharacters(in: match.range, with: replacement)
                try mutated.write(toFile: bundle, atomically: true, encoding: .utf8)
                let result = try Self.run(["evaluate", bundle, "--format", "json"], seconds: 10, in: folder.path)
                #expect(result.endedWell, "number \(index) → \(replacement): \(result.summary)")
            }
        }
    }

    @Test func hostCapturesWithNumbersPastTheirRange() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let capture = folder.appendingPathComponent("clock")
        try FileManager.default.copyItem(atPath: PreflightBinary.root + "/fixtures/host/chrony-defaults", toPath: capture.path)
        try "inf\n".write(to: capture.appendingPathComponent("date.txt"), atomically: true, encoding: .utf8)
        try "^,*,192.0.2.1,2,99999999999999999999,377,4294967296,0.0,0.0,0.0\n".write(to: capture.appendingPathComponent("chronyc-sources.csv"), atomically: true, encoding: .utf8)
        // chrony.conf including itself.
        let conf = capture.appendingPathComponent("root/etc/chrony/chrony.conf")
        try "include /etc/chrony/chrony.conf\ninclude /etc/chrony/chrony.conf\npool 2.debian.pool.ntp.org iburst\n".write(to: conf, atomically: true, encoding: .utf8)
        let result = try Self.run(["audit", "--offline", "--manifest", PreflightBinary.root + "/fixtures/bots/ready/preflight.yml", "--host-captures", capture.path, "--only", "A5", "--format", "json"], seconds: 20, in: folder.path)
        #expect(result.endedWell, "\(result.summary)")
        #expect(result.maxRSSMegabytes < 200, "peak \(result.maxRSSMegabytes) MB")

        let timesync = folder.appendingPathComponent("timesync")
        try FileManager.default.copyItem(atPath: PreflightBinary.root + "/fixtures/host/timesyncd-defaults", toPath: timesync.path)
        let show = timesync.appendingPathComponent("timedatectl-show-timesync.txt")
        let original = try String(contentsOf: show, encoding: .utf8)
        try original.replacingOccurrences(of: "PollIntervalMaxUSec=34min 8s", with: "PollIntervalMaxUSec=18446744073709551616h")
            .write(to: show, atomically: true, encoding: .utf8)
        try "1e300\n".write(to: timesync.appendingPathComponent("date.txt"), atomically: true, encoding: .utf8)
        let huge = try Self.run(["audit", "--offline", "--manifest", PreflightBinary.root + "/fixtures/bots/ready/preflight.yml", "--host-captures", timesync.path, "--only", "A5", "--format", "json"], seconds: 20, in: folder.path)
        #expect(huge.endedWell, "\(huge.summary)")
        #expect(huge.stdout.contains("\"error\""), "an unreadable capture value is an error finding: \(huge.stdout.prefix(500))")
    }
}
