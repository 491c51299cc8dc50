import XCTest
@testable import LabCatalog

/// Roster validation: a table of bad rosters, each with its code and CSV line:column.
final class RosterParsingTests: XCTestCase {
    private func domains() throws -> DomainCatalog {
        try DomainCatalog.load(root: try TestSupport.catalog().root)
    }

    func testGoodRosterWithAliasesAndSemicolons() throws {
        let text = "Estudiante;Nombre;Prefijo;Dominio;Entidad;Correo;Grupo\nana;Ana;ana_shop;Education;curso;a@b.es;1\nbob;;bob_x;;;;2\n"
        let (roster, diagnostics) = Roster.parse(text, file: "r.csv", domains: try domains())
        XCTAssertEqual(diagnostics.map(\.description),
                       ["r.csv:1:50: warning: [roster/unknown-column] unknown column \"Grupo\" is ignored (columns: id, name, prefix, domain, entity, email)"])
        let students = try XCTUnwrap(roster).students
        XCTAssertEqual(students.map(\.id), ["ana", "bob"])
        XCTAssertEqual(students[0].domain, "educacion", "aliases resolve to the domain id")
        XCTAssertEqual(students[1].name, "bob")
        XCTAssertNil(students[1].domain)
    }

    func testBadRosters() throws {
        let domains = try domains()
        let header = "id,name,prefix,domain\n"
        let cases: [(name: String, text: String, code: String, at: String, message: String)] = [
            ("empty file", "", "roster/empty", "1:1", "the roster is empty"),
            ("header only", header, "roster/empty", "2:1", "no students"),
            ("missing prefix column", "id,name\na,A\n", "roster/missing-column", "1:1", "missing required column \"prefix\""),
            ("duplicate column", "id,prefix,prefijo\na,b,c\n", "roster/duplicate-column", "1:11", "column prefix appears twice"),
            ("duplicate id", header + "ana,Ana,ana_a,\nbob,Bob,bob_b,\nANA,Ana2,ana_c,\n", "roster/duplicate-id", "4:1",
             "student id \"ANA\" is used twice"),
            ("duplicate prefix", header + "ana,Ana,shop_a,\nbob,Bob,shop_a,\n", "roster/duplicate-prefix", "3:9",
             "prefix \"shop_a\" of student bob is already student ana's"),
            ("prefix of another", header + "ana,Ana,ana_shop,\nbob,Bob,ana,\n", "roster/prefix-overlap", "3:9",
             "prefix \"ana\" is a prefix of \"ana_shop\""),
            ("part of another", header + "ana,Ana,ana_shop,\nbob,Bob,shop,\n", "roster/prefix-overlap", "3:9",
             "prefix \"shop\" is a part of \"ana_shop\""),
            ("upper case prefix", header + "ana,Ana,Ana_Shop,\n", "roster/invalid-prefix", "2:9", "must be lower case (ana_shop)"),
            ("trailing underscore", header + "ana,Ana,ana_,\n", "roster/invalid-prefix", "2:9", "must not end with _"),
            ("leading digit", header + "ana,Ana,1ana,\n", "roster/invalid-prefix", "2:9", "must start with a lower-case letter"),
            ("dash in prefix", header + "ana,Ana,ana-shop,\n", "roster/invalid-prefix", "2:9", "contains \"-\""),
            ("double underscore", header + "ana,Ana,ana__x,\n", "roster/invalid-prefix", "2:9", "must not contain __"),
            ("reserved word", header + "ana,Ana,http,\n", "roster/invalid-prefix", "2:9", "a word the lab files already use"),
            ("empty prefix", header + "ana,Ana,,\n", "roster/invalid-prefix", "2:9", "is empty"),
            ("unknown domain", header + "ana,Ana,ana_x,ecomerce\n", "roster/unknown-domain", "2:15",
             "unknown domain \"ecomerce\" (did you mean \"ecommerce\"?)"),
            ("bad id", header + "a b,Ana,ana_x,\n", "roster/invalid-id", "2:1", "only letters, digits"),
            ("hidden id", header + "..,Ana,ana_x,\n", "roster/invalid-id", "2:1", "must not start with ."),
            ("field count", header + "ana,Ana,ana_x\n", "roster/field-count", "2:1", "has 3 field(s) but the header has 4"),
            ("csv syntax", header + "ana,\"Ana,ana_x,\n", "roster/csv-syntax", "2:5", "not closed"),
            ("bad entity", "id,prefix,entity\nana,ana_x,Pedido\n", "roster/invalid-entity", "2:11", "must start with a lower-case"),
            ("bad email", "id,prefix,email\nana,ana_x,nope\n", "roster/invalid-email", "2:11", "is not an address"),
        ]
        for c in cases {
            let (roster, diagnostics) = Roster.parse(c.text, file: "r.csv", domains: domains)
            XCTAssertNil(roster, c.name)
            let errors = diagnostics.filter { $0.severity == .error }
            guard let error = errors.first(where: { $0.code == c.code }) else {
                XCTFail("\(c.name): no \(c.code) in \(diagnostics.map(\.description))")
                continue
            }
            XCTAssertEqual(error.location.map { "\($0.line):\($0.column)" }, c.at, "\(c.name): \(error)")
            XCTAssertEqual(error.location?.file, "r.csv", c.name)
            XCTAssertTrue(error.message.contains(c.message), "\(c.name): \(error.message)")
        }
    }

    func testPrefixClashes() {
        XCTAssertEqual(PrefixRules.clashes(["ana_shop", "bob", "ana"]).map { [$0.first, $0.second] }, [[0, 2]])
        XCTAssertEqual(PrefixRules.clashes(["anabel", "ana"]).map { [$0.first, $0.second] }, [[0, 1]])
        XCTAssertEqual(PrefixRules.clashes(["x_shop_y", "shop"]).map { [$0.first, $0.second] }, [[0, 1]])
        XCTAssertTrue(PrefixRules.clashes(["ana_shop", "banana", "shopping", "bob_shopx"]).isEmpty)
        XCTAssertNil(PrefixRules.problem(with: "ana_shop2"))
        XCTAssertNotNil(PrefixRules.problem(with: String(repeating: "a", count: 41)))
    }

    func testLoadReportsUnreadableAndNonUTF8Files() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        let missing = Roster.load(path: dir.appendingPathComponent("nope.csv").path, domains: nil)
        XCTAssertEqual(missing.diagnostics.first?.code, "roster/io")
        let latin1 = dir.appendingPathComponent("latin1.csv")
        try Data([0x69, 0x64, 0x0A, 0xE9, 0x0A]).write(to: latin1)
        XCTAssertTrue(Roster.load(path: latin1.path, domains: nil).diagnostics.first?.message.contains("UTF-8") ?? false)
    }
}
