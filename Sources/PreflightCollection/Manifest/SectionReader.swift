import PreflightModel
import Yams
import PreflightSupport

/// Reads each manifest section. Every key read here is a documented key (docs/preflight.example.yml).
struct SectionReader {
    let diagnostics: ManifestDiagnostics

    /// Reads one section: `fill` takes its keys; unknown keys are reported when it is done.
    private func read<Section>(_ reader: MappingReader, into section: Section, _ fill: (inout MappingReader, inout Section) -> Void) -> Section {
        var reader = reader
        var section = section
        fill(&reader, &section)
        reader.finish()
        return section
    }

    func bot(_ reader: MappingReader) -> BotSection? {
        var reader = reader
        defer { reader.finish() }
        let name = reader.string("name", required: true)
        let exchange: Located<Exchange>? = reader.choice("exchange", required: true)
        let baseURL = reader.string("base_url")
        if let baseURL, !URLSyntax.isHTTP(baseURL.value) {
            diagnostics.report("expected an http or https URL with a host", at: reader.raw("base_url"), keyPath: "bot.base_url")
        }
        let mode: Located<BotSection.Mode>? = reader.choice("mode")
        let markets: Located<[BotSection.Market]>? = reader.choices("markets")
        guard let name, let exchange else { return nil }
        var bot = BotSection(name: name, exchange: exchange)
        bot.baseURL = baseURL
        bot.mode = mode
        bot.markets = markets
        return bot
    }

    func credentials(_ reader: MappingReader) -> CredentialsSection {
        read(reader, into: CredentialsSection()) { reader, section in
            section.apiKeyEnv = environmentName("api_key_env", &reader)
            section.apiSecretEnv = environmentName("api_secret_env", &reader)
            section.passphraseEnv = environmentName("passphrase_env", &reader)
            section.keyPermissions = reader.choices("key_permissions")
            section.ipAllowlist = reader.strings("ip_allowlist")
            if var rotation = reader.mapping("rotation") {
                var policy = RotationPolicy()
                policy.runbook = rotation.string("runbook")
                policy.intervalDays = rotation.int("interval_days")
                policy.lastRotated = rotation.day("last_rotated")
                rotation.finish()
                section.rotation = policy
            }
            for key in ManifestLoader.secretKeys {
                if let node = reader.raw(key) { diagnostics.recordSecret(at: node, keyPath: reader.path(key)) }
            }
        }
    }

    /// An environment variable's name. Anything that cannot be one is most likely a pasted secret:
    /// it is recorded as an inline secret and never shown.
    private func environmentName(_ key: String, _ reader: inout MappingReader) -> Located<String>? {
        guard let node = reader.raw(key) else { return nil }
        guard case let .scalar(scalar) = node, EnvironmentName.isValid(scalar.string) else {
            diagnostics.recordSecret(at: node, keyPath: reader.path(key))
            return nil
        }
        return Located(scalar.string, at: reader.location(key))
    }

    func clock(_ reader: MappingReader) -> ClockSection {
        read(reader, into: ClockSection()) { reader, section in
            section.recvWindowMs = reader.int("recv_window_ms")
            section.offsetAlertMs = reader.int("offset_alert_ms", in: 0...3_600_000)
            section.logsOffset = reader.bool("logs_offset")
        }
    }

    func concurrency(_ reader: MappingReader) -> ConcurrencySection {
        read(reader, into: ConcurrencySection()) { reader, section in
            section.privateRequests = reader.int("private")
            section.publicRequests = reader.int("public")
        }
    }

    func retry(_ reader: MappingReader) -> RetrySection {
        read(reader, into: RetrySection()) { reader, section in
            section.maxAttempts = reader.int("max_attempts")
            section.respectRetryAfter = reader.bool("respect_retry_after")
            section.backoff = reader.mapping("backoff").map(backoff)
        }
    }

    func backoff(_ reader: MappingReader) -> Backoff {
        var reader = reader
        defer { reader.finish() }
        var backoff = Backoff()
        backoff.kind = reader.choice("kind")
        backoff.baseMs = reader.int("base_ms", in: 0...86_400_000)
        backoff.maxMs = reader.int("max_ms", in: 0...86_400_000)
        backoff.jitter = reader.choice("jitter")
        backoff.jitterMs = reader.int("jitter_ms", in: 0...86_400_000)
        return backoff
    }

    func errors(_ reader: MappingReader) -> ErrorHandlingSection {
        read(reader, into: ErrorHandlingSection()) { reader, section in
            section.auth = reader.choice("auth")
            section.rateLimit = reader.choice("rate_limit")
            section.platform = reader.choice("platform")
            section.validation = reader.choice("validation")
        }
    }

    func circuitBreakers(_ reader: MappingReader) -> CircuitBreakersSection {
        read(reader, into: CircuitBreakersSection()) { reader, section in
            section.auth = reader.mapping("auth").map { breaker($0, location: reader.location("auth")) }
            section.rateLimit = reader.mapping("rate_limit").map { breaker($0, location: reader.location("rate_limit")) }
            section.platform = reader.mapping("platform").map { breaker($0, location: reader.location("platform")) }
        }
    }

    private func breaker(_ reader: MappingReader, location: SourceLocation) -> CircuitBreakersSection.Breaker {
        var reader = reader
        defer { reader.finish() }
        var breaker = CircuitBreakersSection.Breaker(location: location)
        breaker.failureThreshold = reader.int("failure_threshold")
        breaker.cooldownSeconds = reader.int("cooldown_s")
        return breaker
    }

    func streams(_ reader: MappingReader) -> StreamsSection {
        read(reader, into: StreamsSection()) { reader, section in
            if var reconnect = reader.mapping("reconnect") {
                section.reconnectSingleFlight = reconnect.bool("single_flight")
                section.reconnectBackoff = reconnect.mapping("backoff").map(backoff)
                reconnect.finish()
            }
            section.sequenceTracking = reader.bool("sequence_tracking")
            section.onGap = reader.choice("on_gap")
            if var resync = reader.mapping("resync") {
                section.resyncMode = resync.choice("mode")
                section.resyncMaxItems = resync.int("max_items")
                section.resyncMaxSeconds = resync.int("max_duration_s")
                resync.finish()
            }
        }
    }

    func recovery(_ reader: MappingReader) -> RecoverySection {
        read(reader, into: RecoverySection()) { reader, section in
            section.reconcileOnStart = reader.choices("reconcile_on_start")
            section.blockOrdersUntilReconciled = reader.bool("block_orders_until_reconciled")
        }
    }

    func orders(_ reader: MappingReader) -> OrdersSection {
        read(reader, into: OrdersSection()) { reader, section in
            section.clientOrderIDs = reader.bool("client_order_ids")
            section.reuseIDOnRetry = reader.bool("reuse_id_on_retry")
            section.clientOrderIDPrefix = reader.string("client_order_id_prefix")
            section.onUnknownOutcome = reader.choice("on_unknown_outcome")
        }
    }

    func killSwitch(_ reader: MappingReader) -> KillSwitchSection {
        read(reader, into: KillSwitchSection(location: diagnostics.location(of: reader.node, keyPath: "kill_switch"))) { reader, section in
            section.kind = reader.choice("kind")
            section.target = reader.string("target")
            section.lastExercised = reader.day("last_exercised")
        }
    }

    func monitoring(_ reader: MappingReader) -> MonitoringSection {
        read(reader, into: MonitoringSection()) { reader, section in
            section.healthEndpoint = reader.string("health_endpoint")
            section.heartbeatIntervalSeconds = reader.int("heartbeat_interval_s")
        }
    }

    func logs(_ reader: MappingReader) -> LogsSection {
        read(reader, into: LogsSection()) { reader, section in
            section.paths = reader.strings("paths")
            section.format = reader.choice("format")
            section.timeFormat = reader.choice("time_format")
            section.fields = aliases(reader.mapping("fields"), canonical: LogsSection.canonicalFields)
            section.events = aliases(reader.mapping("events"), canonical: LogsSection.canonicalEvents)
        }
    }

    /// `preflight's name: the bot's name` pairs; the left side must be a name preflight knows.
    private func aliases(_ reader: MappingReader?, canonical: [String]) -> [String: Located<String>] {
        guard var reader else { return [:] }
        var result: [String: Located<String>] = [:]
        for key in reader.presentKeys where canonical.contains(key) {
            if let alias = reader.string(key) { result[key] = alias }
        }
        reader.accept(canonical)
        reader.finish()
        return result
    }

    func policy(_ reader: MappingReader) -> PolicySection {
        read(reader, into: PolicySection()) { reader, section in
            section.reason = reader.string("reason")
            if var thresholds = reader.mapping("thresholds") {
                for threshold in Threshold.allCases {
                    guard let value = thresholds.double(threshold.rawValue) else { continue }
                    guard threshold.range.contains(value.value) else {
                        diagnostics.report(
                            "\(value.value) is out of range \(threshold.range.lowerBound)...\(threshold.range.upperBound)",
                            at: thresholds.raw(threshold.rawValue), keyPath: thresholds.path(threshold.rawValue)
                        )
                        continue
                    }
                    section.thresholds[threshold] = value
                    let looser = threshold.higherIsLooser ? value.value > threshold.defaultValue : value.value < threshold.defaultValue
                    let reason = section.reason?.value.trimmingCharacters(in: .whitespaces) ?? ""
                    if looser, reason.isEmpty {
                        diagnostics.report(
                            "\(value.value) is looser than the default \(threshold.defaultValue); say why in policy.reason",
                            at: thresholds.raw(threshold.rawValue), keyPath: thresholds.path(threshold.rawValue)
                        )
                    }
                }
                thresholds.finish()
            }
        }
    }

    func suppressions(_ nodes: [Node]) -> [Suppression] {
        var result: [Suppression] = []
        for (index, node) in nodes.enumerated() {
            guard var reader = MappingReader(node, keyPath: "suppressions[\(index)]", diagnostics: diagnostics) else { continue }
            let check = reader.string("check", required: true)
            let reason = reader.string("reason", required: true)
            let owner = reader.string("owner")
            let expires = reader.day("expires")
            reader.finish()
            if let check, !ChecklistIDs.all.contains(check.value.uppercased()) {
                diagnostics.report(
                    "'\(check.value)' is not a checklist item\(Suggestion.hint(for: check.value, in: ChecklistIDs.all))",
                    at: reader.raw("check"), keyPath: reader.path("check")
                )
                continue
            }
            if let reason, reason.value.trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.report("a suppression needs a reason", at: reader.raw("reason"), keyPath: reader.path("reason"))
                continue
            }
            guard let check, let reason else { continue }
            var suppression = Suppression(check: Located(check.value.uppercased(), at: check.location), reason: reason)
            suppression.owner = owner
            suppression.expires = expires
            result.append(suppression)
        }
        return result
    }
}
