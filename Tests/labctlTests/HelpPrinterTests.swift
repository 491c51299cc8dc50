import XCTest
@testable import labctl

final class HelpPrinterTests: XCTestCase {
    func testLeafCommandGolden() {
        let path = [SampleTree.root, SampleTree.data, SampleTree.echo]
        XCTAssertEqual(HelpPrinter().help(for: path), """
            tool data echo - Print arguments

            Usage:
              tool data echo [options] [WORD...]

            Arguments:
              [WORD...]  Words

            Options:
              -n, --times N      Repeat count [default: 1]
              -l, --label LABEL  A label [repeatable]
              -u, --upper        Upper case
              -v, --verbose      More output [repeatable]
                  --color WHEN   Colour (auto|never)
              -h, --help         Show help for this command

            Examples:
              # Echo twice
              tool data echo -n 2 x

            """)
    }

    func testGroupListsCommandsAndRootHasVersion() {
        let group = HelpPrinter().help(for: [SampleTree.root, SampleTree.data])
        XCTAssertTrue(group.contains("Usage:\n  tool data <command> [options]\n"), group)
        XCTAssertTrue(group.contains("Commands:\n  echo  Print arguments\n  copy  Copy a file\n  read  Read files\n"), group)
        XCTAssertTrue(group.contains("-f, --format FORMAT  Output format for diagnostics (text|json|junit) [default: text]"))
        XCTAssertTrue(group.hasSuffix("Run 'tool data <command> --help' for more about a command.\n"))
        XCTAssertFalse(group.contains("--version"))
        let root = HelpPrinter().help(for: [SampleTree.root])
        XCTAssertTrue(root.contains("    --version  Print the version and exit\n"), root)
    }

    func testLongLabelsWrapAndCustomUsageWins() {
        let spec = CommandSpec(
            name: "x", summary: "S", usage: ["--this FILE", "--that"],
            options: [.option("a-very-long-option-name", valueName: "SOME_VALUE", help: "Long")],
            run: { _, _ in .success })
        let help = HelpPrinter().help(for: [spec])
        XCTAssertTrue(help.contains("Usage:\n  x --this FILE\n  x --that\n"), help)
        XCTAssertTrue(help.contains("      --a-very-long-option-name SOME_VALUE\n" + String(repeating: " ", count: 30) + "Long\n"),
                      help)
    }
}
