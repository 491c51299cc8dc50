// MARK: - Built-in templates

extension AlertmanagerTemplates {
    /// Our own small versions of the template names receivers refer to by default. They follow the
    /// layout Alertmanager users expect (`[FIRING:2] HighLoad node (critical)` subjects) but are
    /// written for labctl and simpler than Alertmanager's bundled `default.tmpl`:
    ///
    /// - `__alertmanager`, `__alertmanagerURL`, `__subject`, `__description`, `__text_alert_list`
    /// - `email.default.subject`, `email.default.html` (a plain HTML list, no styling, with each firing
    ///   alert's labels and annotations; values are escaped with `html`, except in the subject line, as
    ///   text/template cannot pipe a template's output)
    /// - `slack.default.title`, `slack.default.titlelink`, `slack.default.username`, `slack.default.fallback`,
    ///   `slack.default.text` (a text list of the alerts)
    /// - `webhook.default.message`-style text: `__text_alert_list` may be used directly.
    public static let defaultTemplatesText = #"""
    {{ define "__alertmanager" }}Alertmanager{{ end }}
    {{ define "__alertmanagerURL" }}{{ .ExternalURL }}/#/alerts?receiver={{ .Receiver | urlquery }}{{ end }}
    {{ define "__subject" -}}
    [{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}]
    {{- with .GroupLabels.SortedPairs.Values }} {{ join " " . }}{{ end }}
    {{- if gt (len .CommonLabels) (len .GroupLabels) }}
    {{- with .CommonLabels.Remove .GroupLabels.Names }} ({{ join " " .Values }}){{ end }}
    {{- end }}
    {{- end }}
    {{ define "__description" }}{{ .CommonAnnotations.description }}{{ end }}
    {{ define "__text_alert_list" -}}
    {{ range . -}}
    * {{ .Labels.alertname }} ({{ .Status }}){{ with .Annotations.summary }}: {{ . }}{{ end }}
    {{ range .Labels.SortedPairs }}  {{ .Name }}={{ .Value }}
    {{ end }}{{ with .GeneratorURL }}  source: {{ . }}
    {{ end }}{{ end }}
    {{- end }}
    {{ define "email.default.subject" }}{{ template "__subject" . }}{{ end }}
    {{ define "email.default.html" -}}
    <!DOCTYPE html>
    <html><head><meta charset="UTF-8"><title>{{ template "__subject" . }}</title></head>
    <body>
    <h1>{{ template "__subject" . }}</h1>
    {{ with .Alerts.Firing -}}
    <h2>Firing ({{ len . }})</h2>
    <ul>
    {{ range . }}<li><b>{{ .Labels.alertname | html }}</b>{{ with .Annotations.summary }}: {{ html . }}{{ end }}<br>
    {{ range .Labels.SortedPairs }}{{ .Name | html }}={{ .Value | html }} {{ end }}{{ with .GeneratorURL }}<a href="{{ html . }}">source</a>{{ end }}
    {{- range .Annotations.SortedPairs }}<br>
    <i>{{ .Name | html }}</i>: {{ .Value | html }}{{ end }}</li>
    {{ end }}</ul>
    {{ end -}}
    {{ with .Alerts.Resolved -}}
    <h2>Resolved ({{ len . }})</h2>
    <ul>
    {{ range . }}<li><b>{{ .Labels.alertname | html }}</b>{{ with .Annotations.summary }}: {{ html . }}{{ end }}</li>
    {{ end }}</ul>
    {{ end -}}
    <p><a href="{{ template "__alertmanagerURL" . }}">{{ template "__alertmanager" . }}</a></p>
    </body></html>
    {{- end }}
    {{ define "slack.default.title" }}{{ template "__subject" . }}{{ end }}
    {{ define "slack.default.username" }}{{ template "__alertmanager" . }}{{ end }}
    {{ define "slack.default.titlelink" }}{{ template "__alertmanagerURL" . }}{{ end }}
    {{ define "slack.default.fallback" }}{{ template "slack.default.title" . }} | {{ template "slack.default.titlelink" . }}{{ end }}
    {{ define "slack.default.text" }}{{ template "__text_alert_list" .Alerts }}{{ end }}
    """#
}
