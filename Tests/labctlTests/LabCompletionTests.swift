import XCTest
@testable import labctl

/// Shell completion offers lab ids where a command takes a lab.
final class LabCompletionTests: XCTestCase {
    private let script = CompletionScript(root: CommandTable.root, labIDs: ["lab0", "lab7", "practica26"])

    private func node(_ line: String) throws -> CompletionScript.Node {
        try XCTUnwrap(script.nodes.first { $0.commandLine == line }, line)
    }

    func testLabPositionalsOfferLabIDs() throws {
        XCTAssertEqual(script.words(for: try node("labctl labs show")), ["lab0", "lab7", "practica26"])
        let initWords = script.words(for: try node("labctl init"))
        XCTAssertEqual(initWords, ["lab0", "lab7", "practica26"])
        XCTAssertTrue(script.completesFiles(try node("labctl init")), "DIR (and --update DIR) are folders")
        XCTAssertFalse(script.completesFiles(try node("labctl labs show")))
    }

    func testLabOptionsOfferLabIDsAndOthersFiles() throws {
        let example = try XCTUnwrap(try node("labctl check lab").options.first { $0.long == "example" })
        XCTAssertEqual(script.valueWords(for: example), ["lab0", "lab7", "practica26"])
        let lab = try XCTUnwrap(try node("labctl students generate").options.first { $0.long == "lab" })
        XCTAssertEqual(script.valueWords(for: lab), ["lab0", "lab7", "practica26"])
        let roster = try XCTUnwrap(try node("labctl students generate").options.first { $0.long == "roster" })
        XCTAssertNil(script.valueWords(for: roster), "files")
        let format = try XCTUnwrap(try node("labctl check rules").options.first { $0.long == "format" })
        XCTAssertEqual(script.valueWords(for: format), ["text", "json", "junit"])
    }

    func testScriptsCarryTheLabIDs() throws {
        let bash = script.script(for: .bash)
        XCTAssertTrue(bash.contains("--example) COMPREPLY=( $(compgen -W 'lab0 lab7 practica26' -- \"$cur\") ); return 0 ;;"), bash)
        let zsh = script.script(for: .zsh)
        XCTAssertTrue(zsh.contains("--example) compadd -- 'lab0' 'lab7' 'practica26'; return ;;"), zsh)
        let none = CompletionScript(root: CommandTable.root).script(for: .bash)
        XCTAssertTrue(none.contains("--example) COMPREPLY=( $(compgen -W '' -- \"$cur\") ); return 0 ;;"),
                      "without a catalogue a lab value completes nothing, not files")
    }

    func testCompletionCommandReadsTheInstalledCatalogue() {
        let console = TestConsole(environment: ["NO_COLOR": "1"])
        let status = CommandRunner(root: CommandTable.root, version: LabctlVersion.current)
            .run(["completion", "bash"], console: console.console)
        XCTAssertEqual(status, .success)
        XCTAssertTrue(console.stdout.contains("lab7"), "lab ids of the built-in catalogue")
        XCTAssertTrue(console.stdout.contains("practica26"))
    }
}
