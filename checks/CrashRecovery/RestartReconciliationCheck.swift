import PreflightModel

/// D1: after a restart the bot reconciles with the exchange before it places anything new.
public struct RestartReconciliationCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "D1",
        name: "restart-reconciliation",
        section: .crashRecovery,
        severity: .critical,
        summary: "After every start, open orders (and positions, where the bot holds them) are reconciled with the exchange before the first new order.",
        rationale: """
            A bot that restarts with an empty memory does not know what it left on the book. It re-places orders \
            that are still open, or trades against positions it forgot, and doubles its exposure.
            """,
        rule: """
            fail unless recovery.reconcile_on_start includes open_orders (and positions when the bot trades \
            margin, futures or options) and recovery.block_orders_until_reconciled is true; fail if, after a \
            start in the logs, a new order comes before the reconcile record or a client order id is submitted \
            again. In a drill's crash (SIGKILL with orders open, then the same command again) the wire decides: \
            fail if the new process places an order before it queries its orders (open orders, an order by id, \
            all orders), or places again an order the killed one left open. Not applicable to a read-only bot.
            """,
        remediation: """
            On start, fetch open orders (and positions) from the exchange, adopt them, and only then allow new \
            orders; declare recovery.reconcile_on_start: [open_orders, positions] and \
            recovery.block_orders_until_reconciled: true in preflight.yml.
            """,
        evidenceSources: [.manifest, .logs, .drill],
        references: ["checklist D1"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let finding = judgeDeclaredAndLogged(evidence)
        guard finding.status != .notApplicable else { return finding }
        return DrillRestartVerdict(evidence.drill)?.weighReconciliation(over: finding) ?? finding
    }

    private func judgeDeclaredAndLogged(_ evidence: Evidence) -> Finding {
        let manifest = evidence.manifest
        if manifest.bot.effectiveMode == .readOnly {
            return .notApplicable(
                "the bot is read-only and places no orders",
                evidence: manifest.bot.mode.map { [.declared($0)] } ?? []
            )
        }
        let markets = manifest.bot.effectiveMarkets
        let holdsPositions = markets.contains { $0 == .margin || $0 == .futures || $0 == .options }
        let required: [RecoverySection.Scope] = holdsPositions ? [.openOrders, .positions] : [.openOrders]
        let requiredText = "[" + required.map(\.rawValue).joined(separator: ", ") + "]"
        let observed = evidence.logs.map(RestartObservation.init)
        guard let recovery = manifest.recovery else {
            return RestartObservation.undeclared(
                observed, missing: "no restart reconciliation declared (recovery section)",
                expected: "a reconcile record before each startup's first order",
                remediation: """
                    Add a recovery section to \(manifest.path) with reconcile_on_start: \(requiredText) and \
                    block_orders_until_reconciled: true.
                    """
            ) { $0.judge(into: &$1, block: nil) }
        }

        var assessment = Assessment()
        if holdsPositions { assessment.cite(manifest.bot.markets) }
        assessment.cite(recovery.reconcileOnStart)
        assessment.cite(recovery.blockOrdersUntilReconciled)
        Self.judgeScopes(
            recovery.reconcileOnStart, required: required, markets: markets, manifestPath: manifest.path, into: &assessment
        )
        Self.judgeDeclaredBlocking(
            recovery.blockOrdersUntilReconciled, observed: observed, manifestPath: manifest.path, into: &assessment
        )

        let declared = recovery.reconcileOnStart.map { "[" + $0.value.map(\.rawValue).joined(separator: ", ") + "]" } ?? "nothing"
        if let observed {
            observed.judge(into: &assessment, block: recovery.blockOrdersUntilReconciled)
            if observed.startups > 0 {
                return assessment.finding(
                    pass: "the logs show \(observed.summary); reconciles \(declared) (declared)",
                    measured: observed.measured,
                    expected: "reconciles \(requiredText) before the first new order after every start"
                )
            }
        } else {
            assessment.note("restarts in the logs not checked: \(MissingEvidence.logs)")
        }
        return assessment.finding(
            pass: "reconciles \(required.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.joined(separator: " and ")) on start and blocks new orders until done",
            measured: "reconciles \(declared) (declared)",
            expected: "reconciles \(requiredText) before the first new order"
        )
    }

    /// recovery.reconcile_on_start must cover open orders, and positions for a bot that can hold them.
    private static func judgeScopes(
        _ scopes: Located<[RecoverySection.Scope]>?, required: [RecoverySection.Scope], markets: [BotSection.Market],
        manifestPath: String, into assessment: inout Assessment
    ) {
        let requiredText = "[" + required.map(\.rawValue).joined(separator: ", ") + "]"
        guard let scopes else {
            assessment.fail(
                "nothing is reconciled on start (recovery.reconcile_on_start missing)",
                fix: "Add reconcile_on_start: \(requiredText) to the recovery section of \(manifestPath)."
            )
            return
        }
        let missing = required.filter { !scopes.value.contains($0) }
        if missing.contains(.openOrders) {
            assessment.fail(
                "open orders are not reconciled on start",
                fix: "Reconcile open orders on start: set recovery.reconcile_on_start at \(scopes.location) to \(requiredText)."
            )
        }
        if missing.contains(.positions) {
            let traded = markets.filter { $0 != .spot }.map(\.rawValue).joined(separator: ", ")
            assessment.fail(
                "positions are not reconciled on start, though the bot trades \(traded)",
                fix: "Reconcile positions on start: set recovery.reconcile_on_start at \(scopes.location) to \(requiredText)."
            )
        }
    }

    /// recovery.block_orders_until_reconciled, unless the logs show orders held until the reconcile (they decide).
    private static func judgeDeclaredBlocking(
        _ block: Located<Bool>?, observed: RestartObservation?, manifestPath: String, into assessment: inout Assessment
    ) {
        if let observed, observed.showsBlocking, block?.value != true {
            assessment.note("declares block_orders_until_reconciled \(block.map { "false at \($0.location)" } ?? "missing"); the logs decide: \(observed.summary)")
        } else {
            assessment.requireTrue(
                block, key: "recovery.block_orders_until_reconciled",
                missing: ("new orders are not blocked until reconciliation finishes (recovery.block_orders_until_reconciled missing)",
                          "Add block_orders_until_reconciled: true to the recovery section of \(manifestPath)."),
                whenFalse: ("new orders are not blocked until reconciliation finishes", "Hold new orders until the reconcile completes")
            )
        }
    }
}
