import PromModel

/// Writes metric families in the Prometheus text format or OpenMetrics text.
///
/// Output parses back to the same families in the same format. Across formats the writer only
/// changes syntax (type words, timestamp units, escapes, `# EOF`); the text format drops exemplars
/// and units and writes OpenMetrics-only types as `untyped`.
public struct ExpositionWriter: Sendable {
    /// The format written.
    public var format: ExpositionFormat

    /// A writer for `format`.
    public init(format: ExpositionFormat = .prometheusText) {
        self.format = format
    }

    /// The exposition of `families`.
    public func write(_ families: [MetricFamily]) -> String {
        var out = ""
        for family in families { write(family, to: &out) }
        if format == .openMetrics { out += "# EOF\n" }
        return out
    }

    // MARK: - Families and samples

    private func write(_ family: MetricFamily, to out: inout String) {
        if let help = family.help {
            out += "# HELP \(family.name)"
            if !help.isEmpty { out += " " + escapeHelp(help) }
            out += "\n"
        }
        out += "# TYPE \(family.name) \(family.type.word(in: format))\n"
        if format == .openMetrics, let unit = family.unit {
            out += "# UNIT \(family.name)" + (unit.isEmpty ? "" : " \(unit)") + "\n"
        }
        for sample in family.samples { write(sample, to: &out) }
    }

    private func write(_ sample: MetricSample, to out: inout String) {
        out += sample.name
        writeLabels(sample.labels, to: &out)
        out += " " + ExpositionNumber.format(sample.value)
        if let t = sample.timestamp { out += " " + formatTimestamp(t) }
        if format == .openMetrics, let exemplar = sample.exemplar {
            out += " # "
            writeLabels(exemplar.labels, to: &out, always: true)
            out += " " + ExpositionNumber.format(exemplar.value)
            if let t = exemplar.timestamp { out += " " + formatTimestamp(t) }
        }
        out += "\n"
    }

    private func writeLabels(_ labels: Labels, to out: inout String, always: Bool = false) {
        guard !labels.isEmpty || always else { return }
        out += "{"
        var first = true
        for label in labels {
            if !first { out += "," }
            first = false
            out += label.name + "=\"" + Labels.escapeValue(label.value) + "\""
        }
        out += "}"
    }

    private func formatTimestamp(_ t: Int64) -> String {
        format == .openMetrics ? ExpositionNumber.formatSeconds(t) : String(t)
    }

    // MARK: - Escapes

    // Label values go through `Labels.escapeValue`, the one label-value escaper.

    /// HELP text escaped for the writer's format: `\\` and `\n`, and `\"` in OpenMetrics.
    public func escapeHelp(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\"" where format == .openMetrics: out += "\\\""
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
