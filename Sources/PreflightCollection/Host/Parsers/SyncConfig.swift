import Foundation
import PreflightModel

/// The time sources a daemon's configuration declares, following its includes.
struct SyncConfig: Sendable, Equatable {
    enum Dialect: Sendable {
        /// chrony.conf: `include GLOB`, `confdir DIR...` (`*.conf`), `sourcedir DIR...` (`*.sources`).
        case chrony
        /// ntp.conf: `includefile PATH`.
        case ntp
    }

    var lines: [SyncConfigLine] = []
    /// Every file read, as cited.
    var files: [String] = []
    /// Includes that could not be followed.
    var problems: [String] = []

    static let sourceDirectives: Set<String> = ["server", "pool", "peer"]
    static let maxDepth = 8
    /// Bounds on what the includes may add up to, whatever they name: files read and their bytes.
    static let maxFiles = 256
    static let maxBytes = 4 << 20
    /// Bytes read so far, for the cap.
    private var bytesRead = 0

    /// Reads the configuration from its main file; a main file that is missing or unreadable is a failure.
    static func read(
        _ path: String, dialect: Dialect, files: any HostFileSystem
    ) -> Result<SyncConfig, HostOutputProblem> {
        switch files.read(path) {
        case .missing: return .failure(HostOutputProblem("\(files.cite(path)) does not exist"))
        case .unreadable(let why): return .failure(HostOutputProblem("cannot read \(files.cite(path)): \(why)"))
        case .contents(let text):
            var config = SyncConfig()
            config.bytesRead = text.utf8.count
            config.scan(text, path: path, dialect: dialect, files: files, sourcesOnly: false, depth: 0)
            return .success(config)
        }
    }

    private mutating func scan(
        _ text: String, path: String, dialect: Dialect, files: any HostFileSystem, sourcesOnly: Bool, depth: Int
    ) {
        let cited = files.cite(path)
        self.files.append(cited)
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard let first = line.first, !"#%;!".contains(first) else { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let directive = words[0].lowercased()
            let arguments = Array(words.dropFirst())
            if Self.sourceDirectives.contains(directive), let host = arguments.first {
                var maxpoll: Int?
                if let at = arguments.firstIndex(of: "maxpoll"), at + 1 < arguments.count { maxpoll = Int(arguments[at + 1]) }
                lines.append(SyncConfigLine(
                    directive: directive, host: host, maxpoll: maxpoll, text: line,
                    location: SourceLocation(file: cited, line: index + 1), hostPath: path
                ))
                continue
            }
            guard !sourcesOnly else { continue }
            let included: [String]
            switch (dialect, directive) {
            case (.chrony, "include"): included = arguments.first.map { expand($0, files: files) } ?? []
            case (.chrony, "confdir"): included = matching(arguments, suffix: ".conf", files: files)
            case (.chrony, "sourcedir"): included = matching(arguments, suffix: ".sources", files: files)
            case (.ntp, "includefile"): included = Array(arguments.prefix(1))
            default: continue
            }
            guard depth < Self.maxDepth else {
                problems.append("includes nested deeper than \(Self.maxDepth) at \(cited):\(index + 1) not followed")
                continue
            }
            for file in included {
                // A file already read (an include that names itself, or a loop of them) is read once.
                if self.files.contains(files.cite(file)) {
                    problems.append("\(files.cite(file)) included again at \(cited):\(index + 1): not followed a second time")
                    continue
                }
                guard self.files.count < Self.maxFiles else {
                    problems.append("more than \(Self.maxFiles) included files: \(files.cite(file)) (at \(cited):\(index + 1)) and the rest not followed")
                    return
                }
                switch files.read(file) {
                case .contents(let text):
                    bytesRead += text.utf8.count
                    guard bytesRead <= Self.maxBytes else {
                        problems.append("the included files pass \(Self.maxBytes >> 20) MiB at \(files.cite(file)): it and the rest not followed")
                        return
                    }
                    scan(text, path: file, dialect: dialect, files: files, sourcesOnly: directive == "sourcedir", depth: depth + 1)
                case .missing:
                    // chrony ignores an include that matches nothing; a named ntp include that is absent matters.
                    if dialect == .ntp { problems.append("\(files.cite(file)) (included at \(cited):\(index + 1)) does not exist") }
                case .unreadable(let why):
                    problems.append("cannot read \(files.cite(file)) (included at \(cited):\(index + 1)): \(why)")
                }
            }
        }
    }

    /// A glob in the last path component only, as chrony's includes use it (`/etc/chrony/conf.d/*.conf`).
    private func expand(_ pattern: String, files: any HostFileSystem) -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }) else { return [pattern] }
        // Split by hand: Foundation's path getters trap on some short patterns (a bare "?").
        let slash = pattern.lastIndex(of: "/")
        let folder = slash.map { $0 == pattern.startIndex ? "/" : String(pattern[..<$0]) } ?? "."
        let name = slash.map { String(pattern[pattern.index(after: $0)...]) } ?? pattern
        guard !name.isEmpty else { return [] }
        return (files.list(folder) ?? []).filter { fnmatch(name, $0, 0) == 0 }
            .map { folder == "/" ? "/" + $0 : folder == "." && slash == nil ? $0 : folder + "/" + $0 }
    }

    /// chrony's confdir/sourcedir: files with the suffix across the folders, by name; the first folder wins a name.
    private func matching(_ folders: [String], suffix: String, files: any HostFileSystem) -> [String] {
        var chosen: [String: String] = [:]
        for folder in folders {
            for name in files.list(folder) ?? [] where name.hasSuffix(suffix) && chosen[name] == nil {
                chosen[name] = (folder as NSString).appendingPathComponent(name)
            }
        }
        return chosen.keys.sorted().compactMap { chosen[$0] }
    }
}
