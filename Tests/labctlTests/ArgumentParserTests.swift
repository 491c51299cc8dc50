import XCTest
@testable import labctl

final class ArgumentParserTests: XCTestCase {
    private let parser = ArgumentParser(root: SampleTree.root)

    private func parsed(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> ParsedArguments? {
        do {
            guard case .run(let result) = try parser.parse(arguments) else {
                XCTFail("expected a command to run for \(arguments)", file: file, line: line)
                return nil
            }
            return result
        } catch {
            XCTFail("unexpected error \(error) for \(arguments)", file: file, line: line)
            return nil
        }
    }

    // MARK: - Accepted command lines

    func testOptionSpellings() {
        // (arguments, expected times, labels, upper, verbose count, words)
        let table: [([String], String?, [String], Bool, Int, [String])] = [
            (["data", "echo"], "1", [], false, 0, []),
            (["data", "echo", "--times", "3", "a"], "3", [], false, 0, ["a"]),
            (["data", "echo", "--times=4"], "4", [], false, 0, []),
            (["data", "echo", "-n", "5"], "5", [], false, 0, []),
            (["data", "echo", "-n6"], "6", [], false, 0, []),
            (["data", "echo", "-n=7"], "7", [], false, 0, []),
            (["data", "echo", "-n", "1", "--times", "2"], "2", [], false, 0, []),
            (["data", "echo", "-l", "a", "--label", "b", "--label=c=d"], "1", ["a", "b", "c=d"], false, 0, []),
            (["data", "echo", "-uvv", "x", "-v"], "1", [], true, 3, ["x"]),
            (["data", "echo", "-vun", "9"], "9", [], true, 1, []),
            (["data", "echo", "x", "--upper", "y"], "1", [], true, 0, ["x", "y"]),
            (["data", "echo", "--", "--upper", "-n"], "1", [], false, 0, ["--upper", "-n"]),
            (["data", "echo", "-", "x"], "1", [], false, 0, ["-", "x"]),
            (["data", "echo", "--times", "--upper"], "--upper", [], false, 0, []),
            (["data", "echo", "--times="], "", [], false, 0, []),
        ]
        for (arguments, times, labels, upper, verbose, words) in table {
            guard let result = parsed(arguments) else { continue }
            XCTAssertEqual(result.value("times"), times, "\(arguments)")
            XCTAssertEqual(result.values("label"), labels, "\(arguments)")
            XCTAssertEqual(result.flag("upper"), upper, "\(arguments)")
            XCTAssertEqual(result.count("verbose"), verbose, "\(arguments)")
            XCTAssertEqual(result.positional("WORD"), words, "\(arguments)")
            XCTAssertEqual(result.commandLine, "tool data echo")
        }
    }

    func testInheritedOptionsAndDefaults() {
        let result = parsed(["data", "echo", "--color", "never"])
        XCTAssertEqual(result?.value("color"), "never")
        XCTAssertNil(parsed(["data", "echo"])?.value("color"))
        XCTAssertEqual(parsed(["data", "read", "f"])?.diagnosticFormat, .text, "default of the group's option is not inherited")
        XCTAssertEqual(parsed(["data", "read", "-", "b.yml", "--lint-fatal"])?.inputs(),
                       [.standardInput, .file("b.yml")])
        XCTAssertEqual(parsed(["data", "read", "x", "--lint-fatal"])?.flag("lint-fatal"), true)
    }

    func testOptionalPositionalLeavesRoomForRequiredOnes() {
        let two = parsed(["data", "copy", "a", "b"])
        XCTAssertEqual(two?.positional("SRC"), ["a"])
        XCTAssertEqual(two?.positional("EXTRA"), [])
        XCTAssertEqual(two?.positional("DST"), ["b"])
        let three = parsed(["data", "copy", "a", "b", "c"])
        XCTAssertEqual(three?.positional("EXTRA"), ["b"])
        XCTAssertEqual(three?.positional("DST"), ["c"])
    }

    func testHelpAndVersionRequests() throws {
        let table: [([String], [String])] = [
            (["--help"], ["tool"]),
            (["-h"], ["tool"]),
            (["data", "-h"], ["tool", "data"]),
            (["data", "echo", "x", "--help", "--bogus"], ["tool", "data", "echo"]),
            (["data", "echo", "-uh"], ["tool", "data", "echo"]),
        ]
        for (arguments, path) in table {
            guard case .help(let commands) = try parser.parse(arguments) else {
                XCTFail("expected help for \(arguments)")
                continue
            }
            XCTAssertEqual(commands.map(\.name), path, "\(arguments)")
        }
        guard case .version = try parser.parse(["--version"]) else { return XCTFail("expected version") }
        guard case .missingSubcommand(let path) = try parser.parse(["data"]) else { return XCTFail("expected missing") }
        XCTAssertEqual(path.map(\.name), ["tool", "data"])
    }

    // MARK: - Usage errors

    func testUsageErrorsCarryMessageAndSuggestion() {
        let table: [([String], String)] = [
            (["dat"], "unknown command 'dat' for 'tool' (did you mean \"data\"?)"),
            (["data", "ech"], "unknown command 'ech' for 'tool data' (did you mean \"echo\"?)"),
            (["zzzzzz"], "unknown command 'zzzzzz' for 'tool'"),
            (["data", "echo", "--tims", "1"], "unknown option '--tims' for 'tool data echo' (did you mean \"--times\"?)"),
            (["data", "echo", "-times", "1"], "unknown option '-t' for 'tool data echo' (did you mean \"--times\"?)"),
            (["data", "echo", "-x"], "unknown option '-x' for 'tool data echo'"),
            (["data", "echo", "--upper=yes"], "option '--upper' does not take a value"),
            (["data", "echo", "--times"], "option '--times' needs a value"),
            (["data", "echo", "-n"], "option '-n' needs a value"),
            (["data", "echo", "--color", "nevr"],
             "invalid value 'nevr' for '--color': expected one of auto, never (did you mean \"never\"?)"),
            (["data", "read"], "missing argument FILE... for 'tool data read'"),
            (["data", "copy", "a"], "missing argument DST for 'tool data copy'"),
            (["data", "copy", "a", "b", "c", "d"], "unexpected argument 'd' for 'tool data copy'"),
            (["--version", "x"], ""),
            (["data", "--version"], "unknown option '--version' for 'tool data'"),
            (["--", "data"], "unexpected argument 'data' for 'tool'"),
        ]
        for (arguments, message) in table {
            do {
                let outcome = try parser.parse(arguments)
                if message.isEmpty, case .version = outcome { continue }
                XCTFail("expected a usage error for \(arguments), got \(outcome)")
            } catch let error as CLIError {
                XCTAssertTrue(error.isUsageError, "\(arguments)")
                XCTAssertEqual(error.exitCode, .usageError)
                XCTAssertEqual(error.message, message, "\(arguments)")
            } catch {
                XCTFail("unexpected error \(error)")
            }
        }
    }

    func testPrefixSuggestionNeedsAUniqueMatch() {
        XCTAssertEqual(ArgumentParser.didYouMean("comp", in: ["completion", "help"]), " (did you mean \"completion\"?)")
        XCTAssertEqual(ArgumentParser.didYouMean("co", in: ["completion", "config"]), "")
        XCTAssertEqual(ArgumentParser.didYouMean("c", in: ["completion"]), "")
        XCTAssertEqual(ArgumentParser.didYouMean("--lint", in: ["--lint-fatal", "--format"]),
                       " (did you mean \"--lint-fatal\"?)")
    }
}
