extension MessageCatalog {
    /// Spanish texts of docker-compose files: `docker compose config`'s validation and the `compose-lint/*` lints.
    static let composeEntries: [Entry] = [
        .message("compose/obsolete-version", "the attribute `version` is obsolete, it will be ignored",
                 "el atributo `version` está obsoleto y se ignora"),
        .message("compose/no-image", "service \"{service}\" has neither an image nor a build context specified",
                 "el servicio \"{service}\" no tiene ni image ni build"),
        .message("compose/undefined-volume", "service \"{service}\" refers to undefined volume {volume}",
                 "el servicio \"{service}\" usa el volumen {volume}, que no está definido"),
        .message("compose/missing-bind-source",
                 "bind mount source {source} does not exist beside the compose file; Docker will create an empty directory there",
                 "el origen del bind mount {source} no existe junto al archivo compose; Docker creará ahí un directorio vacío"),
        .message("compose/undefined-network", "service \"{service}\" refers to undefined network {network}",
                 "el servicio \"{service}\" usa la red {network}, que no está definida"),
        .message("compose/undefined-dependency", "Service '{service}' depends on service '{other}' which is undefined.",
                 "el servicio '{service}' depende del servicio '{other}', que no está definido"),
        .message("compose/undefined-dependency", "service \"{service}\" depends on itself", "el servicio \"{service}\" depende de sí mismo"),
        .message("compose/dependency-cycle", "dependency cycle detected: {cycle}", "dependencias circulares: {cycle}"),
        .message("compose/dependency-without-healthcheck",
                 "service \"{service}\" waits for \"{other}\" to be healthy, but \"{other}\" has no healthcheck",
                 "el servicio \"{service}\" espera a que \"{other}\" esté healthy, pero \"{other}\" no tiene healthcheck"),
        .message("compose/container-name-conflict", "container name \"{name}\" is used by services \"{a}\" and \"{b}\"",
                 "los servicios \"{a}\" y \"{b}\" usan el mismo container_name \"{name}\""),
        .message("compose/host-port-conflict", "host port {port} of service \"{service}\" is already published by service \"{other}\"",
                 "el puerto del host {port} del servicio \"{service}\" ya lo publica el servicio \"{other}\""),
        .message("compose/invalid-restart", "invalid restart policy \"{policy}\": expected no, always, on-failure[:N] or unless-stopped",
                 "política de reinicio no válida \"{policy}\": se esperaba no, always, on-failure[:N] o unless-stopped"),
        .message("compose/invalid-environment", "invalid environment entry \"{entry}\"", "entrada de environment no válida \"{entry}\""),

        // Lints
        .message("compose-lint/latest-tag", "service \"{service}\" uses image \"{image}\" without a pinned version",
                 "el servicio \"{service}\" usa la imagen \"{image}\" sin fijar la versión"),
        .message("compose-lint/no-restart-policy", "service \"{service}\" has no restart policy (add restart: unless-stopped)",
                 "el servicio \"{service}\" no tiene política de reinicio (añade restart: unless-stopped)"),
    ]
}
