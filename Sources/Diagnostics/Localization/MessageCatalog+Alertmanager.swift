extension MessageCatalog {
    /// Spanish texts of alertmanager.yml: amtool's validation and the `am-lint/*` lints.
    static let alertmanagerEntries: [Entry] = [
        .message("am-config/no-route", "no routes provided", "falta la ruta raíz (route)"),
        .message("am-config/root-receiver-missing", "root route must specify a default receiver",
                 "la ruta raíz debe indicar un receiver por defecto"),
        .message("am-config/root-matchers", "root route must not have any matchers", "la ruta raíz no puede tener matchers"),
        .message("am-config/unknown-receiver", "undefined receiver \"{name}\" used in route",
                 "la ruta usa el receiver \"{name}\", que no está definido"),
        .message("am-config/duplicate-receiver", "notification config name \"{name}\" is not unique",
                 "el nombre de receiver \"{name}\" está repetido"),
        .message("am-config/receiver-name-missing", "missing name in receiver", "falta el nombre (name) del receiver"),
        .message("am-config/unknown-time-interval", "undefined time interval \"{name}\" used in route",
                 "la ruta usa el intervalo de tiempo \"{name}\", que no está definido"),
        .message("am-config/group-by-duplicate", "duplicated label \"{label}\" in group_by", "label \"{label}\" repetida en group_by"),
        .message("am-config/invalid-label-name", "invalid label name \"{label}\" in group_by list",
                 "nombre de label no válido \"{label}\" en group_by"),
        .message("am-config/invalid-label-name", "invalid label name \"{label}\"", "nombre de label no válido \"{label}\""),
        .message("am-config/invalid-matcher", "invalid matcher \"{matcher}\": {why}", "matcher no válido \"{matcher}\": {why}"),
        .message("am-config/classic-matcher-syntax",
                 "matcher \"{matcher}\" uses the classic syntax; Alertmanager 0.27+ accepts it only in fallback mode (quote the value: name=\"value\")",
                 "el matcher \"{matcher}\" usa la sintaxis clásica; Alertmanager 0.27+ solo la acepta en modo de compatibilidad "
                 + "(pon el valor entre comillas: nombre=\"valor\")"),
        .message("am-config/zero-interval", "{key} cannot be zero", "{key} no puede ser cero"),
        .message("am-config/invalid-url", "invalid URL \"{url}\"", "URL no válida \"{url}\""),
        .message("am-config/invalid-url", "unsupported scheme \"{scheme}\" for URL", "esquema \"{scheme}\" no admitido en la URL"),
        .message("am-config/invalid-url", "missing host for URL", "falta el host en la URL"),
        .message("am-config/invalid-smarthost", "address {address}: missing port in address", "dirección {address}: falta el puerto"),
        .message("am-config/deprecated-mute-time-intervals", "top-level mute_time_intervals is deprecated; use time_intervals",
                 "mute_time_intervals en el primer nivel está obsoleto; usa time_intervals"),

        // Lints
        .message("am-lint/unused-receiver", "receiver \"{name}\" is not used by any route", "ninguna ruta usa el receiver \"{name}\""),
        .message("am-lint/group-by-without-alertname", "group_by [{labels}] does not include alertname",
                 "group_by [{labels}] no incluye alertname"),
        .message("am-lint/repeat-interval-below-group-interval", "repeat_interval {repeat} is shorter than group_interval {group}",
                 "repeat_interval {repeat} es menor que group_interval {group}"),
        .message("am-lint/deprecated-match", "{key} is deprecated (Alertmanager 0.22+); write {fix}",
                 "{key} está obsoleto (desde Alertmanager 0.22); escribe {fix}"),
    ]
}
