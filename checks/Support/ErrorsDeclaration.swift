import PreflightModel

/// The `errors` section's actions as C1–C4 read them: the fix that adds a missing one, and the
/// assessment that starts from a declared one.
enum ErrorsDeclaration {
    /// "Add an errors section to preflight.yml with auth: halt", or "Add auth: halt to the errors section of
    /// preflight.yml" when the section is there.
    static func addition(_ key: String, _ value: String, to manifest: Manifest) -> String {
        manifest.errors == nil
            ? "Add an errors section to \(manifest.path) with \(key): \(value)"
            : "Add \(key): \(value) to the errors section of \(manifest.path)"
    }

    /// Unknown: no action declared under `errors.<key>` for `what`; the fix adds `value` and says what the
    /// client must do.
    static func undeclared(
        _ key: String, _ value: String, for what: String, client: String, in manifest: Manifest
    ) -> Finding {
        .unknown(
            "no action declared for \(what) (errors.\(key))",
            remediation: "\(addition(key, value, to: manifest)), and \(client)."
        )
    }

    /// An assessment that cites the declared action.
    static func assessment(_ declared: Located<ErrorHandlingSection.Action>, _ key: String) -> Assessment {
        var assessment = Assessment()
        assessment.cite(.declared(declared, "errors.\(key) = \(declared.value.rawValue)"))
        return assessment
    }
}
