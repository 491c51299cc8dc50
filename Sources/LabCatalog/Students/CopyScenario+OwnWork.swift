extension CopyScenario {
    /// Work of a student's own, generated from `index` (what it says and does) and `naming` (its
    /// variable names): a module of business metrics, a documentation paragraph and an alert.
    struct OwnWork {
        let index: Int
        let naming: Int
        let assignment: StudentAssignment
        let values: [String: String]

        static let modulePath = "monitoring/business.py"

        /// Words of the generated text: none is a domain, entity or business metric of the catalogue.
        static let words = ["lote", "ciclo", "fase", "etapa", "nivel", "estado", "valor", "limite", "umbral", "cola",
                            "carga", "pico", "hilo", "bloque", "racha", "origen", "destino", "canal", "flujo", "turno",
                            "zona", "grupo", "tipo", "modo", "serie", "muestra", "factor", "margen", "tramo", "paso",
                            "intento", "fallo", "exito", "retardo", "espera", "salida", "tanda", "lectura", "escritura",
                            "consulta", "sesion", "registro", "filtro", "orden", "campo", "marca", "punto", "medida"]
        static let prose = ["el", "la", "los", "cada", "cuando", "sube", "baja", "mide", "revisa", "indica", "porque",
                            "durante", "tras", "antes", "según", "también", "nunca", "siempre", "mucho", "poco", "entre",
                            "sobre", "mientras", "hasta", "conviene", "sirve", "para", "con", "sin", "que"]

        // MARK: - Files

        /// Adds the module, the paragraph and the alert to `files`; with `unprefixed`, the metric
        /// names of the module and of the lab's files lose the prefix.
        func add(to files: inout [String: String], unprefixed: Bool) {
            files[Self.modulePath] = module(unprefixed: unprefixed)
            files["docs/configuracion.md", default: ""] += paragraph()
            files["alert_rules.yml", default: ""] += alert(unprefixed: unprefixed)
            guard unprefixed else { return }
            let prefix = assignment.student.prefix
            files["monitoring/metrics.py"] = files["monitoring/metrics.py"]?
                .replacingOccurrences(of: "f'{prefix}_", with: "'").replacingOccurrences(of: "f'{self.prefix}_", with: "'")
            for path in ["alert_rules.yml", "grafana/dashboards/api-dashboard.json"] {
                files[path] = files[path]?.replacingOccurrences(of: prefix + "_", with: "")
            }
        }

        /// The Python module: three metrics and five functions of random statements.
        func module(unprefixed: Bool) -> String {
            var rng = SplitMix(seed: UInt64(index) &* 7_919 &+ 17)
            var namer = SplitMix(seed: UInt64(naming) &* 104_729 &+ 3)
            var names: [String] = []
            var taken = Set<String>()
            while names.count < 40 {
                let name = namer.pick(Self.words) + "_" + namer.pick(Self.words) + String(namer.next() % 10)
                if taken.insert(name).inserted { names.append(name) }
            }
            let prefix = unprefixed ? "" : assignment.student.prefix + "_"
            let label = rng.pick(Self.words)
            var out = "\"\"\"Métricas de negocio de \(assignment.entity) (\(assignment.domain.id)), por \(assignment.student.id).\"\"\"\n"
            out += "from prometheus_client import Counter, Gauge, Histogram\n\n"
            out += "\(names[0]) = Counter('\(prefix)\(rng.pick(Self.words))_\(rng.pick(Self.words))_total', '\(sentence(&rng, 6))', ['\(label)'])\n"
            out += "\(names[1]) = Gauge('\(prefix)\(rng.pick(Self.words))_\(rng.pick(Self.words))', '\(sentence(&rng, 5))')\n"
            out += "\(names[2]) = Histogram('\(prefix)\(rng.pick(Self.words))_seconds', '\(sentence(&rng, 5))', "
                + "buckets=[\(rng.next() % 5 + 1), \(rng.next() % 20 + 10), \(rng.next() % 60 + 40)])\n"
            var slot = 3
            for _ in 0..<5 {
                let function = names[slot], a = names[slot + 1], b = names[slot + 2], v = names[slot + 3], w = names[slot + 4]
                slot += 5
                out += "\n\ndef \(function)(\(a), \(b)):\n    \"\"\"\(sentence(&rng, 8)).\"\"\"\n"
                out += "    \(v) = \(a) * \(rng.next() % 90 + 2) + \(b)\n"
                for _ in 0..<(3 + Int(rng.next() % 4)) {
                    switch rng.next() % 6 {
                    case 0: out += "    if \(v) > \(rng.next() % 900):\n        \(names[0]).labels(\(label)='\(rng.pick(Self.words))').inc()\n"
                    case 1: out += "    for \(w) in range(\(rng.next() % 40 + 1)):\n        \(v) = \(v) - \(w) * \(rng.next() % 9 + 1)\n"
                    case 2: out += "    \(names[1]).set(\(v) / \(rng.next() % 70 + 3))\n"
                    case 3: out += "    \(names[2]).observe(\(b) + \(rng.next() % 500) / 100)\n"
                    case 4: out += "    while \(v) < \(rng.next() % 300):\n        \(v) += \(a) or \(rng.next() % 7 + 1)\n"
                    default: out += "    \(w) = '\(rng.pick(Self.words))-\(rng.pick(Self.words))-\(rng.next() % 1_000)'\n    \(v) = len(\(w)) + \(v)\n"
                    }
                }
                out += "    return \(v)\n"
            }
            return out
        }

        /// A paragraph for `docs/configuracion.md`.
        func paragraph() -> String {
            var rng = SplitMix(seed: UInt64(index) &* 31 &+ 7_777)
            var out = "\n\n## Notas de \(assignment.student.id)\n\n"
            out += "La entidad \(assignment.entity) del dominio \(assignment.domain.id): "
            for _ in 0..<5 { out += sentence(&rng, 14) + ". " }
            return out + "\n"
        }

        /// One more alert, for the end of `alert_rules.yml`.
        func alert(unprefixed: Bool) -> String {
            var rng = SplitMix(seed: UInt64(index) &* 131 &+ 99)
            let prefix = assignment.student.prefix
            let word = rng.pick(Self.words)
            return """

                  - alert: \(PlaceholderFilter.pascal.apply(prefix))\(PlaceholderFilter.pascal.apply(word))Alto
                    expr: sum(rate(\(unprefixed ? "" : prefix + "_")requests_total{status=~"4.."}[\(rng.next() % 9 + 2)m])) > \(rng.next() % 50 + 1)
                    for: \(rng.next() % 9 + 1)m
                    labels:
                      severity: warning
                    annotations:
                      summary: "\(sentence(&rng, 7))"

            """
        }

        private func sentence(_ rng: inout SplitMix, _ count: Int) -> String {
            (0..<count).map { $0 % 2 == 0 ? rng.pick(Self.words) : rng.pick(Self.prose) }.joined(separator: " ")
        }
    }

    /// SplitMix64: a small deterministic generator (the same class every run).
    struct SplitMix {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func pick(_ list: [String]) -> String {
            list.isEmpty ? "" : list[Int(next() % UInt64(list.count))]
        }
    }
}
