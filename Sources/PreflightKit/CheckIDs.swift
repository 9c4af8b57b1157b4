import PreflightChecks

/// The catalog's ids, for validating `--only`, `--skip` and suppressions.
enum CheckIDs {
    static let all: [String] = Catalog.checks.map(\.item.id)
}
