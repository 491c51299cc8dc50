import Exposition
import GoCompat
import PromModel
import Storage

// MARK: - Federation

extension PrometheusAPI {
    /// The content type of `/federate` (the text format 0.0.4).
    static let federateContentType = "text/plain; version=0.0.4; charset=utf-8"

    /// `/federate?match[]=…`: the latest sample within the lookback of every matching series, in
    /// the text format as Prometheus writes it: families sorted by name, each `# TYPE x untyped`,
    /// the series' labels then the external labels it lacks (`instance=""` always among them),
    /// millisecond timestamps. Stale markers are left out. No `match[]` gives an empty body.
    func federate(_ r: HTTPServerRequest) -> HTTPServerResponse {
        var sets: [[LabelMatcher]] = []
        do {
            for text in r.formValues("match[]") { sets.append(try APIParameters.selector(text, allowEmptyMatching: true)) }
        } catch let error as ParameterError {
            return Self.httpError(400, error.message)
        } catch {
            return Self.httpError(400, "\(error)")
        }
        let maxt = context.now()
        let (mint, overflow) = maxt.subtractingReportingOverflow(engineOptions.lookbackDelta)
        var latest: [Labels: Sample] = [:]
        do {
            for set in sets {
                for s in try storage.select(set, mint: overflow ? .min : mint, maxt: maxt) where latest[s.labels] == nil {
                    guard let last = s.samples.last, !isStaleNaN(last.v) else { continue }
                    latest[s.labels] = last
                }
            }
        } catch {
            return Self.httpError(500, "federation failed: \(error)")
        }
        let ordered = latest.keys.filter { $0.metricName != nil }.sorted()
        let named = ordered.enumerated().sorted { a, b in
            let (na, nb) = (a.element.metricName ?? "", b.element.metricName ?? "")
            return na != nb ? na < nb : a.offset < b.offset
        }.map(\.element)
        var external: [String: String] = [:]
        for label in context.externalLabels() { external[label.name] = label.value }
        if external["instance"] == nil { external["instance"] = "" }
        let externalNames = external.keys.sorted()
        var out = ""
        var lastName = ""
        for labels in named {
            guard let name = labels.metricName, let sample = latest[labels] else { continue }
            if name != lastName {
                out += "# TYPE \(name) untyped\n"
                lastName = name
            }
            var parts: [String] = []
            var used = Set<String>()
            for label in labels where label.name != Label.metricName {
                parts.append(label.name + "=\"" + Labels.escapeValue(label.value) + "\"")
                used.insert(label.name)
            }
            for ext in externalNames where !used.contains(ext) {
                parts.append(ext + "=\"" + Labels.escapeValue(external[ext] ?? "") + "\"")
            }
            out += name + (parts.isEmpty ? "" : "{" + parts.joined(separator: ",") + "}")
            out += " " + GoFloatFormat.g(sample.v) + " \(sample.t)\n"
        }
        return HTTPServerResponse(status: 200, contentType: Self.federateContentType, text: out)
    }
}
