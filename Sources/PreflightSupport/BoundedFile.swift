import Foundation

/// Reads a file preflight takes in whole (manifest, suppressions, baseline, bundle, captured outputs,
/// daemon configs), refusing at once what is no regular file (a FIFO would block, `/dev/zero` never ends,
/// a folder has no contents) and what is larger than the cap for its kind, before reading any of it.
public enum BoundedFile {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing
        /// A FIFO, device, socket or folder where a file was expected; the text says which.
        case notRegularFile(String)
        case tooLarge(bytes: Int, limit: Int)
        /// The operating system's reason (strerror).
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing: "No such file or directory"
            case .notRegularFile(let what): "is \(what), not a regular file"
            case .tooLarge(let bytes, let limit): "is \(ByteCount.text(bytes)), over the \(ByteCount.text(limit)) preflight reads for it"
            case .unreadable(let reason): reason
            }
        }
    }

    /// Caps for each kind of file read whole: far above any real one, far below what would hurt.
    public enum Limit {
        public static let manifest = 4 << 20
        public static let baseline = 16 << 20
        public static let bundle = 64 << 20
        public static let hostOutput = 1 << 20
        public static let hostConfig = 1 << 20
    }

    /// The whole file, refused when it is larger than `limit`.
    public static func read(_ path: String, limit: Int) -> Result<Data, Failure> {
        read(path, limit: limit, refuseLarger: true)
    }

    /// The whole of a file the user named as `what` (the baseline, the scenario…); a failure is an
    /// `InputError` that names the file and what it was to be.
    public static func input(_ path: String, limit: Int, what: String) throws -> Data {
        switch read(path, limit: limit) {
        case .success(let data): data
        case .failure(let failure): throw InputError("\(path): cannot read \(what): \(failure)")
        }
    }

    /// At most `limit + 1` bytes from its start: enough to tell that it went on past the cap.
    public static func prefix(_ path: String, limit: Int) -> Result<Data, Failure> {
        read(path, limit: limit, refuseLarger: false)
    }

    private static func read(_ path: String, limit: Int, refuseLarger: Bool) -> Result<Data, Failure> {
        // Non-blocking, so that opening a FIFO with no writer returns at once instead of waiting for one.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if let kind = nonRegularKind(info.st_mode) { return .failure(.notRegularFile(kind)) }
        let size = Int(info.st_size)
        if refuseLarger, size > limit { return .failure(.tooLarge(bytes: size, limit: limit)) }
        // Read to the end, never past the cap: the file may grow while it is read.
        var data = Data(count: min(size, limit) + 1)
        var filled = 0
        while true {
            if filled == data.count {
                guard data.count <= limit else {
                    if refuseLarger { return .failure(.tooLarge(bytes: filled, limit: limit)) }
                    break
                }
                data.count = min(data.count * 2, limit + 1)
            }
            let count = data.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            filled += count
        }
        data.count = filled
        return .success(data)
    }

    /// UTF-8 text, or nil for a file that is missing, refused, too large or not text.
    public static func text(_ path: String, limit: Int) -> String? {
        guard case .success(let data) = read(path, limit: limit) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// "a FIFO", "a folder", "a character device"; nil for a regular file.
    public static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }
}

/// Sizes in words: `4 MiB`, `612 B`.
enum ByteCount {
    static func text(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        guard unit > 0 else { return "\(bytes) B" }
        return "\(value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)) \(units[unit])"
    }
}
