import XCTest
import PromQL
@testable import Runtime

/// The engine's one name → implementation table agrees with the parser's signature table.
final class EngineFunctionTableTests: XCTestCase {
    func testEverySignatureHasAnImplementationOfItsKind() {
        for (name, signature) in FunctionTable.all {
            guard let implementation = Evaluator.functions[name] else {
                XCTFail("function \(name) has a signature but no implementation")
                continue
            }
            let takesRange = signature.argTypes.contains(.matrix)
            if case .rangeVector = implementation {
                XCTAssertTrue(takesRange, "\(name) is implemented over a range vector but its signature takes none")
            } else {
                XCTAssertFalse(takesRange, "\(name) takes a range vector but is not implemented as a window function")
            }
        }
    }

    func testEveryImplementationHasASignature() {
        for name in Evaluator.functions.keys {
            XCTAssertNotNil(FunctionTable.all[name], "\(name) is implemented but the parser does not know it")
        }
        XCTAssertEqual(Evaluator.functions.count,
                       Evaluator.elementwiseFunctions.count + Evaluator.callFunctions.count
                       + Evaluator.rangeVectorFunctions.count, "a name is implemented twice")
    }
}
