import Foundation

/// One run of `wrk` (when installed) against a loopback URL, for the load benchmarks' comparisons.
struct WrkRun {
    var requestsPerSecond: Double
    /// The 99th percentile latency wrk reports, as printed (`1.23ms`).
    var p99: String

    static var executable: String? {
        ["/usr/bin/wrk", "/usr/local/bin/wrk"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `wrk -t2 -c connections -d seconds --latency url`; nil when wrk is missing or fails.
    static func run(url: String, connections: Int, seconds: Int) -> WrkRun? {
        guard let executable else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-t", String(min(2, connections)), "-c", String(connections), "-d", "\(seconds)s", "--latency", url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        var rate: Double?
        var p99 = "?"
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            if line.hasPrefix("Requests/sec:"), let last = words.last { rate = Double(last) }
            if words.first == "99%", words.count > 1 { p99 = String(words[1]) }
        }
        return rate.map { WrkRun(requestsPerSecond: $0, p99: p99) }
    }
}
