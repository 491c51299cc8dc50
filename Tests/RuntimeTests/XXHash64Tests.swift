import XCTest
import PromModel
@testable import Runtime

/// XXH64 against reference digests (seed 0) and Prometheus's label-set hash layout.
final class XXHash64Tests: XCTestCase {
    private func pattern(_ n: Int) -> [UInt8] { (0..<n).map { UInt8($0 % 256) } }

    func testKnownDigestsCoverEveryInputPath() {
        XCTAssertEqual(XXHash64.hash([]), 0xEF46_DB37_51D8_E999)
        XCTAssertEqual(XXHash64.hash(Array("abc".utf8)), 0x44BC_2CF5_AD77_0999)
        XCTAssertEqual(XXHash64.hash(Array("Nobody inspects the spammish repetition".utf8)), 0xFBCE_A83C_8A37_8BF1)
        XCTAssertEqual(XXHash64.hash(pattern(5)), 0xDD02_7438_6E26_030C)
        XCTAssertEqual(XXHash64.hash(pattern(12)), 0x424A_F23F_1F08_DCA5)
        XCTAssertEqual(XXHash64.hash(pattern(37)), 0xD93F_A2DF_EE5C_24C9)
        XCTAssertEqual(XXHash64.hash(pattern(700)), 0x5445_F9EE_6905_A51D)
    }

    func testLabelsHashSeparatesNamesAndValuesWith0xFF() {
        let labels: Labels = ["__name__": "http_requests", "job": "api-server", "instance": "0", "group": "production"]
        XCTAssertEqual(XXHash64.labelsHash(labels), 0x4F9E_AA4C_FAA9_95D8)
        XCTAssertEqual(XXHash64.labelsHash(.empty), 0xEF46_DB37_51D8_E999)
        XCTAssertNotEqual(XXHash64.labelsHash(["a": "bc"]), XXHash64.labelsHash(["ab": "c"]))
    }

    func testRatioPositionIsTheHashOverUInt64Max() {
        let labels: Labels = ["__name__": "x", "job": "j"]
        let position = Evaluator.ratioPosition(labels)
        XCTAssertEqual(position, Double(XXHash64.labelsHash(labels)) / 18_446_744_073_709_551_616.0)
        XCTAssertTrue((0...1).contains(position))
    }
}
