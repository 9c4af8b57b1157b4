import PreflightSupport
/// What reading one host file gave.
public enum HostFileRead: Sendable, Equatable {
    case contents(String)
    case missing
    case unreadable(String)
}

extension HostFileRead {
    /// A file as the host collector reads it: capped, and refused when it is no regular file.
    static func bounded(_ path: String, limit: Int = BoundedFile.Limit.hostConfig) -> HostFileRead {
        switch BoundedFile.read(path, limit: limit) {
        case .success(let data): .contents(String(decoding: data, as: UTF8.self))
        case .failure(.missing): .missing
        case .failure(let failure): .unreadable(failure.description)
        }
    }

    /// The text of a small capture file (`date.txt`), or nil.
    static func small(_ path: String) -> String? {
        BoundedFile.text(path, limit: 64 << 10)
    }
}
