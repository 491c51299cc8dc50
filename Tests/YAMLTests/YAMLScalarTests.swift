import XCTest
@testable import YAML

final class YAMLScalarTests: XCTestCase {
    func testCoreSchemaResolution() {
        let table: [(String, YAMLResolvedType)] = [
            ("", .null), ("~", .null), ("null", .null), ("NULL", .null), ("nULL", .string),
            ("true", .bool), ("False", .bool), ("yes", .string), ("on", .string),
            ("0", .int), ("-12", .int), ("+7", .int), ("0x1F", .int), ("0o17", .int), ("0b101", .int),
            ("0x", .string), ("0o8", .string), ("1_000", .string),
            ("1.5", .float), ("-.5", .float), ("1.", .float), ("1e3", .float), ("2.5E-3", .float),
            (".inf", .float), ("-.Inf", .float), (".nan", .float), ("-.nan", .string), ("e3", .string),
            ("1e", .string), (".", .string), ("-", .string), ("5m", .string), ("10.0.0.1", .string),
        ]
        for (text, type) in table {
            XCTAssertEqual(YAMLScalar.resolvePlain(text), type, text)
        }
        XCTAssertEqual(YAMLScalar("true", style: .doubleQuoted).resolvedType(tag: nil), .string)
        XCTAssertEqual(YAMLScalar("x").resolvedType(tag: "!"), .string)
        XCTAssertEqual(YAMLScalar("5").resolvedType(tag: YAMLTag.str), .string)
    }

    func testValueConversions() {
        XCTAssertEqual(YAMLScalar.intValue("0x1F"), 31)
        XCTAssertEqual(YAMLScalar.intValue("0o17"), 15)
        XCTAssertEqual(YAMLScalar.intValue("-9223372036854775808"), Int.min)
        XCTAssertNil(YAMLScalar.intValue("9223372036854775808"))
        XCTAssertNil(YAMLScalar.intValue("-"))
        XCTAssertEqual(YAMLScalar.doubleValue("1."), 1)
        XCTAssertEqual(YAMLScalar.doubleValue("-.inf"), -.infinity)
        XCTAssertEqual(YAMLScalar.doubleValue(".NaN")?.isNaN, true)
        XCTAssertNil(YAMLScalar.doubleValue("abc"))
        XCTAssertEqual(YAMLScalar.boolValue("off"), false)
        XCTAssertNil(YAMLScalar.boolValue("off", yaml11: false))
    }

    func testEquivalenceIgnoresStyleButNotType() throws {
        let a = try XCTUnwrap(try YAMLParser().parse("[a, 'b', \"true\", true, ~]").first?.root)
        let b = try XCTUnwrap(try YAMLParser().parse("- \"a\"\n- b\n- 'true'\n- true\n- null\n").first?.root)
        let c = try XCTUnwrap(try YAMLParser().parse("[a, b, true, true, ~]").first?.root)
        XCTAssertTrue(a.isEquivalent(to: b))
        XCTAssertFalse(a.isEquivalent(to: c))
    }
}
