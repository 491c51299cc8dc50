extension MessageCatalog {
    /// Spanish texts of prometheus.yml: promtool's validation and the `prom-config/*` lints.
    static let prometheusEntries: [Entry] = [
        .message("prom-config/timeout-gt-interval", "global scrape timeout greater than scrape interval ({timeout} > {interval})",
                 "el scrape_timeout global es mayor que el scrape_interval ({timeout} > {interval})"),
        .message("prom-config/timeout-gt-interval", "scrape timeout greater than scrape interval for {job} ({timeout} > {interval})",
                 "el scrape_timeout de {job} es mayor que su scrape_interval ({timeout} > {interval})"),
        .message("prom-config/duplicate-job-name", "found multiple scrape configs with job name \"{job}\"",
                 "hay varias scrape_configs con el job_name \"{job}\""),
        .message("prom-config/duplicate-job-name", "found multiple {kind} configs with job name \"{job}\"",
                 "hay varias configuraciones {kind} con el job_name \"{job}\""),
        .message("prom-config/empty-job-name", "job_name is empty", "job_name está vacío"),
        .message("prom-config/invalid-target",
                 "\"{target}\" is not a valid hostname (targets are host:port, without scheme or path; use scheme and metrics_path)",
                 "\"{target}\" no es un host válido (los targets son host:puerto, sin esquema ni ruta; usa scheme y metrics_path)"),
        .message("prom-config/invalid-label-name", "\"{name}\" is not a valid label name", "\"{name}\" no es un nombre de label válido"),
        .message("prom-config/missing-file", "file \"{file}\" does not exist", "el archivo \"{file}\" no existe"),
        .message("prom-config/missing-rule-file", "{msgWhy}", "{msgWhy}"),
        .message("prom-config/unknown-relabel-action", "unknown relabel action \"{action}\"", "acción de relabel desconocida \"{action}\""),
        .message("prom-config/invalid-regex", "invalid regex \"{regex}\": {why}", "expresión regular no válida \"{regex}\": {why}"),
        .message("prom-config/invalid-url", "invalid url \"{url}\" for {kind}: expected http:// or https://",
                 "URL \"{url}\" no válida en {kind}: se esperaba http:// o https://"),
        .message("prom-config/invalid-url", "url for {kind} is empty", "la URL de {kind} está vacía"),
        .message("prom-config/too-long-scrape-interval",
                 "scrape interval {interval} of job \"{job}\" is not shorter than the query lookback delta ({delta}): series go stale between scrapes",
                 "el scrape_interval {interval} del job \"{job}\" no es menor que el lookback delta de las consultas ({delta}): "
                 + "las series quedan obsoletas (stale) entre un scrape y el siguiente"),
        .phrase("rule file \"{file}\" does not exist", "el archivo de reglas \"{file}\" no existe"),
        .phrase("pattern \"{pattern}\" matches no file", "el patrón \"{pattern}\" no coincide con ningún archivo"),
    ]
}
