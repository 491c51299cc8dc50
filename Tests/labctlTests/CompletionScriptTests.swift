import Foundation
import XCTest
@testable import labctl
import LabctlTestSupport

final class CompletionScriptTests: XCTestCase {
    func testBashScriptIsValidAndCoversTheTree() throws {
        let script = CompletionScript(root: SampleTree.root).bash()
        try assertShellSyntax(script, shell: "/bin/bash")
        XCTAssertTrue(script.contains("complete -F _tool tool"))
        XCTAssertTrue(script.contains("'tool data'|'tool data echo'|'tool data copy'|'tool data read'|'tool help'"), script)
        XCTAssertTrue(script.contains("'tool data echo')"))
        XCTAssertTrue(script.contains("--color) COMPREPLY=( $(compgen -W 'auto never' -- \"$cur\") ); return 0 ;;"))
        XCTAssertTrue(script.contains("--times|-n|--label|-l|--format|-f|--color") || script.contains("--color|--format"),
                      "value options are skipped while walking words")
        XCTAssertTrue(script.contains("'--times -n --label -l --upper -u --verbose -v --color --help -h'"), script)
    }

    func testBashScriptCompletesNestedCommands() throws {
        let script = CompletionScript(root: SampleTree.root).bash()
        // Run the completion function as bash would and look at COMPREPLY.
        let cases: [([String], [String])] = [
            (["tool", ""], ["data", "help"]),
            (["tool", "da"], ["data"]),
            (["tool", "data", ""], ["echo", "copy", "read"]),
            (["tool", "--color", "never", "data", "e"], ["echo"]),
            (["tool", "data", "echo", "--up"], ["--upper"]),
            (["tool", "data", "echo", "--color", ""], ["auto", "never"]),
            (["tool", "help", ""], ["data", "help"]),
        ]
        for (words, expected) in cases {
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let driver = script + """
                COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
                _tool
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let output = try ChildProcess.run("/bin/bash", arguments: ["-c", driver])
            XCTAssertEqual(output.status, 0, output.stderr)
            XCTAssertEqual(output.stdout.split(separator: "\n").map(String.init), expected, "\(words)")
        }
    }

    func testZshScriptCoversTheTree() throws {
        let script = CompletionScript(root: SampleTree.root).zsh()
        XCTAssertTrue(script.hasPrefix("#compdef tool\n"))
        XCTAssertTrue(script.contains("compdef _tool tool"))
        XCTAssertTrue(script.contains("'tool data echo')"))
        XCTAssertTrue(script.contains("'--upper:Upper case'"))
        XCTAssertTrue(script.contains("described=('echo:Print arguments' 'copy:Copy a file' 'read:Read files')"), script)
        XCTAssertTrue(script.contains("--color) compadd -- 'auto' 'never'; return ;;"))
        if FileManager.default.isExecutableFile(atPath: "/bin/zsh") {
            try assertShellSyntax(script, shell: "/bin/zsh")
        }
    }

    func testQuotingAndFunctionName() {
        XCTAssertEqual(CompletionScript.quoted("it's"), "'it'\\''s'")
        let odd = CommandSpec(name: "lab-ctl.x", summary: "x", run: { _, _ in .success })
        XCTAssertEqual(CompletionScript(root: odd).functionName, "_lab_ctl_x")
    }

    // MARK: - Shell helpers

    private func assertShellSyntax(_ script: String, shell: String, file: StaticString = #filePath,
                                   line: UInt = #line) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("completion-\(UUID().uuidString)")
        try script.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try ChildProcess.run(shell, arguments: ["-n", url.path])
        XCTAssertEqual(result.status, 0, "\(shell) -n: \(result.stderr)", file: file, line: line)
    }
}
