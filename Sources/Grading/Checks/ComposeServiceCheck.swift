import ConfigModel
import Diagnostics
import LabCatalog

/// `compose_service`: the compose file defines the service, and (each a part of the points) its
/// image, published ports, depends_on and labels (`key=value`, as Docker service discovery reads
/// them) as the spec asks.
public struct ComposeServiceCheck: CheckEvaluator {
    public static let kind = CheckKind.composeService
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file"), name = try check.required("service")
        let text: String
        switch context.read(file) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let (compose, diagnostics) = ComposeFile.load(text: text, file: file).parts
        guard let compose else { return .failed(context.feedback(diagnostics)) }
        guard let service = compose.services.first(where: { $0.name == name }) else {
            return .failed(Feedback(context.say("\(file) does not define the service \(name)"),
                                    location: SourceLocation(file: file, line: 1, column: 1)))
        }
        let at = service.node?.location
        var total = 1, met = 1
        var feedback: [Feedback] = []
        if let image = check.string("image") {
            total += 1
            let actual = service.image ?? ""
            // `prom/prometheus` matches `prom/prometheus:v3.0.0`; a tag in the spec must match exactly.
            let base = actual.split(separator: ":").first.map(String.init) ?? actual
            if actual == image || (!image.contains(":") && base == image) { met += 1 } else {
                let shown = actual.isEmpty ? context.say("(none)") : actual
                feedback.append(Feedback(context.say("service \(name) uses image \(shown); \(image) is asked"), location: at))
            }
        }
        if let ports = check.list("ports") {
            total += 1
            let actual = Set(service.ports.map(\.shortSyntax))
            let missing = ports.filter { wanted in
                guard let port = try? ComposePort.parse(wanted) else { return !actual.contains(wanted) }
                return !service.ports.contains { $0.target == port.target && $0.published == port.published }
            }
            if missing.isEmpty { met += 1 } else {
                feedback.append(Feedback(context.say("service \(name) does not publish \(missing.joined(separator: ", "))"), location: at))
            }
        }
        if let dependencies = check.list("depends_on") {
            total += 1
            let actual = Set(service.dependsOn.map(\.service))
            let missing = dependencies.filter { !actual.contains($0) }
            if missing.isEmpty { met += 1 } else {
                feedback.append(Feedback(context.say("service \(name) does not depend on \(missing.joined(separator: ", "))"), location: at))
            }
        }
        if let labels = check.list("labels") {
            total += 1
            let actual = Set(Self.labels(of: service))
            let missing = labels.filter { !actual.contains($0) }
            if missing.isEmpty { met += 1 } else {
                feedback.append(Feedback(context.say("service \(name) lacks the labels \(missing.joined(separator: ", "))"), location: at))
            }
        }
        return .parts(met: met, of: total, feedback)
    }

    /// A service's `labels:` as `key=value` (a list of `key=value` or a mapping).
    static func labels(of service: ComposeService) -> [String] {
        guard let node = service.node?["labels"] else { return [] }
        if let items = node.sequence { return items.compactMap(\.scalarValue) }
        return (node.mapping ?? []).compactMap { pair in
            pair.key.scalarValue.map { "\($0)=\(pair.value.scalarValue ?? "")" }
        }
    }
}
