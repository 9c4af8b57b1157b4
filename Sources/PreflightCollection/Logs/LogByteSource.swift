import CZlib
import Foundation

/// Why a log input stopped before its end.
enum LogReadFailure: Error, Equatable {
    /// A read(2) failed: the system's reason.
    case system(String)
    /// The gzip data is damaged: zlib's reason.
    case corruptGzip(String)
}

/// Bytes from an open file descriptor, then, when the first bytes are gzip's magic number, the
/// bytes decompressed from it.
final class LogByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var gzip: GzipInflater?
    /// Bytes read while sniffing for the gzip magic number, handed out first.
    private var sniffed: [UInt8] = []
    private var sniffedOffset = 0
    private(set) var failure: LogReadFailure?
    private(set) var isCompressed = false

    init(descriptor: Int32, ownsDescriptor: Bool) {
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Opens `path` for reading, or returns the system's reason it cannot.
    static func open(_ path: String) -> Result<LogByteSource, LogReadFailure> {
        let descriptor = systemOpen(path)
        guard descriptor >= 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        #if os(Linux)
        _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
        return .success(LogByteSource(descriptor: descriptor, ownsDescriptor: true))
    }

    /// Looks at the first bytes to choose between plain and gzip. Call once, before `read`.
    func sniff() {
        var head = [UInt8](repeating: 0, count: 64 * 1024)
        var filled = 0
        while filled < 2 {
            let count = head.withUnsafeMutableBytes { readSystem(into: $0.baseAddress! + filled, $0.count - filled) }
            if count <= 0 { break }
            filled += count
        }
        sniffed = Array(head[0..<filled])
        if filled >= 2, sniffed[0] == 0x1F, sniffed[1] == 0x8B {
            isCompressed = true
            gzip = GzipInflater(initialInput: sniffed)
            sniffed = []
        }
    }

    /// Fills up to `capacity` bytes at `buffer`; 0 at the end or after a failure (see `failure`).
    func read(into buffer: UnsafeMutableRawPointer, _ capacity: Int) -> Int {
        if sniffedOffset < sniffed.count {
            let count = min(capacity, sniffed.count - sniffedOffset)
            sniffed.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + sniffedOffset, byteCount: count) }
            sniffedOffset += count
            return count
        }
        if let gzip {
            let count = gzip.inflate(into: buffer, capacity) { readSystem(into: $0, $1) }
            if count == 0, failure == nil, let failure = gzip.failure { self.failure = failure }
            return count
        }
        return max(0, readSystem(into: buffer, capacity))
    }

    private func readSystem(into buffer: UnsafeMutableRawPointer, _ capacity: Int) -> Int {
        guard failure == nil else { return 0 }
        while true {
            let count = systemRead(descriptor, buffer, capacity)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            failure = .system(String(cString: strerror(errno)))
            return -1
        }
    }
}

// At file scope, where the names are not shadowed by LogByteSource's own `open` and `read`.
private func systemOpen(_ path: String) -> Int32 { open(path, O_RDONLY | O_CLOEXEC) }

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ capacity: Int) -> Int {
    read(descriptor, buffer, capacity)
}
