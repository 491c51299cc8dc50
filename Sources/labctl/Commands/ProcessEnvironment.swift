import Foundation

/// The process environment, for commands run with a console that carries none (tests).
enum ProcessEnvironment {
    static var current: [String: String] { ProcessInfo.processInfo.environment }
}
