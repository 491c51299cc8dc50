import Foundation
@testable import labctl
import LabctlTestSupport

extension TestConsole {
    // MARK: - In-process runs

    /// Runs `labctl ARGUMENTS` in-process through the whole command table, without colours,
    /// with `stdin` as standard input.
    static func runLabctl(_ arguments: [String], stdin: String = "") -> RunResult {
        let console = TestConsole(input: stdin, environment: ["NO_COLOR": "1"])
        let runner = CommandRunner(root: CommandTable.root, version: LabctlVersion.current)
        let status = runner.run(arguments, console: console.console)
        return RunResult(status: status.rawValue, stdout: console.stdout, stderr: console.stderr)
    }
}
