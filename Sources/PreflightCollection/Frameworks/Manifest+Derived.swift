import PreflightModel

extension Manifest {
    /// Where every manifest read from a framework's config starts: the bot, the framework it came from,
    /// the framework's own log format, and the places in the config where a secret is written inline.
    static func derived(
        from framework: String, config: ConfigDocument, bot: BotSection, logFormat: LogsSection.Format, secretKeyPaths: [String]
    ) -> Manifest {
        var manifest = Manifest(path: config.path, bot: bot)
        manifest.derivedFrom = framework
        var logs = LogsSection()
        logs.format = Located(logFormat, at: builtIn(framework, "plain-text log format"))
        manifest.logs = logs
        manifest.inlineSecrets = config.secrets(secretKeyPaths)
        return manifest
    }
}
