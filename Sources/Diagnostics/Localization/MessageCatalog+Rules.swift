extension MessageCatalog {
    /// Spanish texts of rule files: promtool's validation and the `rules/*` lints.
    static let rulesEntries: [Entry] = [
        // Validation (promtool check rules)
        .message("rules/duplicate-group", "groupname: \"{group}\" is repeated in the same file",
                 "el grupo \"{group}\" está repetido en el mismo archivo"),
        .message("rules/empty-group-name", "Groupname must not be empty", "el nombre del grupo no puede estar vacío"),
        .message("rules/missing-record-or-alert", "{msgContext}: one of 'record' or 'alert' must be set",
                 "{msgContext}: falta 'record' o 'alert'"),
        .message("rules/record-and-alert", "{msgContext}: only one of 'record' and 'alert' must be set",
                 "{msgContext}: una regla lleva 'record' o 'alert', no los dos"),
        .message("rules/missing-expr", "{msgContext}: field 'expr' must be set in rule", "{msgContext}: falta el campo 'expr' en la regla"),
        .message("rules/field-not-allowed", "{msgContext}: invalid field '{field}' in recording rule",
                 "{msgContext}: el campo '{field}' no se permite en una regla de grabación (recording rule)"),
        .message("rules/invalid-annotation-name", "{msgContext}: invalid annotation name: {name}",
                 "{msgContext}: nombre de anotación no válido: {name}"),
        .message("rules/invalid-record-name", "{msgContext}: invalid recording rule name: {name}",
                 "{msgContext}: nombre de recording rule no válido: {name}"),
        .message("rules/invalid-label-name", "{msgContext}: invalid label name: {name}", "{msgContext}: nombre de label no válido: {name}"),
        .message("rules/template-syntax", "{msgContext}: annotation \"{name}\": {why}", "{msgContext}: en la anotación \"{name}\": {why}"),
        .message("rules/template-syntax", "{msgContext}: label \"{name}\": {why}", "{msgContext}: en la label \"{name}\": {why}"),
        .phrase("group \"{group}\", rule {n}, \"{rule}\"", "grupo \"{group}\", regla {n}, \"{rule}\""),
        .phrase("group \"{group}\", rule {n}", "grupo \"{group}\", regla {n}"),

        // Lints
        .message("rules/alert-missing-annotations", "alert \"{alert}\" has no {what} annotation",
                 "la alerta \"{alert}\" no tiene anotación {what}"),
        .phrase("summary or description", "summary ni description"),
        .message("rules/alert-missing-severity", "alert \"{alert}\" has no severity label",
                 "la alerta \"{alert}\" no tiene label severity"),
        .message("rules/alert-without-comparison",
                 "alert \"{alert}\" has no comparison in its expression, so it fires for every series it returns (add a condition such as > 0)",
                 "la expresión de la alerta \"{alert}\" no tiene ninguna comparación, así que salta con cada serie que devuelve "
                 + "(añade una condición como > 0)"),
        .message("rules/alert-without-for", "alert \"{alert}\" has no 'for' duration: it fires on the first matching evaluation",
                 "la alerta \"{alert}\" no tiene duración 'for': salta en la primera evaluación que cumpla la condición"),
        .message("rules/duplicate-rule", "duplicate rule: \"{rule}\" with labels {labels} is defined more than once",
                 "regla duplicada: \"{rule}\" con labels {labels} está definida más de una vez"),
        .message("rules/histogram-quantile-without-le",
                 "histogram_quantile() over {op} {how} drops the le label; keep it: {fix}",
                 "histogram_quantile() sobre {op} {how} pierde la label le; mantenla: {fix}"),
        .phrase("with no grouping", "sin agrupación"),
        .message("rules/label-set-mismatch",
                 "{op} between series that keep their labels and {bare}, which has none: one-to-one matching pairs series with "
                 + "equal labels, so the result is always empty; group both sides by a shared label and match on it "
                 + "(… / on (instance) count by (instance) (…)), or use scalar(…)",
                 "{op} entre series que conservan sus labels y {bare}, que no tiene ninguna: el emparejamiento uno a uno une series "
                 + "con las mismas labels, así que el resultado siempre está vacío; agrupa los dos lados por una label común y "
                 + "empareja por ella (… / on (instance) count by (instance) (…)), o usa scalar(…)"),
        .message("rules/rate-on-non-counter",
                 "{f}() on \"{metric}\", which is not a counter by its name (counters end in _total); use deriv() or delta() for gauges",
                 "{f}() sobre \"{metric}\", que por su nombre no es un counter (los counters terminan en _total); "
                 + "para gauges usa deriv() o delta()"),
        .message("rules/rate-range-too-short",
                 "{f}() over [{range}] is shorter than twice the assumed default scrape interval ({interval}); use at least [{min}]",
                 "{f}() sobre [{range}] es más corto que el doble del intervalo de scrape por defecto ({interval}); usa al menos [{min}]"),
        .message("rules/rate-range-too-short",
                 "{f}() over [{range}] is shorter than twice the scrape interval ({interval}); use at least [{min}]",
                 "{f}() sobre [{range}] es más corto que el doble del intervalo de scrape ({interval}); usa al menos [{min}]"),
        .message("rules/recording-level-mismatch",
                 "recording rule \"{rule}\" has level {level} but its {op} has {msgBy}: the series has no {labels} label; "
                 + "write {fix} or rename the level",
                 "la recording rule \"{rule}\" tiene nivel {level}, pero su {op} tiene {msgBy}: la serie no tiene label {labels}; "
                 + "escribe {fix} o cambia el nivel"),
        .phrase("no grouping", "ninguna agrupación"),
        .message("rules/recording-name-convention",
                 "recording rule \"{rule}\" does not follow the level:metric:operations naming convention (e.g. job:http_requests:rate5m)",
                 "la recording rule \"{rule}\" no sigue la convención de nombres nivel:métrica:operaciones (p. ej. job:http_requests:rate5m)"),
        .message("rules/value-in-alert-labels",
                 "alert \"{alert}\" uses the query value in label \"{label}\"; each new value starts a new alert (use an annotation)",
                 "la alerta \"{alert}\" usa el valor de la consulta en la label \"{label}\"; cada valor nuevo crea una alerta nueva "
                 + "(usa una anotación)"),
        .message("rules/histogram-quantile-non-bucket",
                 "histogram_quantile() over {metric}, which is not a _bucket series (classic histograms are read through their le buckets); "
                 + "{msgAdvice}",
                 "histogram_quantile() sobre {metric}, que no es una serie _bucket (los histogramas clásicos se leen a través de "
                 + "sus buckets le); {msgAdvice}"),
        .phrase("use the buckets: {bucket}, as in {example}", "usa los buckets: {bucket}, como en {example}"),
        .phrase("use the buckets: {bucket}", "usa los buckets: {bucket}"),
        .phrase("{metric} is a counter, not a histogram: use a histogram's _bucket series (for example http_request_duration_seconds_bucket)",
                "{metric} es un counter, no un histograma: usa la serie _bucket de un histograma "
                + "(por ejemplo http_request_duration_seconds_bucket)"),
        .note("rules/template-syntax", "Prometheus fails such rules at evaluation time (promtool 2.42 does not check this)",
              "Prometheus falla con estas reglas al evaluarlas (promtool 2.42 no lo comprueba)"),
        .message("rules/invalid-expr-type",
                 "{msgContext}: rule expression must evaluate to an instant vector or scalar, got {type}",
                 "{msgContext}: la expresión de una regla debe dar un vector instantáneo o un escalar, no un {type}"),
        .note("rules/invalid-expr-type", "Prometheus fails such rules at evaluation time (promtool 2.42 does not check this)",
              "Prometheus falla con estas reglas al evaluarlas (promtool 2.42 no lo comprueba)"),
        .message("rules/invalid-record-name", "{msgContext}: braces present in the recording rule name; should it be in expr?",
                 "{msgContext}: el nombre de la recording rule lleva llaves; ¿debería ir en expr?"),
    ]
}
