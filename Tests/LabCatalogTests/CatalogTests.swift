import XCTest
@testable import LabCatalog

final class CatalogTests: XCTestCase {
    func testEveryLabLoadsAndValidates() throws {
        let catalog = try TestSupport.catalog()
        XCTAssertEqual(catalog.labs.map(\.id),
                       ["lab0", "lab1", "lab2", "lab3", "lab4", "lab5", "lab6", "lab7", "lab8", "practica26"])
        XCTAssertEqual(catalog.diagnostics.map(\.description), [], "no warnings either")
        let validator = LabSpecValidator(templatesRoot: catalog.templatesRoot, knownLabs: Set(catalog.labs.map(\.id)))
        for lab in catalog.labs {
            XCTAssertEqual(validator.validate(lab).map(\.description), [], lab.id)
            XCTAssertEqual(lab.exercises.reduce(0) { $0 + $1.points }, lab.totalPoints, lab.id)
            XCTAssertFalse(lab.objectives.isEmpty, lab.id)
            XCTAssertFalse(lab.title.es.isEmpty || lab.title.en.isEmpty, lab.id)
        }
    }

    func testEveryLabAfterLab0CarriesCorrectionsAndTheStack() throws {
        let catalog = try TestSupport.catalog()
        for lab in catalog.labs where lab.id != "lab0" {
            XCTAssertFalse(lab.corrections.isEmpty, "\(lab.id) lists its corrections")
        }
        // A later lab's stack includes what earlier labs built.
        for id in ["lab1", "lab2", "lab3", "lab4", "lab5", "lab6", "lab7", "lab8"] {
            let lab = try catalog.requireLab(id)
            for path in ["docker-compose.yml", "prometheus/prometheus.yml", "services/fastapi_app/main.py",
                         "grafana/provisioning/datasources/prometheus.yml"] {
                XCTAssertNotNil(lab.file(path), "\(id) has \(path)")
            }
        }
        XCTAssertNotNil(try catalog.requireLab("lab8").file("prometheus/alert_rules.yml"))
    }

    func testPractica26HasStudentParameters() throws {
        let lab = try TestSupport.catalog().requireLab("practica26")
        XCTAssertEqual(lab.parameters.map(\.name), ["student", "prefix", "domain", "entity", "business_counter", "business_gauge", "project"])
        XCTAssertEqual(lab.parameters.filter(\.required).count, 4)
    }

    func testUnknownLabSuggests() throws {
        let catalog = try TestSupport.catalog()
        XCTAssertThrowsError(try catalog.requireLab("lab9")) { error in
            XCTAssertTrue("\(error)".contains("unknown lab \"lab9\""), "\(error)")
        }
        XCTAssertThrowsError(try catalog.requireLab("practica62")) { error in
            XCTAssertTrue("\(error)".contains("did you mean \"practica26\""), "\(error)")
        }
    }

    func testContentOverrideMustHoldContent() throws {
        let dir = try TestSupport.temporaryDirectory(self)
        XCTAssertThrowsError(try ContentLocator.locate(environment: [ContentLocator.environmentVariable: dir.path]))
        let catalog = try TestSupport.catalog()
        XCTAssertEqual(try ContentLocator.locate(environment: [ContentLocator.environmentVariable: catalog.root.path]),
                       catalog.root)
    }

    func testPresenterGolden() throws {
        let catalog = try TestSupport.catalog()
        let list = LabPresenter(language: .en).list(Array(catalog.labs.prefix(2)))
        XCTAssertEqual(list, """
        LAB   PTS  EX  TITLE
        lab0  100   3  Initial stack setup
        lab1  100   2  First service with metrics

        """)
        let show = LabPresenter(language: .es).show(try catalog.requireLab("lab0"))
        XCTAssertTrue(show.hasPrefix("lab0 — Setup inicial del stack (v2, 100 puntos)\n"), show)
        XCTAssertTrue(show.contains("  1. docker-compose.yml del stack [compose, 40 puntos]\n"), show)
        XCTAssertTrue(show.contains("     - 10 pts  compose_service file=docker-compose.yml service=prometheus image=prom/prometheus ports=[9090:9090]\n"), show)
        XCTAssertTrue(show.contains("Correcciones respecto al texto original:"), show)
        XCTAssertTrue(LabPresenter.checkKinds().contains("alert_fires: the alert fires within a duration on a scenario\n"))
    }
}
