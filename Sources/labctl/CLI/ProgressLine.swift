import Foundation

/// A one-line progress indicator on stderr for work that may take more than a second (a whole lab
/// directory, a large file, a class of students).
///
/// Nothing is ever printed unless stderr is a terminal, `CI` is unset (or empty) and `TERM` is not
/// `dumb`: pipes, files and CI logs get exactly the command's output. On a terminal the line appears
/// only once the work has taken ``delay`` seconds, is redrawn in place (`\r`, erase to end of line)
/// at most every ``refresh`` seconds with the time elapsed, and is erased by ``finish()``.
///
/// ```swift
/// let progress = ProgressLine(console, "checking lab7")
/// defer { progress.finish() }
/// for (i, student) in students.enumerated() { progress.update("grading \(i + 1)/\(n)"); ... }
/// ```
final class ProgressLine: @unchecked Sendable {
    /// Seconds of work before the line first appears.
    let delay: TimeInterval
    /// Seconds between two redraws.
    let refresh: TimeInterval

    private let console: Console
    private let lock = NSLock()
    private let started = Date()
    private var status: String
    private var shown = false
    private var finished = false
    private var timer: DispatchSourceTimer?

    /// Whether a progress line may be drawn for `console` at all.
    static func isEnabled(for console: Console) -> Bool {
        guard console.stderrIsTerminal, console.environment["TERM"] != "dumb" else { return false }
        return (console.environment["CI"] ?? "").isEmpty
    }

    /// Starts timing `status`; the line is drawn from a background timer while the caller works.
    init(_ console: Console, _ status: String, delay: TimeInterval = 1, refresh: TimeInterval = 0.25) {
        self.console = console
        self.status = status
        self.delay = delay
        self.refresh = refresh
        guard Self.isEnabled(for: console) else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + delay, repeating: refresh)
        timer.setEventHandler { [weak self] in self?.draw() }
        self.timer = timer
        timer.resume()
    }

    deinit { timer?.cancel() }

    /// Replaces the text of the line (drawn at the next refresh).
    func update(_ status: String) {
        lock.withLock { self.status = status }
    }

    /// Stops the timer and erases the line if it was drawn. Safe to call more than once.
    func finish() {
        lock.withLock {
            guard !finished else { return }
            finished = true
            timer?.cancel()
            if shown { console.err("\r\u{1B}[2K") }
        }
    }

    // Drawing and erasing happen under the lock, so a redraw never lands after the erase.
    private func draw() {
        lock.withLock {
            guard !finished else { return }
            shown = true
            let seconds = Int(Date().timeIntervalSince(started))
            console.err("\r\u{1B}[2K" + String(status.prefix(200)) + " (\(seconds) s)")
        }
    }
}
