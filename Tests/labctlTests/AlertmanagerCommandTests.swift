import Foundation
import XCTest
@testable import labctl

/// `labctl alertmanager routes show|test`: exact output (amtool's format) and exit codes.
final class AlertmanagerCommandTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-am-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func write(_ c: AlertmanagerRouteTrees.Case) throws -> String {
        let file = dir.appendingPathComponent("\(c.name).yml")
        try AlertmanagerRouteTrees.file(c).write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    private func run(_ arguments: String...) -> (code: Int32, out: String, err: String) {
        let console = TestConsole()
        let code = CommandRunner(root: CommandTable.root, version: "test").run(arguments, console: console.console)
        return (code.rawValue, console.stdout, console.stderr)
    }

    private func file(_ name: String) throws -> String {
        let c = try XCTUnwrap(AlertmanagerRouteTrees.cases.first { $0.name == name })
        return try write(c)
    }

    func testShowPrintsTheTreeLikeAmtool() throws {
        let path = try file("nested-continue")
        let r = run("alertmanager", "routes", "show", "--config", path)
        XCTAssertEqual(r.code, 0, r.err)
        let bar = "│\u{00A0}\u{00A0} "
        XCTAssertEqual(r.out, """
        Routing tree:
        .
        └── default-route  receiver: default
            ├── {severity="critical"}  continue: true  receiver: pager
            \(bar)└── {team="db"}  receiver: dba
            └── {service=~"^(?:api|web)$"}  receiver: web


        """)
        let grouping = run("alertmanager", "routes", "show", "--grouping", "--config.file", path)
        XCTAssertTrue(grouping.out.contains("default-route  receiver: default  grouping: [alertname]"), grouping.out)
    }

    func testTestPrintsReceiversInTreeOrder() throws {
        let path = try file("nested-continue")
        XCTAssertEqual(run("alertmanager", "routes", "test", "--config", path, "severity=critical", "team=db",
                           "service=api").out, "dba,web\n")
        XCTAssertEqual(run("alertmanager", "routes", "test", "--config", path).out, "default\n")
        let chain = try file("continue-chain")
        XCTAssertEqual(run("alertmanager", "routes", "test", "--config", chain, "severity=critical").out, "audit,pager,ops\n")
        XCTAssertEqual(run("alertmanager", "routes", "test", "--config", chain, "severity=info").out, "audit,web\n")
    }

    func testTreeOption() throws {
        let path = try file("nested-continue")
        let r = run("alertmanager", "routes", "test", "--config", path, "--tree", "severity=critical", "service=web")
        XCTAssertEqual(r.out, """
        Matching routes:
        .
        └── default-route
            ├── {severity="critical"}  receiver: pager
            └── {service=~"^(?:api|web)$"}  receiver: web


        pager,web

        """)
    }

    func testVerifyReceivers() throws {
        let path = try file("nested-continue")
        let ok = run("alertmanager", "routes", "test", "--config", path, "--verify.receivers=dba", "severity=critical",
                     "team=db")
        XCTAssertEqual(ok.code, 0)
        XCTAssertEqual(ok.out, "dba\n")
        let bad = run("alertmanager", "routes", "test", "--config", path, "--verify.receivers=pager", "team=db")
        XCTAssertEqual(bad.code, 1)
        XCTAssertEqual(bad.out, "default\nWARNING: Expected receivers did not match resolved receivers.\n")
    }

    func testLabelArgumentsParseLikeAmtool() throws {
        let path = try file("quoted-values")
        XCTAssertEqual(run("alertmanager", "routes", "test", "--config", path, "summary=\"disk \\\"full\\\"\"").out, "ops\n")
        XCTAssertEqual(run("alertmanager", "routes", "test", "--config", path, "instance = host:9100").out, "pager\n")
        let quote = run("alertmanager", "routes", "test", "--config", path, "a=x\"y")
        XCTAssertEqual(quote.code, 1)
        XCTAssertTrue(quote.err.contains("matcher value contains unescaped double quote: x\"y"), quote.err)
        let regex = run("alertmanager", "routes", "test", "--config", path, "a=~x")
        XCTAssertEqual(regex.code, 1)
        XCTAssertTrue(regex.err.contains("labels must be specified as key=value pairs"), regex.err)
        let bad = run("alertmanager", "routes", "test", "--config", path, "foo")
        XCTAssertEqual(bad.code, 1)
        XCTAssertTrue(bad.err.contains("bad matcher format: foo"), bad.err)
    }

    func testConfigErrors() throws {
        let missing = run("alertmanager", "routes", "show")
        XCTAssertEqual(missing.code, 2)
        XCTAssertTrue(missing.err.contains("missing --config"), missing.err)
        let broken = dir.appendingPathComponent("broken.yml")
        try "route:\n  receiver: nope\nreceivers:\n  - name: x\n".write(to: broken, atomically: true, encoding: .utf8)
        let r = run("alertmanager", "routes", "show", "--config", broken.path)
        XCTAssertEqual(r.code, 1)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.err.contains("broken.yml:2:"), r.err)
        let absent = run("alertmanager", "routes", "test", "--config", dir.appendingPathComponent("none.yml").path)
        XCTAssertEqual(absent.code, 1)
    }
}
