import XCTest
@testable import LabCatalog

final class TemplateRendererTests: XCTestCase {
    private let renderer = TemplateRenderer(values: ["prefix": "ana_shop", "entity": "pedido"])

    func testReplacesPlaceholdersAndFilters() throws {
        let text = "job: fastapi-<<labctl:prefix|kebab>>\nalert: <<labctl:prefix|pascal>>HighCPU\n"
            + "title: <<labctl:prefix|upper>> / <<labctl:entity>>\n"
        XCTAssertEqual(try renderer.render(text, file: "t"),
                       "job: fastapi-ana-shop\nalert: AnaShopHighCPU\ntitle: ANA_SHOP / pedido\n")
    }

    func testLeavesOtherTemplateSyntaxAlone() throws {
        let text = """
        summary: "{{ $labels.job }} {{ $value | humanizePercentage }}"
        expr: rate(x{endpoint=~"$endpoint"}[$interval]) ${var} [[var]]
        environment: ${VAR} $$ <<: *anchor
        cat <<EOF
        python: f"{prefix}_total" << 2
        """
        XCTAssertEqual(try renderer.render(text, file: "t"), text)
        XCTAssertEqual(TemplateRenderer.placeholderNames(in: text), [])
    }

    func testUnknownPlaceholderFailsWithPosition() {
        XCTAssertThrowsError(try renderer.render("a\nb <<labctl:prefx>>\n", file: "f.yml")) { error in
            guard let e = error as? TemplateError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.code, "template/unknown-placeholder")
            XCTAssertEqual(e.location, .init(file: "f.yml", line: 2, column: 3))
            XCTAssertTrue(e.message.contains("did you mean \"prefix\""), e.message)
        }
    }

    func testUnknownFilterAndUnclosed() {
        XCTAssertThrowsError(try renderer.render("<<labctl:prefix|shout>>", file: "f")) { error in
            XCTAssertEqual((error as? TemplateError)?.code, "template/unknown-filter")
        }
        XCTAssertThrowsError(try renderer.render("x <<labctl:prefix\n" + String(repeating: "y", count: 200), file: "f")) { error in
            XCTAssertEqual((error as? TemplateError)?.code, "template/unclosed")
            XCTAssertEqual((error as? TemplateError)?.location.column, 3)
        }
    }

    func testPositionsAfterEarlierPlaceholders() {
        XCTAssertThrowsError(try renderer.render("<<labctl:prefix>> <<labctl:nope>>", file: "f")) { error in
            XCTAssertEqual((error as? TemplateError)?.location.column, 19)
        }
    }

    func testLabWithoutParametersRejectsPlaceholders() {
        XCTAssertThrowsError(try TemplateRenderer(values: [:]).render("<<labctl:prefix>>", file: "f")) { error in
            XCTAssertTrue("\(error)".contains("this lab has no parameters"), "\(error)")
        }
    }
}
