import Foundation

// MARK: - Which ports the container listens on

extension LabService {
    /// The listening ports and where they were learnt, from (in order of authority): command-line flags,
    /// Grafana's environment, nginx's mounted config, the image's default; for the lab's own services,
    /// `expose`, the container side of `ports`, the Dockerfile (`EXPOSE`, `--port`) and `uvicorn.run(port=)`.
    func inferListeningPorts() -> (Set<Int>, String) {
        if role.defaultPort != nil, let value = commandFlag("web.listen-address")?.value,
           let port = Self.port(inAddress: value) {
            return ([port], "--web.listen-address")
        }
        if role == .grafana, let text = environment("GF_SERVER_HTTP_PORT"), let port = Int(text) {
            return ([port], "GF_SERVER_HTTP_PORT")
        }
        if role == .redis, let value = commandFlag("port")?.value, let port = Int(value) { return ([port], "--port") }
        if role == .nginx {
            let listens = nginxListenPorts()
            if !listens.isEmpty { return (listens, "listen in the mounted nginx config") }
        }
        if let port = role.defaultPort { return ([port], "the default of \(compose.image ?? role.displayName)") }
        var ports = Set<Int>()
        var sources: [String] = []
        for flag in ["port", "bind", "b", "p"] {
            guard let value = commandFlag(flag)?.value else { continue }
            if let port = Int(value) ?? Self.port(inAddress: value) { ports.insert(port); sources.append("command --\(flag)") }
        }
        let expose = (compose.node?["expose"]?.sequence ?? []).compactMap { $0.scalarValue }
            .compactMap { Int($0.split(separator: "/").first ?? "") }
        if !expose.isEmpty { ports.formUnion(expose); sources.append("expose") }
        let published = compose.ports.filter { $0.target.count <= 16 }.flatMap { Array($0.target) }
        if !published.isEmpty { ports.formUnion(published); sources.append("ports (container side)") }
        let dockerfile = dockerfilePorts()
        if !dockerfile.isEmpty { ports.formUnion(dockerfile); sources.append("the Dockerfile") }
        return (ports, sources.joined(separator: ", "))
    }

    /// The port of `host:port`, `:port` or `[::]:port`.
    static func port(inAddress text: String) -> Int? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        return Int(text[text.index(after: colon)...]).flatMap { (1...65535).contains($0) ? $0 : nil }
    }

    // MARK: - Lab sources

    /// The Dockerfile of a built service: `EXPOSE` ports and `--port N` in `CMD`/`ENTRYPOINT`.
    func dockerfilePorts() -> Set<Int> {
        guard let context = compose.buildContext else { return [] }
        let dir = LabPath.join(baseDirectory, context)
        let name = compose.node?["build"]?["dockerfile"]?.scalarValue ?? "Dockerfile"
        guard let text = LabPath.readText(LabPath.join(dir, name)) else { return [] }
        var ports = Set<Int>()
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let upper = trimmed.uppercased()
            if upper.hasPrefix("EXPOSE ") {
                for word in trimmed.dropFirst(7).split(separator: " ") {
                    if let p = Int(word.split(separator: "/").first ?? "") { ports.insert(p) }
                }
            } else if upper.hasPrefix("CMD") || upper.hasPrefix("ENTRYPOINT") {
                ports.formUnion(Self.portArguments(in: trimmed))
            }
        }
        return ports
    }

    /// Ports given as `--port 8000`, `"--port", "8000"`, `--port=8000` or `--bind 0.0.0.0:8000` in a line.
    static func portArguments(in line: String) -> Set<Int> {
        let words = line.split { " \t,[]\"'".contains($0) }.map(String.init)
        var ports = Set<Int>()
        for (i, word) in words.enumerated() {
            if word.hasPrefix("--port=") { if let p = Int(word.dropFirst(7)) { ports.insert(p) } }
            if word.hasPrefix("--bind="), let p = port(inAddress: String(word.dropFirst(7))) { ports.insert(p) }
            guard words.indices.contains(i + 1) else { continue }
            if word == "--port", let p = Int(words[i + 1]) { ports.insert(p) }
            if word == "--bind" || word == "-b", let p = port(inAddress: words[i + 1]) { ports.insert(p) }
        }
        return ports
    }

    /// `listen N;` directives of nginx configs bind-mounted at /etc/nginx.
    func nginxListenPorts() -> Set<Int> {
        var ports = Set<Int>()
        let files = mounts.files(in: "/etc/nginx", suffixes: [".conf"], depth: 2)
        for (_, host) in files {
            guard let text = LabPath.readText(host) else { continue }
            for line in text.split(separator: "\n") {
                let words = line.split { $0 == " " || $0 == "\t" || $0 == ";" }
                guard words.first == "listen", words.count >= 2 else { continue }
                let address = String(words[1])
                if let p = Int(address) ?? Self.port(inAddress: address) { ports.insert(p) }
            }
        }
        return ports
    }
}
