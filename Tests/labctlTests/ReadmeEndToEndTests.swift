import Foundation
import XCTest
import LabctlTestSupport

/// README.md's example diagnostic and exit-code table, checked against the built binary so the two
/// cannot drift: the example is extracted from the README, run, and compared byte for byte.
final class ReadmeEndToEndTests: XCTestCase {
    private func readme() throws -> String {
        try String(contentsOf: LabctlProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The text of the README's `## Diagnostics` section.
    private func diagnosticsSection() throws -> String {
        let text = try readme()
        let start = try XCTUnwrap(text.range(of: "\n## Diagnostics\n"), "README has no Diagnostics section")
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The fenced blocks (```…```) of `text`, without their fences.
    private func codeBlocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let lines = current { blocks.append(lines.joined(separator: "\n") + "\n"); current = nil } else { current = [] }
            } else if current != nil {
                current?.append(line)
            }
        }
        return blocks
    }

    /// The console example: the file `cat` shows, the labctl command, and what it prints.
    private func example() throws -> (file: String, content: String, arguments: [String], output: String) {
        let block = try XCTUnwrap(codeBlocks(try diagnosticsSection()).first, "no example in the Diagnostics section")
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let cat = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("$ cat ") })
        let command = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("$ labctl ") })
        XCTAssertLessThan(cat, command)
        let file = String(lines[cat].dropFirst("$ cat ".count))
        let content = lines[(cat + 1)..<command].joined(separator: "\n") + "\n"
        let arguments = lines[command].dropFirst("$ labctl ".count).split(separator: " ").map(String.init)
        let output = lines[(command + 1)...].joined(separator: "\n")
        return (file, content, arguments, output)
    }

    func testTheExampleDiagnosticIsWhatLabctlPrints() throws {
        let (file, content, arguments, output) = try example()
        let dir = try makeTemporaryDirectory(prefix: "labctl-readme")
        try content.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let result = try LabctlProcess.run(arguments, directory: dir)
        XCTAssertEqual(result.status, 1, "an error: exit 1 as the exit-code table says")
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, output, "README.md's example differs from what `labctl \(arguments.joined(separator: " "))` prints")
    }

    /// The second block: the same diagnostic on a terminal, with the source line and caret. Run under
    /// `script` (a pseudo-terminal); skipped where `script` is not installed.
    func testTheTerminalExampleIsWhatLabctlPrintsOnATerminal() throws {
        guard let script = ["/usr/bin/script", "/bin/script"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("script(1) is not installed")
        }
        let blocks = codeBlocks(try diagnosticsSection())
        XCTAssertGreaterThan(blocks.count, 1)
        let terminal = blocks[1]
        let (file, content, arguments, _) = try example()
        let dir = try makeTemporaryDirectory(prefix: "labctl-readme-tty")
        try content.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let command = ([try LabctlProcess.binary().path] + arguments).joined(separator: " ")
        let run = try ChildProcess.run(script, arguments: ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1", "TERM": "xterm"],
                                       directory: dir, timeout: 60)
        let shown = run.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        XCTAssertEqual(shown, terminal, "README.md's terminal example differs from labctl's output on a terminal")
    }

    /// The exit-code table says `check metrics` exits 3 on lint findings as promtool does, and 3 is
    /// otherwise for `--lint-fatal`; the tool does exactly that.
    func testExitCodeTableMatchesTheTool() throws {
        let text = try readme()
        for row in ["| 0 | OK (warnings may have been printed) |",
                    "| 1 | Errors found in the inputs, or the command failed |",
                    "| 2 | Usage error: unknown command or option, missing or extra argument |",
                    "| 3 | Only lint findings (warnings), with `--lint-fatal`; `check metrics` exits 3 on any lint finding without the flag, as `promtool check metrics` does |"] {
            XCTAssertTrue(text.contains(row), "README.md lacks the row \(row)")
        }
        let dir = try makeTemporaryDirectory(prefix: "labctl-exit")
        let lint = dir.appendingPathComponent("lint.prom"), clean = dir.appendingPathComponent("clean.prom")
        try "# TYPE fooBar gauge\nfooBar 1\n".write(to: lint, atomically: true, encoding: .utf8)
        try "# HELP up_ok Whether it is up.\n# TYPE up_ok gauge\nup_ok 1\n".write(to: clean, atomically: true, encoding: .utf8)
        XCTAssertEqual(try LabctlProcess.run(["check", "metrics", lint.path]).status, 3)
        XCTAssertEqual(try LabctlProcess.run(["check", "metrics", clean.path]).status, 0)
        XCTAssertEqual(try LabctlProcess.run(["check", "metrics", dir.appendingPathComponent("missing.prom").path]).status, 1)
        let rules = dir.appendingPathComponent("rules.yml")
        try "groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up == 0\n".write(to: rules, atomically: true, encoding: .utf8)
        XCTAssertEqual(try LabctlProcess.run(["check", "rules", rules.path]).status, 0, "warnings alone: 0")
        XCTAssertEqual(try LabctlProcess.run(["check", "rules", rules.path, "--lint-fatal"]).status, 3)
        XCTAssertEqual(try LabctlProcess.run(["check", "rules", "--no-such-flag", rules.path]).status, 2)
    }
}
