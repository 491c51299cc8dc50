#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics

/// The bytes of one input together with the name used in diagnostics.
public struct YAMLInput: Sendable {
    /// The name shown in positions: the path as given, or `<stdin>`.
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public init(name: String, text: String) {
        self.name = name
        self.bytes = Array(text.utf8)
    }

    /// The name standard input is shown as.
    public static let stdinName = "<stdin>"

    // MARK: - Reading

    /// Reads a file, or standard input when `path` is `-`, refusing more than `maxBytes` bytes.
    /// - Throws: ``YAMLError`` with code `yaml/io` or `yaml/too-large`.
    public static func read(path: String, maxBytes: Int = YAMLLimits.default.maxBytes) throws -> YAMLInput {
        if path == "-" {
            return YAMLInput(name: stdinName, bytes: try readAll(fd: 0, name: stdinName, maxBytes: maxBytes, sizeHint: 0))
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw YAMLError(YAMLDiagnosticCode.io, "cannot open \(path): \(errnoText())", at: nil)
        }
        defer { close(fd) }
        var st = stat()
        var sizeHint = 0
        if fstat(fd, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR {
                throw YAMLError(YAMLDiagnosticCode.io, "cannot read \(path): is a directory", at: nil)
            }
            sizeHint = Int(clamping: st.st_size)
            if sizeHint > maxBytes { throw tooLarge(path, maxBytes) }
        }
        return YAMLInput(name: path, bytes: try readAll(fd: fd, name: path, maxBytes: maxBytes, sizeHint: sizeHint))
    }

    private static func readAll(fd: Int32, name: String, maxBytes: Int, sizeHint: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(sizeHint, maxBytes) + 1)
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                throw YAMLError(YAMLDiagnosticCode.io, "cannot read \(name): \(errnoText())", at: nil)
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
            if out.count > maxBytes { throw tooLarge(name, maxBytes) }
        }
        return out
    }

    private static func tooLarge(_ name: String, _ maxBytes: Int) -> YAMLError {
        YAMLError(YAMLDiagnosticCode.tooLarge, "\(name) is larger than the limit of \(maxBytes) bytes",
                  at: SourceLocation(file: name, line: 1, column: 1))
    }

    private static func systemRead(_ fd: Int32, _ p: UnsafeMutableRawPointer?, _ n: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, p, n)
        #else
        return Darwin.read(fd, p, n)
        #endif
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
