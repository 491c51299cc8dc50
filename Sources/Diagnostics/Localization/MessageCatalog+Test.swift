extension MessageCatalog {
    /// Spanish texts of `labctl test rules` and `labctl test promql` input errors.
    static let testEntries: [Entry] = [
        .message("rule-test/io", "{path}: is a directory, expected a test file (.yml)",
                 "{path}: es un directorio; se esperaba un archivo de tests (.yml)"),
        .message("rule-test/io", "{path}: not a regular file", "{path}: no es un archivo normal"),
        .message("rule-test/io", "open {path}: no such file or directory", "abrir {path}: no existe el archivo o el directorio"),
        .message("rule-test/io", "{path}: the file is larger than {n} bytes", "{path}: el archivo ocupa más de {n} bytes"),
        .message("rule-test/invalid-duration", "invalid {what} \"{text}\": {msgWhy}", "{what} no válido \"{text}\": {msgWhy}"),
    ]
}
