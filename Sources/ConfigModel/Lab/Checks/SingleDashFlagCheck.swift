import Diagnostics

/// A long flag written with one dash (`-nginx.scrape-uri=…`) for a program whose flags take two:
/// Prometheus, Alertmanager, node_exporter, the Pushgateway, blackbox/postgres exporters and
/// nginx-prometheus-exporter 1.x parse flags with kingpin, which reads `-n…` as short flags and refuses
/// to start. (redis_exporter and cAdvisor use Go's flag package, where one dash is fine.)
///
/// Triggers: `command: ['-nginx.scrape-uri=http://nginx:8080/stub_status']` on nginx-prometheus-exporter.
/// Does not trigger: `--nginx.scrape-uri=…`; `-redis.addr` on redis_exporter.
public struct SingleDashFlagCheck: LabWiringCheck {
    public static let code = "lab/single-dash-flag"
    public static let summary = "a long flag written with one dash for a program that needs two (kingpin flags)"
    public static let isLint = false

    static let kingpinRoles: Set<LabServiceRole> = [
        .prometheus, .alertmanager, .nodeExporter, .nginxExporter, .pushgateway, .blackboxExporter, .postgresExporter,
    ]

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        lab.services.filter { Self.kingpinRoles.contains($0.role) }.flatMap { s -> [Diagnostic] in
            let args = s.compose.command ?? []
            let items = s.compose.node?["command"]?.sequence
            return args.enumerated().compactMap { index, raw -> Diagnostic? in
                let arg = raw.trimmingCharacters(in: .init(charactersIn: "'\""))
                guard arg.hasPrefix("-"), !arg.hasPrefix("--"), arg.count > 2,
                      let second = arg.dropFirst().first, second.isLetter else { return nil }
                let name = arg.dropFirst().prefix { $0 != "=" }
                guard name.count > 1 else { return nil }
                let at = items.flatMap { $0.indices.contains(index) ? $0[index].location : nil }
                    ?? s.compose.node(for: "command")?.location
                return .error(Self.code,
                              "\(s.name): -\(name) has one dash; \(s.role.displayName) takes long flags with two "
                              + "(it refuses to start): write -\(arg)", at: at)
            }
        }
    }
}
