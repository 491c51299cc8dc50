import ConfigModel
import XCTest

final class ComposeSyntaxTests: XCTestCase {
    func testShortPortSyntax() throws {
        let p = try ComposePort.parse("127.0.0.1:8080:80/udp")
        XCTAssertEqual(p.hostIP, "127.0.0.1")
        XCTAssertEqual(p.published, 8080...8080)
        XCTAssertEqual(p.target, 80...80)
        XCTAssertEqual(p.protocolName, "udp")
        XCTAssertEqual(p.shortSyntax, "127.0.0.1:8080:80/udp")
        XCTAssertEqual(try ComposePort.parse("9000-9002:9000-9002").published, 9000...9002)
        XCTAssertNil(try ComposePort.parse("80").published)
        XCTAssertEqual(try ComposePort.parse("[::1]:53:53/udp").hostIP, "::1")
        for bad in ["80:80:80:80", "70000", "8080:80/icmp", "9000-9002:80-81", "a:b"] {
            XCTAssertThrowsError(try ComposePort.parse(bad), bad)
        }
    }

    func testShortVolumeSyntax() throws {
        let v = try ComposeVolumeMount.parse("./grafana/provisioning:/etc/grafana/provisioning:ro")
        XCTAssertEqual(v.kind, .bind)
        XCTAssertTrue(v.readOnly)
        XCTAssertEqual(try ComposeVolumeMount.parse("data:/data").kind, .volume)
        XCTAssertEqual(try ComposeVolumeMount.parse("/:/host:ro,rslave").options, ["ro", "rslave"])
        XCTAssertNil(try ComposeVolumeMount.parse("/anonymous").source)
        for bad in ["data:rel", "a:/b:xx", "a::/b", ""] {
            XCTAssertThrowsError(try ComposeVolumeMount.parse(bad), bad)
        }
    }

    func testInterpolation() throws {
        XCTAssertEqual(try ComposeInterpolation.variables(in: "${A:-x${B}} $C $$D ${E?err}"), ["A", "B", "C", "E"])
        XCTAssertEqual(try ComposeInterpolation.variables(in: "^/(sys|proc)($$|/)"), [])
        for bad in ["${}", "${A", "${A:x}", "$(cmd)", "${A:-${B}"] {
            XCTAssertThrowsError(try ComposeInterpolation.variables(in: bad), bad)
        }
    }

    func testGenerationReparses() {
        let text = """
        services:
          api:
            image: app:1.0
            ports: ["8000:8000"]
            volumes: [data:/data]
            depends_on: [db]
            restart: unless-stopped
            environment: {A: "1"}
          db:
            image: postgres:16
            restart: always
        volumes:
          data:
        """
        let (compose, diagnostics) = ComposeFile.load(text: text, file: "c.yml").parts
        XCTAssertEqual(diagnostics, [])
        guard let generated = compose?.yamlText() else { return XCTFail("no compose") }
        let (again, again2) = ComposeFile.load(text: generated, file: "g.yml").parts
        XCTAssertEqual(again2, [], generated)
        XCTAssertEqual(again?.services.map(\.name), ["api", "db"])
        XCTAssertEqual(again?.service(named: "api")?.ports, compose?.service(named: "api")?.ports)
        XCTAssertEqual(again?.service(named: "api")?.dependsOn, compose?.service(named: "api")?.dependsOn)
    }
}
