import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs closures on POSIX signals (SIGHUP, SIGTERM, SIGINT) from a dispatch queue instead of a
/// signal handler, so the closures may do anything. The signals' default actions are disabled
/// while the watcher lives.
final class SignalWatcher: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "labctl.signals")

    /// Calls `action` each time `signal` arrives.
    func on(_ number: Int32, _ action: @escaping @Sendable () -> Void) {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler(handler: action)
        source.resume()
        sources.append(source)
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
