import Foundation
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport

/// Two real chronyd processes that never touch the system clock (`-x`): a server on 127.0.0.1 serving its
/// local clock at stratum 8, and a client synchronised to it. Private folder, sockets, pidfiles and ports.
final class ChronyLab {
    let folder: String
    let serverPort: Int
    var clientConfig: String { folder + "/client.conf" }
    var clientSocket: String { folder + "/client.sock" }
    private var processes: [Process] = []
    private(set) var client: Process?

    static var chronyd: String? { ProcessCommandRunner().resolve("chronyd") }

    /// `clientMaxpoll` nil leaves chrony's default (10) on the server line.
    init(clientMaxpoll: Int?) throws {
        folder = try temporaryFolder()
        // chronyd refuses a socket folder that others can reach.
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
        serverPort = try Self.freeUDPPort()
        try """
            local stratum 8
            allow 127.0.0.1
            port \(serverPort)
            bindaddress 127.0.0.1
            cmdport 0
            bindcmdaddress \(folder)/server.sock
            pidfile \(folder)/server.pid

            """.write(toFile: folder + "/server.conf", atomically: true, encoding: .utf8)
        try """
            server 127.0.0.1 port \(serverPort) iburst minpoll 0\(clientMaxpoll.map { " maxpoll \($0)" } ?? "")
            port 0
            cmdport 0
            bindcmdaddress \(folder)/client.sock
            pidfile \(folder)/client.pid

            """.write(toFile: clientConfig, atomically: true, encoding: .utf8)
    }

    func start() throws {
        try launch(config: folder + "/server.conf", log: "server.log")
        client = try launch(config: clientConfig, log: "client.log")
    }

    @discardableResult
    private func launch(config: String, log: String) throws -> Process {
        guard let chronyd = Self.chronyd else { throw LabError("chronyd is not installed (apt-get install -y chrony)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chronyd)
        // -d: stay in the foreground so the test owns the process; -x: never steer the clock.
        process.arguments = ["-d", "-x", "-f", config] + (geteuid() == 0 ? ["-u", "root"] : ["-U"])
        _ = FileManager.default.createFile(atPath: folder + "/" + log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/" + log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        processes.append(process)
        return process
    }

    /// Polls `chronyc -c tracking` until the client reports a normal leap status, within a bound.
    func waitUntilSynchronised(within seconds: Double = 20) throws {
        let runner = ProcessCommandRunner()
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            let result = runner.run(Command("chronyc", ["-h", clientSocket, "-c", "tracking"], deadline: 2))
            last = result.stdout + result.stderr
            if result.succeeded, result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(",Normal") { return }
            Thread.sleep(forTimeInterval: 0.25)
        }
        throw LabError("chronyd did not synchronise within \(seconds) s; last tracking: \(last); log: \(self.log("client.log"))")
    }

    func stopClient() {
        if let client { Self.forceStop(client) }
    }

    /// SIGKILL: children of a test process inherit the dispatch threads' signal mask, where SIGTERM is blocked.
    static func forceStop(_ process: Process) {
        guard process.isRunning else { return }
        _ = kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func log(_ name: String) -> String { (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? "" }

    /// Stops both daemons and removes the folder; safe to call twice.
    func stop() {
        for process in processes { Self.forceStop(process) }
        processes.removeAll()
        try? FileManager.default.removeItem(atPath: folder)
    }

    deinit { stop() }

    static func freeUDPPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw LabError("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw LabError("bind: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct LabError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
