extension MessageCatalog {
    /// Spanish texts of `labctl check lab`: the wiring checks (`lab/*`), the answers files and Python.
    static let labEntries: [Entry] = [
        // Where a finding points: the endpoint, the query's context, the service's role.
        .phrase("scrape target \"{target}\" of job \"{job}\"", "el target \"{target}\" del job \"{job}\""),
        .phrase("Alertmanager target \"{target}\"", "el target de Alertmanager \"{target}\""),
        .phrase("datasource \"{name}\" URL \"{url}\"", "la URL \"{url}\" del datasource \"{name}\""),
        .phrase("dashboard \"{dashboard}\" panel \"{panel}\"", "el panel \"{panel}\" del dashboard \"{dashboard}\""),
        .phrase("rule \"{rule}\"", "la regla \"{rule}\""),
        .phrase("answer \"{answer}\"", "la respuesta \"{answer}\""),
        .phrase("the lab's app", "la aplicación del laboratorio"),
        .phrase("a service", "un servicio"),
        .phrase("no bind mounts", "no tiene bind mounts"),
        .phrase("the port it listens on", "el puerto en el que escucha"),
        .phrase("part of an exercise", "parte de un ejercicio"),
        .phrase("{config} has no rule_files: key", "{config} no tiene la clave rule_files:"),
        .phrase("no rule_files entry of {config} names it ({listed})", "ninguna entrada de rule_files de {config} lo nombra ({listed})"),
        .fragment("the default of ", "el valor por defecto de "),
        .fragment("the Dockerfile", "el Dockerfile"),
        .fragment("ports (container side)", "ports (lado del contenedor)"),
        .fragment("listen in the mounted nginx config", "listen de la configuración de nginx montada"),
        .fragment("(the app's metrics)", "(las métricas de la aplicación)"),
        .fragment("(the pushed jobs' metrics)", "(las métricas de los jobs que le envían datos)"),
        .fragment("(anything)", "(cualquier métrica)"),

        // Containers and networks
        .message("lab/localhost-target",
                 "{msgEndpoint} points at the {client} container itself: inside a container localhost is that container, "
                 + "not the host nor the other services; use {fix}",
                 "{msgEndpoint} apunta al propio contenedor {client}: dentro de un contenedor, localhost es ese mismo contenedor, "
                 + "no el host ni los demás servicios; usa {fix}"),
        .message("lab/localhost-target",
                 "{msgEndpoint} points at the {client} container itself: inside a container localhost is that container, "
                 + "not the host nor the other services",
                 "{msgEndpoint} apunta al propio contenedor {client}: dentro de un contenedor, localhost es ese mismo contenedor, "
                 + "no el host ni los demás servicios"),
        .message("lab/unknown-host", "{msgEndpoint}: no compose service, container_name or network alias is called \"{host}\"",
                 "{msgEndpoint}: ningún servicio de compose, container_name ni alias de red se llama \"{host}\""),
        .message("lab/no-shared-network", "{msgEndpoint}: {client} (networks: {clientNetworks}) and {service} (networks: {networks}) share no network",
                 "{msgEndpoint}: {client} (redes: {clientNetworks}) y {service} (redes: {networks}) no comparten ninguna red"),
        .message("lab/published-port",
                 "{msgEndpoint}: {port} is the port {service} publishes on the host (ports: {mapping}); containers reach it on its "
                 + "container port, use {fix}",
                 "{msgEndpoint}: {port} es el puerto que {service} publica en el host (ports: {mapping}); los contenedores llegan "
                 + "a él por su puerto de contenedor, usa {fix}"),
        .message("lab/wrong-port", "{msgEndpoint}: {service} listens on {ports} ({msgSource}), not on {port}",
                 "{msgEndpoint}: {service} escucha en {ports} ({msgSource}), no en {port}"),
        .message("lab/published-port-not-listening",
                 "{service} publishes container port {port}, but it listens on {ports} ({msgSource}): nothing answers there; publish {msgFix}",
                 "{service} publica el puerto de contenedor {port}, pero escucha en {ports} ({msgSource}): ahí no responde nadie; "
                 + "publica {msgFix}"),
        .message("lab/exporter-wrong-port",
                 "{exporter} reads {value} ({setting}), but {target} listens on {ports} ({msgSource}), not on {port}: "
                 + "point {setting2} at a port {target2} listens on",
                 "{exporter} lee {value} ({setting}), pero {target} escucha en {ports} ({msgSource}), no en {port}: "
                 + "haz que {setting2} apunte a un puerto en el que escuche {target2}"),
        .message("lab/single-dash-flag",
                 "{service}: -{flag} has one dash; {msgRole} takes long flags with two (it refuses to start): write -{fix}",
                 "{service}: -{flag} lleva un solo guion; {msgRole} usa flags largos con dos (con uno no arranca): escribe -{fix}"),
        .message("lab/docker-host-unresolved",
                 "{msgEndpoint}: {client} reaches the Docker host as {host}, which Docker on Linux does not resolve by itself; "
                 + "add to the {service} service: extra_hosts: [{hosts}]",
                 "{msgEndpoint}: {client} llega al host de Docker como {host}, que Docker en Linux no resuelve por sí solo; "
                 + "añade al servicio {service}: extra_hosts: [{hosts}]"),
        .message("lab/prometheus3-console-flags",
                 "{service}: --{flag} is for the console templates, which Prometheus 3 ({image}) no longer has; remove the flag",
                 "{service}: --{flag} es para las plantillas de consola, que Prometheus 3 ({image}) ya no incluye; quita el flag"),
        .message("lab/remote-write-receiver-off",
                 "{service} writes to {url} ({variable}), but {prometheus} runs without --web.enable-remote-write-receiver: "
                 + "every write is refused (404); add the flag to its command",
                 "{service} escribe en {url} ({variable}), pero {prometheus} se ejecuta sin --web.enable-remote-write-receiver: "
                 + "rechaza todas las escrituras (404); añade el flag a su command"),
        .message("lab/k6-command",
                 "{service}: the k6 image's entrypoint is k6, so this runs `k6 {command}` and the container exits; "
                 + "write entrypoint: [{items}] instead of command",
                 "{service}: el entrypoint de la imagen de k6 es k6, así que esto ejecuta `k6 {command}` y el contenedor termina; "
                 + "escribe entrypoint: [{items}] en lugar de command"),
        .message("lab/k6-remote-write-url",
                 "{service} has no {variable}: k6 writes to localhost:9090, which in its container is not Prometheus; set {setting}",
                 "{service} no tiene {variable}: k6 escribe en localhost:9090, que en su contenedor no es Prometheus; define {setting}"),
        .message("lab/docker-socket-not-mounted",
                 "job {job} discovers containers through {socket}, which the {service} container does not mount: "
                 + "add the volume {volume} (and user: root, the socket's group)",
                 "el job {job} descubre contenedores a través de {socket}, que el contenedor {service} no monta: "
                 + "añade el volumen {volume} (y user: root, el grupo del socket)"),
        .message("lab/wrong-service", "{msgEndpoint} reaches {service}, which runs {msgRole}, not {msgWanted}; use {fix}",
                 "{msgEndpoint} llega a {service}, que ejecuta {msgRole}, no {msgWanted}; usa {fix}"),
        .message("lab/wrong-service", "{msgEndpoint} reaches {service}, which runs {msgRole}, not {msgWanted}",
                 "{msgEndpoint} llega a {service}, que ejecuta {msgRole}, no {msgWanted}"),
        .message("lab/no-metrics-endpoint",
                 "{msgEndpoint}: {service} runs {msgRole}, which serves no Prometheus metrics; scrape its exporter {exporter}",
                 "{msgEndpoint}: {service} ejecuta {msgRole}, que no sirve métricas de Prometheus; haz scrape de su exporter {exporter}"),
        .message("lab/no-metrics-endpoint",
                 "{msgEndpoint}: {service} runs {msgRole}, which serves no Prometheus metrics; run {exporter} and scrape it",
                 "{msgEndpoint}: {service} ejecuta {msgRole}, que no sirve métricas de Prometheus; ejecuta {exporter} y haz scrape de él"),
        .message("lab/no-metrics-endpoint", "{msgEndpoint}: {service} runs {msgRole}, which serves no Prometheus metrics",
                 "{msgEndpoint}: {service} ejecuta {msgRole}, que no sirve métricas de Prometheus"),

        // Mounts
        .message("lab/config-not-mounted", "{service} reads {path}, mounted from {host}, which is not a file in the lab",
                 "{service} lee {path}, montado desde {host}, que no es un archivo del laboratorio"),
        .message("lab/config-not-mounted", "{service} reads {path} from volume {volume}; the lab's file is not used",
                 "{service} lee {path} del volumen {volume}; no se usa el archivo del laboratorio"),
        .message("lab/config-not-mounted",
                 "{service} reads its config at {path}, but no bind mount provides it ({msgBinds}); the image's default config is used",
                 "{service} lee su configuración en {path}, pero ningún bind mount la proporciona ({msgBinds}); "
                 + "se usa la configuración por defecto de la imagen"),
        .message("lab/rule-file-not-mounted",
                 "rule file \"{pattern}\" is {path} in the {service} container, which no bind mount provides ({msgBinds}); "
                 + "{beside} exists on the host: mount its directory ({mount})",
                 "el archivo de reglas \"{pattern}\" es {path} en el contenedor {service}, y ningún bind mount lo proporciona "
                 + "({msgBinds}); {beside} existe en el host: monta su directorio ({mount})"),
        .message("lab/rule-file-not-mounted",
                 "rule file \"{pattern}\" is {path} in the {service} container, which no bind mount provides ({msgBinds})",
                 "el archivo de reglas \"{pattern}\" es {path} en el contenedor {service}, y ningún bind mount lo proporciona ({msgBinds})"),
        .message("lab/rule-file-not-mounted",
                 "rule file \"{pattern}\" is {path} in the {service} container, mounted from {host}, which matches no file; "
                 + "{beside} exists on the host: mount its directory ({mount})",
                 "el archivo de reglas \"{pattern}\" es {path} en el contenedor {service}, montado desde {host}, que no coincide "
                 + "con ningún archivo; {beside} existe en el host: monta su directorio ({mount})"),
        .message("lab/rule-file-not-mounted",
                 "rule file \"{pattern}\" is {path} in the {service} container, mounted from {host}, which matches no file",
                 "el archivo de reglas \"{pattern}\" es {path} en el contenedor {service}, montado desde {host}, que no coincide "
                 + "con ningún archivo"),
        .message("lab/rule-file-not-mounted",
                 "rule file \"{pattern}\" is {path} in the {service} container, mounted from {host}, which does not exist; "
                 + "{beside} exists on the host: mount its directory ({mount})",
                 "el archivo de reglas \"{pattern}\" es {path} en el contenedor {service}, montado desde {host}, que no existe; "
                 + "{beside} existe en el host: monta su directorio ({mount})"),
        .message("lab/rule-file-not-mounted",
                 "rule file \"{pattern}\" is {path} in the {service} container, mounted from {host}, which does not exist",
                 "el archivo de reglas \"{pattern}\" es {path} en el contenedor {service}, montado desde {host}, que no existe"),
        .message("lab/rule-file-not-mounted",
                 "rule file \"{pattern}\" is {path} in the {service} container, inside volume {volume}: the lab's rule files are not there",
                 "el archivo de reglas \"{pattern}\" es {path} en el contenedor {service}, dentro del volumen {volume}: "
                 + "ahí no están los archivos de reglas del laboratorio"),
        .message("lab/rule-file-not-listed",
                 "rule file {file} is never loaded: {msgWhy}; Prometheus does not evaluate its rules. Add it: rule_files: [{entry}] "
                 + "(and mount it where prometheus.yml is in the container)",
                 "el archivo de reglas {file} nunca se carga: {msgWhy}; Prometheus no evalúa sus reglas. Añádelo: "
                 + "rule_files: [{entry}] (y móntalo donde está prometheus.yml dentro del contenedor)"),
        .note("lab/rule-file-not-listed", "rule_files of the Prometheus configuration", "rule_files de la configuración de Prometheus"),
        .message("lab/provisioning-not-mounted",
                 "{file} is not mounted into the {service} container, which reads provisioning from {path}; "
                 + "mount the directory (for example {example})",
                 "{file} no está montado en el contenedor {service}, que lee el aprovisionamiento de {path}; "
                 + "monta el directorio (por ejemplo {example})"),
        .message("lab/dashboards-not-mounted", "dashboard provider \"{name}\" loads {path}, mounted from {host}, which holds no dashboard JSON",
                 "el proveedor de dashboards \"{name}\" carga {path}, montado desde {host}, que no contiene ningún JSON de dashboard"),
        .message("lab/dashboards-not-mounted",
                 "dashboard provider \"{name}\" loads {path}, inside volume {volume} of {service}: the lab's dashboards are not there",
                 "el proveedor de dashboards \"{name}\" carga {path}, dentro del volumen {volume} de {service}: "
                 + "ahí no están los dashboards del laboratorio"),
        .message("lab/dashboards-not-mounted", "dashboard provider \"{name}\" loads {path}, which no bind mount of {service} provides ({msgBinds})",
                 "el proveedor de dashboards \"{name}\" carga {path}, que ningún bind mount de {service} proporciona ({msgBinds})"),
        .message("lab/link-outside-lab",
                 "{path} is a symbolic link to {destination} that cannot be resolved (dangling or a loop); "
                 + "remove it or point it at a file of the lab",
                 "{path} es un enlace simbólico a {destination} que no se puede resolver (roto o en bucle); "
                 + "bórralo o haz que apunte a un archivo del laboratorio"),
        .message("lab/link-outside-lab",
                 "{path} is a symbolic link to {destination}, outside the lab ({real}); labctl does not follow it and a container "
                 + "mounting it sees the host's files: copy what you need into the lab instead",
                 "{path} es un enlace simbólico a {destination}, fuera del laboratorio ({real}); labctl no lo sigue y un contenedor "
                 + "que lo monte ve los archivos del host: copia dentro del laboratorio lo que necesites"),
        .message("lab/not-a-lab", "{directory}: not a directory (it is a file; give the lab's folder)",
                 "{directory}: no es un directorio (es un archivo; indica la carpeta del laboratorio)"),
        .message("lab/not-a-lab", "{directory}: not a directory (it does not exist)", "{directory}: no es un directorio (no existe)"),
        .message("lab/not-a-lab",
                 "{directory}: no docker-compose.yml, prometheus/prometheus.yml, alertmanager/alertmanager.yml or grafana/provisioning found",
                 "{directory}: no hay docker-compose.yml, prometheus/prometheus.yml, alertmanager/alertmanager.yml ni grafana/provisioning"),

        // Alerts, jobs and metrics
        .message("lab/alerts-not-sent", "alert \"{alert}\" will fire in Prometheus but is never sent: {file} has no alerting.alertmanagers",
                 "la alerta \"{alert}\" saltará en Prometheus pero nunca se enviará: {file} no tiene alerting.alertmanagers"),
        .message("lab/route-never-matches",
                 "route matcher {matcher} matches none of the lab's alerts: their {label} values are {values} "
                 + "(label values are case-sensitive); did you mean {fix}?",
                 "el matcher de ruta {matcher} no coincide con ninguna alerta del laboratorio: sus valores de {label} son {values} "
                 + "(los valores de las labels distinguen mayúsculas de minúsculas); ¿quisiste decir {fix}?"),
        .message("lab/route-never-matches",
                 "route matcher {matcher} matches none of the lab's alerts: their {label} values are {values} (label values are case-sensitive)",
                 "el matcher de ruta {matcher} no coincide con ninguna alerta del laboratorio: sus valores de {label} son {values} "
                 + "(los valores de las labels distinguen mayúsculas de minúsculas)"),
        .message("lab/route-never-matches",
                 "inhibit rule {side}matchers entry {matcher} matches none of the lab's alerts: their {label} values are {values} "
                 + "(label values are case-sensitive); did you mean {fix}?",
                 "la entrada de {side}matchers de la regla de inhibición {matcher} no coincide con ninguna alerta del laboratorio: "
                 + "sus valores de {label} son {values} (los valores de las labels distinguen mayúsculas de minúsculas); "
                 + "¿quisiste decir {fix}?"),
        .message("lab/route-never-matches",
                 "inhibit rule {side}matchers entry {matcher} matches none of the lab's alerts: their {label} values are {values} "
                 + "(label values are case-sensitive)",
                 "la entrada de {side}matchers de la regla de inhibición {matcher} no coincide con ninguna alerta del laboratorio: "
                 + "sus valores de {label} son {values} (los valores de las labels distinguen mayúsculas de minúsculas)"),
        .message("lab/unknown-job", "{msgContext} selects job=\"{job}\", but prometheus.yml has no such job (jobs: {jobs})",
                 "{msgContext} selecciona job=\"{job}\", pero prometheus.yml no tiene ese job (jobs: {jobs})"),
        .message("lab/unknown-metric", "{msgContext} queries {metric}, which no scrape job produces (jobs: {msgJobs})",
                 "{msgContext} consulta {metric}, que ningún job de scrape produce (jobs: {msgJobs})"),
        .message("lab/unknown-metric", "{msgContext} queries {metric} with job=\"{job}\", but job {job2} does not produce it",
                 "{msgContext} consulta {metric} con job=\"{job}\", pero el job {job2} no la produce"),
        .message("lab/redis-no-maxmemory",
                 "{msgContext} reads redis_memory_max_bytes, but {service} runs without --maxmemory, so it is 0 (division gives +Inf); "
                 + "start Redis with redis-server --maxmemory 256mb, and divide by (redis_memory_max_bytes > 0)",
                 "{msgContext} lee redis_memory_max_bytes, pero {service} se ejecuta sin --maxmemory, así que vale 0 "
                 + "(la división da +Inf); arranca Redis con redis-server --maxmemory 256mb y divide entre (redis_memory_max_bytes > 0)"),
        .message("lab/todo", "still to do: {msgWhat}", "pendiente: {msgWhat}"),

        // Python
        .message("lab/python-missing-import",
                 "{module}.… is used but {module2} is never imported in this file: NameError when this line runs; add `import {module3}` at the top",
                 "se usa {module}.… pero {module2} no se importa en este archivo: NameError al ejecutar esta línea; "
                 + "añade `import {module3}` al principio"),
        .message("lab/python-requirement-missing",
                 "{file} lacks {packages}, which the sources import (ModuleNotFoundError when the service starts); "
                 + "add them, keeping the existing lines",
                 "a {file} le falta {packages}, que importa el código (ModuleNotFoundError al arrancar el servicio); "
                 + "añádelos sin quitar las líneas que ya tiene"),
        .message("lab/python-blocking-client",
                 "the synchronous redis client blocks the event loop of the async endpoints; "
                 + "use `from redis import asyncio as aioredis` and `await` its calls",
                 "el cliente síncrono de redis bloquea el event loop de los endpoints async; "
                 + "usa `from redis import asyncio as aioredis` y haz `await` de sus llamadas"),
        .message("lab/python-decorator-pitfall",
                 "@asyncio.create_task is not a decorator: it runs when the module is imported, with no event loop, and the import fails; "
                 + "start the task in FastAPI's lifespan: {example}",
                 "@asyncio.create_task no es un decorador: se ejecuta al importar el módulo, sin event loop, y la importación falla; "
                 + "arranca la tarea en el lifespan de FastAPI: {example}"),
        .message("lab/python-decorator-pitfall",
                 "memory_profiler's @profile does not measure coroutines (only the creation of the coroutine object); "
                 + "measure around the await, e.g. with tracemalloc",
                 "el @profile de memory_profiler no mide corrutinas (solo la creación del objeto corrutina); "
                 + "mide alrededor del await, por ejemplo con tracemalloc"),

        // Students' PromQL answer files
        .message("promql-answers/parse-error",
                 "answer {answer}: could not parse the query: {msgWhy} (grouping labels go in parentheses: {fix})",
                 "respuesta {answer}: no se puede analizar la consulta: {msgWhy} (las labels de agrupación van entre paréntesis: {fix})"),
        .message("promql-answers/parse-error", "answer {answer}: could not parse the query: {msgWhy}",
                 "respuesta {answer}: no se puede analizar la consulta: {msgWhy}"),
        .message("promql-answers/not-a-vector",
                 "answer {answer}: the query is a string literal, not a PromQL expression; write the query itself",
                 "respuesta {answer}: la consulta es un literal de texto, no una expresión PromQL; escribe la consulta tal cual"),
        .message("promql-answers/invalid", "no `answers:` mapping: write one query per exercise under answers:",
                 "falta el mapa `answers:`: escribe una consulta por ejercicio bajo answers:"),
        .message("promql-answers/invalid", "{file}: cannot be read (or is larger than 1 MiB)",
                 "{file}: no se puede leer (o ocupa más de 1 MiB)"),
    ]
}
