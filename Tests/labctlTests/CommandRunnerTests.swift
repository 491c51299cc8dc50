import XCTest
@testable import labctl

final class CommandRunnerTests: XCTestCase {
    private let runner = CommandRunner(root: CommandTable.root, version: LabctlVersion.current)

    private func run(_ arguments: [String]) -> (ExitCode, TestConsole) {
        let console = TestConsole()
        return (runner.run(arguments, console: console.console), console)
    }

    func testVersionOptionAndCommand() {
        let (code, console) = run(["--version"])
        XCTAssertEqual(code, .success)
        XCTAssertEqual(console.stdout, "labctl \(LabctlVersion.current)\n")
        XCTAssertEqual(console.stderr, "")

        for arguments in [["version", "--format", "json"], ["version", "--format=json"], ["version", "-f", "json"],
                          ["version", "-fjson"]] {
            let (code, console) = run(arguments)
            XCTAssertEqual(code, .success, "\(arguments)")
            XCTAssertEqual(console.stdout,
                           "{\"name\": \"labctl\", \"version\": \"\(LabctlVersion.current)\", \"platform\": \"\(LabctlVersion.platform)\"}\n")
        }
        XCTAssertTrue(run(["version"]).1.stdout.hasPrefix("labctl \(LabctlVersion.current)\nplatform: "))
    }

    func testHelpOnEveryLevelGoesToStdout() {
        for arguments in [["--help"], ["-h"], ["help"], ["version", "--help"], ["completion", "-h"],
                          ["help", "completion"], ["help", "help"]] {
            let (code, console) = run(arguments)
            XCTAssertEqual(code, .success, "\(arguments)")
            XCTAssertTrue(console.stdout.contains("Usage:\n"), "\(arguments)")
            XCTAssertTrue(console.stdout.contains("-h, --help"), "\(arguments)")
            XCTAssertEqual(console.stderr, "")
        }
        XCTAssertEqual(run(["help", "completion"]).1.stdout, run(["completion", "--help"]).1.stdout)
    }

    func testUsageErrorsGoToStderrWithExitTwo() {
        let table: [([String], String)] = [
            (["versoin"], "labctl: error: unknown command 'versoin' for 'labctl' (did you mean \"version\"?)\n"
                + "Run 'labctl --help' for usage.\n"),
            (["version", "--formt", "json"], "labctl: error: unknown option '--formt' for 'labctl version' "
                + "(did you mean \"--format\"?)\nRun 'labctl version --help' for usage.\n"),
            (["help", "compleion"], "labctl: error: unknown command 'compleion' for 'labctl' "
                + "(did you mean \"completion\"?)\nRun 'labctl --help' for usage.\n"),
            (["completion", "fish"], "labctl: error: invalid SHELL 'fish': expected one of bash, zsh\n"
                + "Run 'labctl completion --help' for usage.\n"),
            (["completion"], "labctl: error: missing argument SHELL for 'labctl completion'\n"
                + "Run 'labctl completion --help' for usage.\n"),
        ]
        for (arguments, stderr) in table {
            let (code, console) = run(arguments)
            XCTAssertEqual(code, .usageError, "\(arguments)")
            XCTAssertEqual(console.stdout, "", "\(arguments)")
            XCTAssertEqual(console.stderr, stderr, "\(arguments)")
        }
        let (code, console) = run([])
        XCTAssertEqual(code, .usageError)
        XCTAssertTrue(console.stderr.hasPrefix("labctl: error: 'labctl' needs a command\n\nlabctl - "), console.stderr)
    }

    func testCompletionPrintsScripts() {
        let (code, console) = run(["completion", "bash"])
        XCTAssertEqual(code, .success)
        XCTAssertTrue(console.stdout.contains("complete -F _labctl labctl"))
        XCTAssertTrue(run(["completion", "zsh"]).1.stdout.hasPrefix("#compdef labctl\n"))
    }

    func testErrorsThrownByCommandsChooseTheExitCode() {
        struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
        let root = CommandSpec(name: "t", summary: "t", subcommands: [
            CommandSpec(name: "fail", summary: "f", run: { _, _ in throw CLIError.failure("cannot read x") }),
            CommandSpec(name: "usage", summary: "u", run: { _, _ in throw CLIError.usage("bad mix", commandPath: ["t", "usage"]) }),
            CommandSpec(name: "other", summary: "o", run: { _, _ in throw Boom() }),
            CommandSpec(name: "lint", summary: "l", run: { _, _ in .lintFindings }),
        ])
        let runner = CommandRunner(root: root, version: "1")
        let table: [(String, ExitCode, String)] = [
            ("fail", .failure, "t: error: cannot read x\n"),
            ("usage", .usageError, "t: error: bad mix\nRun 't usage --help' for usage.\n"),
            ("other", .failure, "t: error: boom\n"),
            ("lint", .lintFindings, ""),
        ]
        for (name, expected, stderr) in table {
            let console = TestConsole()
            XCTAssertEqual(runner.run([name], console: console.console), expected, name)
            XCTAssertEqual(console.stderr, stderr, name)
        }
    }
}
