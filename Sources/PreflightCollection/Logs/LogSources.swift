import Foundation
import PreflightSupport
#if canImport(Glibc)
import Glibc
#endif
import PreflightModel

/// The log inputs to read, resolved from what the user named: files, globs, directories, or `-`
/// for standard input. What could not be resolved is kept as `unreadable`, with the reason.
public struct LogSources: Sendable, Equatable {
    public enum Input: Sendable, Equatable {
        case file(String)
        case standardInput

        /// How the input is named in reports.
        public var name: String {
            switch self {
            case .file(let path): path
            case .standardInput: "<stdin>"
            }
        }
    }

    public var inputs: [Input]
    public var unreadable: [UnreadableLog]

    public init(inputs: [Input] = [], unreadable: [UnreadableLog] = []) {
        self.inputs = inputs
        self.unreadable = unreadable
    }

    /// Resolves each spec in order. Relative paths and globs are taken from `base` (the manifest's
    /// folder) when given. A directory contributes the files under it, hidden ones excepted, in path
    /// order; a glob contributes its matches in path order; a path named twice is read once. A plain
    /// path is kept even when it does not exist, so that reading it records the system's reason.
    public static func resolve(_ specs: [String], relativeTo base: String? = nil) -> LogSources {
        var sources = LogSources()
        var seen = Set<String>()
        func add(_ path: String) {
            if seen.insert(path).inserted { sources.inputs.append(.file(path)) }
        }
        /// A pattern's match that is a FIFO, device or socket is refused (opening a FIFO would wait for a
        /// writer); one named on its own is read, as the user asked (`--logs /dev/stdin`, a pipe).
        func addFileOrDirectory(_ path: String, spec: String, named: Bool) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                var info = stat()
                if !named, stat(path, &info) == 0, let kind = BoundedFile.nonRegularKind(info.st_mode) {
                    sources.unreadable.append(UnreadableLog(path: path, reason: "\(kind), matched by \(spec); name it on its own to read it"))
                    return
                }
                add(path)
                return
            }
            let files = filesUnder(path)
            if files.isEmpty {
                sources.unreadable.append(UnreadableLog(path: spec, reason: "directory holds no files"))
            }
            files.forEach(add)
        }
        for spec in specs {
            if spec == "-" {
                if seen.insert("-").inserted { sources.inputs.append(.standardInput) }
                continue
            }
            let path = base.map { spec.hasPrefix("/") ? spec : ($0 as NSString).appendingPathComponent(spec) } ?? spec
            if spec.contains(where: { "*?[".contains($0) }) {
                let matches = expandGlob(path)
                if matches.isEmpty {
                    sources.unreadable.append(UnreadableLog(path: path, reason: "no file matches this pattern"))
                }
                for match in matches { addFileOrDirectory(match, spec: path, named: false) }
            } else {
                addFileOrDirectory(path, spec: path, named: true)
            }
        }
        return sources
    }

    private static func expandGlob(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
        return (0..<Int(matches.gl_pathc)).compactMap { index in
            matches.gl_pathv[index].map { String(cString: $0) }
        }.sorted()
    }

    private static func filesUnder(_ directory: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                files.append((directory as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }
}
