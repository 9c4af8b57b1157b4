import ArgumentParser
import PreflightCollection

/// Where the bot host's clock sync is read from, if at all. Shared by `audit`, `collect` and `drill`.
struct HostClockOptions: ParsableArguments {
    @Flag(name: .long, help: "Read this machine's clock sync (timesyncd, chrony, ntpd, kernel). Only on the bot's host.")
    var host = false

    @Option(name: .customLong("host-captures"), help: ArgumentHelp("Read the bot host's clock sync from outputs captured there (see README).", valueName: "DIR"))
    var hostCaptures: String?

    func validate() throws {
        if host && hostCaptures != nil { throw ValidationError("--host and --host-captures exclude each other") }
    }

    /// Nil when neither is given: A5 then says the host was not read.
    func collector() throws -> HostClockCollector? {
        let choice: HostCollection? = host ? .live : hostCaptures.map { .captured(folder: $0) }
        return try choice?.collector()
    }
}
