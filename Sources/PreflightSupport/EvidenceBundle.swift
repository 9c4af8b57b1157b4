import Foundation
import PreflightModel

/// What `preflight collect` writes on the bot host and `preflight evaluate` reads anywhere:
/// the evidence as plain values, versioned. Schema: schemas/bundle.schema.json.
public struct EvidenceBundle: Codable, Sendable {
    /// 2: every key is the model's property name (camelCase), `bundleVersion` included, and the log facts are
    /// grouped by rule. Version 1 (`bundle_version`) is recognised and refused with the way out.
    public static let currentVersion = 2

    public struct Producer: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
    }

    public var bundleVersion: Int
    public var producer: Producer
    public var evidence: Evidence

    public init(evidence: Evidence) {
        bundleVersion = Self.currentVersion
        producer = Producer(name: ToolInfo.name, version: ToolInfo.version)
        self.evidence = evidence
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder.stableOutput()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.iso8601Precise(date))
        }
        return try encoder.encode(self)
    }

    /// Reads a bundle, refusing versions this preflight does not know before decoding the rest.
    public static func read(path: String) throws -> EvidenceBundle {
        try decode(BoundedFile.input(path, limit: BoundedFile.Limit.bundle, what: "the evidence bundle"), path: path)
    }

    /// Decodes a bundle's bytes; `path` names it in errors.
    public static func decode(_ data: Data, path: String) throws -> EvidenceBundle {
        struct Header: Decodable {
            var bundleVersion: Int?
            var versionOneSpelling: Int?
            enum CodingKeys: String, CodingKey { case bundleVersion, versionOneSpelling = "bundle_version" }
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
            }
            return date
        }
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw InputError("\(path): not an evidence bundle (expected a JSON object with bundleVersion): \(describe(error))")
        }
        if header.bundleVersion == nil, header.versionOneSpelling == 1 {
            throw InputError("\(path): evidence bundle version 1 was written by an earlier preflight whose log facts had another shape; run `preflight collect` again with this preflight (it writes version \(currentVersion))")
        }
        guard let version = header.bundleVersion else {
            throw InputError("\(path): not an evidence bundle: bundleVersion is missing")
        }
        guard version == currentVersion else {
            let advice = version > currentVersion ? "it was written by a newer preflight; upgrade preflight to evaluate it" : "re-collect it with this preflight"
            throw InputError("\(path): evidence bundle version \(version) is not supported (this preflight reads version \(currentVersion)); \(advice)")
        }
        if let violation = JSONNumberBounds.firstViolation(in: data) {
            throw InputError("\(path): invalid evidence bundle: \(violation.path) is \(violation.value), outside what preflight records (finite, at most 2^53)")
        }
        do {
            return try decoder.decode(EvidenceBundle.self, from: data)
        } catch {
            throw InputError("\(path): invalid evidence bundle: \(describe(error))")
        }
    }

    /// A decoding error as the key path and the problem, without echoing values.
    public static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            return "\(path(context.codingPath + [key])): missing"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case let DecodingError.dataCorrupted(context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}
