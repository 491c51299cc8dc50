import XCTest
@testable import PromModel

final class LabelsTests: XCTestCase {
    func testSortsDropsEmptyAndPrints() {
        let l: Labels = ["job": "api", "__name__": "up", "instance": "", "a": "x"]
        XCTAssertEqual(l.count, 3)
        XCTAssertEqual(l.description, #"up{a="x", job="api"}"#)
        XCTAssertEqual(l["job"], "api")
        XCTAssertNil(l["instance"])
        XCTAssertEqual(Labels.empty.description, "{}")
    }

    func testUTF8NamesAreQuoted() {
        let l: Labels = ["__name__": "http.requests", "service.name": "x"]
        XCTAssertEqual(l.description, #"{"http.requests", "service.name"="x"}"#)
    }

    func testSettingAndRemoving() {
        let l: Labels = ["a": "1", "c": "3"]
        XCTAssertEqual(l.setting("b", to: "2").description, #"{a="1", b="2", c="3"}"#)
        XCTAssertEqual(l.setting("a", to: "").description, #"{c="3"}"#)
        XCTAssertEqual(l.removing(["a"]).description, #"{c="3"}"#)
        XCTAssertEqual(l.keeping(["a"]).description, #"{a="1"}"#)
    }

    func testMatchers() throws {
        let m = try LabelMatcher(.regexMatch, "job", "api|web")
        XCTAssertTrue(m.matches("api"))
        XCTAssertFalse(m.matches("apix"))
        XCTAssertFalse(m.matchesEmpty)
        XCTAssertTrue(try LabelMatcher(.regexNoMatch, "job", "api").matchesEmpty)
        XCTAssertEqual(m.description, #"job=~"api|web""#)
    }
}
