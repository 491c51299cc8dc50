import Diagnostics
import YAML

// MARK: - Decoding

extension ComposeService {
    static func decode(name: String, _ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> ComposeService? {
        guard let m = ComposeFile.mapping(node, allowed: keys, what: "service \(name)", context: &ctx) else {
            return nil
        }
        var s = ComposeService(name: name, image: ctx.string(m["image"], what: "image"))
        s.node = node
        if let build = m["build"] {
            if build.scalar != nil { s.buildContext = ctx.string(build, what: "build") }
            else if let b = ComposeFile.mapping(build, allowed: buildKeys, what: "build", context: &ctx) {
                s.buildContext = ctx.string(b["context"], what: "context") ?? "."
            }
        }
        if s.image == nil, s.buildContext == nil {
            ctx.error(ComposeDiagnosticCode.noImage,
                      "service \"\(name)\" has neither an image nor a build context specified", at: node)
        }
        s.containerName = ctx.string(m["container_name"], what: "container_name")
        s.ports = ctx.list(m["ports"], what: "ports") { ctx, item in ComposePort.decode(item, context: &ctx) } ?? []
        s.volumes = ctx.list(m["volumes"], what: "volumes") { ctx, item in
            ComposeVolumeMount.decode(item, context: &ctx)
        } ?? []
        s.networkMode = ctx.string(m["network_mode"], what: "network_mode")
        if let networks = m["networks"] {
            if networks.sequence != nil {
                s.networks = ctx.stringList(networks, what: "networks") ?? []
            } else if let nm = ctx.mapping(networks, what: "networks") {
                for pair in nm.pairs {
                    guard let n = ctx.string(pair.key) else { continue }
                    _ = ComposeFile.mapping(pair.value, allowed: ["aliases", "ipv4_address", "ipv6_address",
                                                                  "link_local_ips", "mac_address", "driver_opts",
                                                                  "priority", "gw_priority", "interface_name"],
                                            what: "network \(n)", context: &ctx)
                    s.networks.append(n)
                }
            }
            if s.networkMode != nil, let key = m.keyNode("network_mode") {
                ctx.error(ComposeDiagnosticCode.networkModeConflict,
                          "service \"\(name)\" declares network_mode together with networks", at: key)
            }
        }
        s.dependsOn = decodeDependsOn(m["depends_on"], context: &ctx)
        s.environment = decodeEnvironment(m["environment"], context: &ctx)
        for key in ["command", "entrypoint"] {
            guard let c = m[key] else { continue }
            let value: [String]? = c.scalar != nil
                ? ctx.string(c, what: key).map { $0.split(separator: " ").map(String.init) }
                : ctx.stringList(c, what: key)
            if key == "command" { s.command = value }
        }
        if let r = m["restart"], let text = ctx.string(r, what: "restart") {
            s.restart = text
            if !isValidRestart(text) {
                ctx.error(ComposeDiagnosticCode.invalidRestart,
                          "invalid restart policy \"\(text)\": expected no, always, on-failure[:N] or unless-stopped",
                          at: r)
            }
        }
        if let h = m["healthcheck"] {
            s.hasHealthcheck = decodeHealthcheck(h, context: &ctx)
        }
        return s
    }

    static func isValidRestart(_ text: String) -> Bool {
        if ["no", "always", "unless-stopped", "on-failure"].contains(text) { return true }
        guard text.hasPrefix("on-failure:"), let n = Int(text.dropFirst("on-failure:".count)) else { return false }
        return n >= 0
    }

    private static func decodeDependsOn(_ node: YAMLNode?, context ctx: inout YAMLDecodingContext) -> [Dependency] {
        guard let node else { return [] }
        if node.sequence != nil {
            return (ctx.stringList(node, what: "depends_on") ?? []).map { Dependency(service: $0) }
        }
        guard let m = ctx.mapping(node, what: "depends_on") else { return [] }
        var out: [Dependency] = []
        for pair in m.pairs {
            guard let target = ctx.string(pair.key) else { continue }
            var d = Dependency(service: target)
            if let dm = ComposeFile.mapping(pair.value, allowed: ["condition", "restart", "required"],
                                            what: "depends_on \(target)", context: &ctx) {
                if let c = dm["condition"], let text = ctx.string(c, what: "condition") {
                    if conditions.contains(text) { d.condition = text } else {
                        ctx.error(ComposeDiagnosticCode.invalidCondition, "invalid depends_on condition \"\(text)\""
                                  + Suggestion.didYouMean(text, in: conditions), at: c)
                    }
                }
                d.required = ctx.bool(dm["required"], what: "required") ?? true
                _ = ctx.bool(dm["restart"], what: "restart")
            }
            out.append(d)
        }
        return out
    }

    private static func decodeEnvironment(_ node: YAMLNode?, context ctx: inout YAMLDecodingContext)
        -> [(name: String, value: String?)] {
        guard let node else { return [] }
        var out: [(name: String, value: String?)] = []
        if let items = node.sequence {
            for item in items {
                guard let text = ctx.string(item, what: "environment") else { continue }
                let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0])
                if name.isEmpty || name.contains(" ") {
                    ctx.error(ComposeDiagnosticCode.invalidEnvironment, "invalid environment entry \"\(text)\"", at: item)
                    continue
                }
                out.append((name, parts.count == 2 ? String(parts[1]) : nil))
            }
            return out
        }
        guard let m = ctx.mapping(node, what: "environment") else { return [] }
        for pair in m.pairs {
            guard let name = ctx.string(pair.key) else { continue }
            if pair.value.isNull { out.append((name, nil)); continue }
            guard let value = ctx.string(pair.value, what: "environment variable \(name)") else { continue }
            out.append((name, value))
        }
        return out
    }

    private static func decodeHealthcheck(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> Bool {
        guard let m = ComposeFile.mapping(node, allowed: healthcheckKeys, what: "healthcheck", context: &ctx) else {
            return false
        }
        if let test = m["test"], let items = test.sequence {
            let first = items.first?.scalarValue ?? ""
            if !["CMD", "CMD-SHELL", "NONE"].contains(first) {
                ctx.error(ComposeDiagnosticCode.invalidHealthcheck,
                          "healthcheck.test must start with CMD, CMD-SHELL or NONE (got \"\(first)\")", at: test)
            }
        } else if let test = m["test"] {
            _ = ctx.string(test, what: "test")
        }
        for key in ["interval", "timeout", "start_period", "start_interval"] {
            guard let d = m[key], let text = ctx.string(d, what: key) else { continue }
            if !GoDuration.isValid(text) {
                ctx.error(ComposeDiagnosticCode.invalidHealthcheck, "invalid duration \"\(text)\" for \(key)", at: d)
            }
        }
        if let r = m["retries"] { _ = ctx.int(r, in: 0...Int(Int32.max), what: "retries") }
        let disabled = ctx.bool(m["disable"], what: "disable") ?? false
        return !disabled && m["test"].map { $0.sequence?.first?.scalarValue != "NONE" } ?? true
    }
}

/// Go's `time.ParseDuration` syntax (`1m30s`, `1.5h`, `300ms`, `10us`), used by compose durations.
enum GoDuration {
    static func isValid(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" || s.first == "+" { s = s.dropFirst() }
        if s == "0" { return true }
        guard !s.isEmpty else { return false }
        let units = ["ns", "us", "µs", "ms", "s", "m", "h"]
        while !s.isEmpty {
            let number = s.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, number != ".", number.filter({ $0 == "." }).count <= 1 else { return false }
            s = s.dropFirst(number.count)
            let unit = s.prefix { !$0.isNumber && $0 != "." }
            guard units.contains(String(unit)) else { return false }
            s = s.dropFirst(unit.count)
        }
        return true
    }
}
