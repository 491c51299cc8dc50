import XCTest
@testable import LabCatalog
final class PlaceholderTests: XCTestCase { func testNothing() {} }
