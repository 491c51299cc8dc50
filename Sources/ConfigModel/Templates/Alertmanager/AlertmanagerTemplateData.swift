/// The data Alertmanager gives notification templates: `.Receiver .Status .Alerts .GroupLabels
/// .CommonLabels .CommonAnnotations .ExternalURL`, alerts with `.Status .Labels .Annotations .StartsAt
/// .EndsAt .GeneratorURL .Fingerprint`, `.Alerts.Firing`/`.Resolved`, and label sets (`KV`) with
/// `.SortedPairs .Names .Values .Remove`.
public struct AlertmanagerTemplateData: Sendable {
    /// One alert of a notification.
    public struct Alert: Sendable {
        public var status: String
        public var labels: [String: String]
        public var annotations: [String: String]
        public var startsAt: TemplateTime
        public var endsAt: TemplateTime
        public var generatorURL: String
        public var fingerprint: String

        public init(status: String, labels: [String: String], annotations: [String: String] = [:],
                    startsAt: TemplateTime = .zero, endsAt: TemplateTime = .zero, generatorURL: String = "",
                    fingerprint: String = "") {
            self.status = status
            self.labels = labels
            self.annotations = annotations
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.generatorURL = generatorURL
            self.fingerprint = fingerprint
        }
    }

    public var receiver: String
    /// `firing` when any alert fires, `resolved` otherwise.
    public var status: String
    public var alerts: [Alert]
    public var groupLabels: [String: String]
    public var commonLabels: [String: String]
    public var commonAnnotations: [String: String]
    public var externalURL: String

    /// Data for a notification; status, common labels and common annotations are derived from the
    /// alerts as Alertmanager does (labels and annotations shared, with equal values, by all alerts).
    public init(receiver: String, alerts: [Alert], groupLabels: [String: String], externalURL: String) {
        self.receiver = receiver
        self.alerts = alerts
        self.groupLabels = groupLabels
        self.externalURL = externalURL
        status = alerts.contains { $0.status == "firing" } ? "firing" : "resolved"
        commonLabels = Self.common(alerts.map(\.labels))
        commonAnnotations = Self.common(alerts.map(\.annotations))
    }

    private static func common(_ sets: [[String: String]]) -> [String: String] {
        guard var result = sets.first else { return [:] }
        for set in sets.dropFirst() {
            result = result.filter { set[$0.key] == $0.value }
        }
        return result
    }

    // MARK: - Template values

    /// The data as a template value (`*template.Data`).
    public var templateValue: TemplateValue {
        .object(TemplateObject(typeName: "*template.Data", fields: [
            ("Receiver", .string(receiver)),
            ("Status", .string(status)),
            ("Alerts", Self.alertList(alerts)),
            ("GroupLabels", Self.kv(groupLabels)),
            ("CommonLabels", Self.kv(commonLabels)),
            ("CommonAnnotations", Self.kv(commonAnnotations)),
            ("ExternalURL", .string(externalURL)),
        ]))
    }

    static func alertValue(_ a: Alert) -> TemplateValue {
        .object(TemplateObject(typeName: "template.Alert", fields: [
            ("Status", .string(a.status)),
            ("Labels", kv(a.labels)),
            ("Annotations", kv(a.annotations)),
            ("StartsAt", .time(a.startsAt)),
            ("EndsAt", .time(a.endsAt)),
            ("GeneratorURL", .string(a.generatorURL)),
            ("Fingerprint", .string(a.fingerprint)),
        ]))
    }

    /// `template.Alerts` with its `Firing` and `Resolved` methods.
    static func alertList(_ alerts: [Alert]) -> TemplateValue {
        .object(TemplateObject(typeName: "template.Alerts", methods: [
            "Firing": TemplateMethod(arity: 0) { _ in alertList(alerts.filter { $0.status == "firing" }) },
            "Resolved": TemplateMethod(arity: 0) { _ in alertList(alerts.filter { $0.status == "resolved" }) },
        ], underlying: .list(alerts.map(alertValue))))
    }

    /// `template.KV`: a label map with methods.
    public static func kv(_ pairs: [String: String]) -> TemplateValue {
        .object(TemplateObject(typeName: "template.KV", methods: [
            "SortedPairs": TemplateMethod(arity: 0) { _ in pairList(sortedPairs(pairs)) },
            "Names": TemplateMethod(arity: 0) { _ in .stringList(sortedPairs(pairs).map(\.0)) },
            "Values": TemplateMethod(arity: 0) { _ in .stringList(sortedPairs(pairs).map(\.1)) },
            "Remove": TemplateMethod(arity: 1) { args in
                let names = try TemplateArguments.stringList(args, 0)
                var copy = pairs
                for name in names { copy[name] = nil }
                return kv(copy)
            },
        ], underlying: .stringMap(pairs)))
    }

    /// Pairs sorted by name, with `alertname` first (as Alertmanager sorts them).
    static func sortedPairs(_ pairs: [String: String]) -> [(String, String)] {
        pairs.sorted { a, b in
            if a.key == "alertname" || b.key == "alertname" { return a.key == "alertname" && b.key != "alertname" }
            return a.key < b.key
        }.map { ($0.key, $0.value) }
    }

    /// `template.Pairs` with `Names`, `Values` and `String`.
    static func pairList(_ pairs: [(String, String)]) -> TemplateValue {
        let items: [TemplateValue] = pairs.map { name, value in
            .object(TemplateObject(typeName: "template.Pair", fields: [("Name", .string(name)), ("Value", .string(value))]))
        }
        return .object(TemplateObject(typeName: "template.Pairs", methods: [
            "Names": TemplateMethod(arity: 0) { _ in .stringList(pairs.map(\.0)) },
            "Values": TemplateMethod(arity: 0) { _ in .stringList(pairs.map(\.1)) },
            "String": TemplateMethod(arity: 0) { _ in .string(pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")) },
        ], underlying: .list(items)))
    }
}
