import XCTest
@testable import Storage

final class StorageBatchLastTableTests: XCTestCase {
    func testMatchesADictionary() {
        var rng = SystemRandomNumberGenerator()
        var table = BatchLastTable()
        var reference: [UInt32: (Int64, UInt64)] = [:]
        XCTAssertNil(table.last(0))
        for round in 0..<20_000 {
            let ref = Bool.random(using: &rng) ? UInt32.random(in: 0..<300, using: &rng)
                : UInt32.random(in: 0...UInt32.max, using: &rng)
            if Int.random(in: 0..<3, using: &rng) == 0 {
                let got = table.last(ref)
                let want = reference[ref]
                XCTAssertEqual(got?.t, want?.0)
                XCTAssertEqual(got?.bits, want?.1)
            } else {
                let t = Int64.random(in: Int64.min...Int64.max, using: &rng), bits = UInt64(round)
                table.set(ref, t: t, bits: bits)
                reference[ref] = (t, bits)
            }
            if round == 10_000 {
                table.removeAll()
                reference.removeAll()
                XCTAssertNil(table.last(ref))
            }
        }
        for (ref, want) in reference {
            XCTAssertEqual(table.last(ref)?.t, want.0)
            XCTAssertEqual(table.last(ref)?.bits, want.1)
        }
        XCTAssertGreaterThan(reference.count, 1000)
    }
}
