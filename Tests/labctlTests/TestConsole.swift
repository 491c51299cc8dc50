import Foundation
@testable import labctl

/// A console that records what commands write, for unit tests.
final class TestConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    let input: Data
    let environment: [String: String]
    let terminal: Bool

    init(input: String = "", environment: [String: String] = [:], terminal: Bool = false) {
        self.input = Data(input.utf8)
        self.environment = environment
        self.terminal = terminal
    }

    var stdout: String { lock.withLock { outText } }
    var stderr: String { lock.withLock { errText } }

    var console: Console {
        Console(
            writeOut: { text in self.lock.withLock { self.outText += text } },
            writeErr: { text in self.lock.withLock { self.errText += text } },
            readInput: { limit in
                guard self.input.count <= limit else { throw CLIError.failure("input too large") }
                return self.input
            },
            environment: environment, stdoutIsTerminal: terminal, stderrIsTerminal: terminal)
    }
}

/// A small command tree that exercises every feature of the frame.
enum SampleTree {
    static let echo = CommandSpec(
        name: "echo", summary: "Print arguments",
        examples: [.init("tool data echo -n 2 x", "Echo twice")],
        options: [
            .option("times", short: "n", valueName: "N", help: "Repeat count", defaultValue: "1"),
            .option("label", short: "l", valueName: "LABEL", help: "A label", repeatable: true),
            .flag("upper", short: "u", help: "Upper case"),
            .flag("verbose", short: "v", help: "More output", repeatable: true),
        ],
        positionals: [PositionalSpec("WORD", help: "Words", arity: .zeroOrMore)],
        run: { _, _ in .success })

    static let copy = CommandSpec(
        name: "copy", summary: "Copy a file",
        positionals: [PositionalSpec("SRC", help: "Source"), PositionalSpec("EXTRA", help: "Extra", arity: .optional),
                      PositionalSpec("DST", help: "Destination")],
        run: { _, _ in .success })

    static let data = CommandSpec(
        name: "data", summary: "Data commands",
        options: [.diagnosticFormat, .option("color", valueName: "WHEN", help: "Colour", choices: ["auto", "never"],
                                             inherited: true)],
        subcommands: [echo, copy,
                      CommandSpec(name: "read", summary: "Read files", options: [.lintFatal],
                                  positionals: [.files()], run: { _, _ in .success })])

    static let root = CommandSpec(name: "tool", summary: "A test tool", subcommands: [data, HelpCommand.spec])
}
