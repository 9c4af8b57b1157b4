import PreflightModel

/// The field and event names a log reader recognises: the built-in defaults for common loggers,
/// overridden by the manifest's `logs.fields` and extended by its `logs.events`.
public struct LogVocabulary: Sendable {
    /// Payload: the field's index in `LogField.allCases` in the low byte, its rank among that
    /// field's names in the high byte (lower wins when a record holds two names for one field).
    let fields: ByteKeyTable
    /// Payload: the kind's index in `LogEventKind.allCases`. Names as written, then folded (case,
    /// `.`, `-`), so that the usual exact spelling costs one cheap probe.
    let events: ByteKeyTable
    let foldedEvents: ByteKeyTable

    /// `fieldNames` maps a canonical field name to the bot's name for it; that name then replaces
    /// the defaults for the field, and stops meaning any other field. `eventNames` maps a canonical
    /// event kind to the bot's name for it, in addition to the kind's own name.
    public init(fieldNames: [String: String] = [:], eventNames: [String: String] = [:]) {
        var overridden: [LogField: String] = [:]
        for (canonical, name) in fieldNames {
            if let field = LogField(rawValue: canonical) { overridden[field] = name }
        }
        let claimed = Set(overridden.values)
        var pairs: [(name: String, payload: UInt16)] = []
        for (index, field) in LogField.allCases.enumerated() {
            let names = overridden[field].map { [$0] } ?? field.defaultNames.filter { !claimed.contains($0) }
            for (rank, name) in names.enumerated() {
                pairs.append((name, UInt16(index) | UInt16(rank) << 8))
            }
        }
        fields = ByteKeyTable(pairs)

        var eventPairs: [(name: String, payload: UInt16)] = []
        let kinds = LogEventKind.allCases
        for (canonical, name) in eventNames.sorted(by: { $0.key < $1.key }) {
            if let index = kinds.firstIndex(where: { $0.rawValue == canonical }) {
                eventPairs.append((name, UInt16(index)))
            }
        }
        for (index, kind) in kinds.enumerated() { eventPairs.append((kind.rawValue, UInt16(index))) }
        events = ByteKeyTable(eventPairs)
        foldedEvents = ByteKeyTable(eventPairs, foldsNames: true)
    }

    public init(_ section: LogsSection?) {
        self.init(
            fieldNames: section?.fields.mapValues(\.value) ?? [:],
            eventNames: section?.events.mapValues(\.value) ?? [:]
        )
    }
}
