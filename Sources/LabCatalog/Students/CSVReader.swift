import Diagnostics

/// One field of a CSV record, with where it starts.
public struct CSVField: Sendable, Hashable {
    public var value: String
    /// 1-based line and column (in Unicode scalars) of the field's first character.
    public var line: Int
    public var column: Int

    public init(value: String, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

/// One CSV record (a row); ``line`` is the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    public var fields: [CSVField]
    public var line: Int

    public init(fields: [CSVField], line: Int) {
        self.fields = fields
        self.line = line
    }

    /// The values of the fields.
    public var values: [String] { fields.map(\.value) }
}

/// Why a CSV text could not be read, with where.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public var description: String { "\(line):\(column): \(message)" }
}

/// A small RFC 4180 reader: fields separated by a delimiter (`,` by default), optionally quoted with
/// `"`; inside quotes `""` is a quote and line breaks are kept. Records end with CRLF, LF or CR.
/// A UTF-8 byte order mark at the start is skipped; blank lines are ignored.
///
/// Strict where RFC 4180 is: a quote inside an unquoted field, text after a closing quote and an
/// unterminated quoted field are errors with their line and column. Sizes are bounded.
public struct CSVReader: Sendable {
    /// The field separator.
    public var delimiter: Unicode.Scalar
    /// The most records read (header included).
    public var maxRecords: Int
    /// The most fields in one record.
    public var maxFields: Int
    /// The longest field, in Unicode scalars.
    public var maxFieldLength: Int

    public init(delimiter: Unicode.Scalar = ",", maxRecords: Int = 100_000, maxFields: Int = 256,
                maxFieldLength: Int = 4_096) {
        self.delimiter = delimiter
        self.maxRecords = maxRecords
        self.maxFields = maxFields
        self.maxFieldLength = maxFieldLength
    }

    /// The delimiter a text most likely uses: `;` or a tab when its first line has one of them and
    /// no comma (spreadsheets in Spanish locales export `;`), else `,`.
    public static func detectDelimiter(in text: String) -> Unicode.Scalar {
        var commas = 0, semicolons = 0, tabs = 0
        var inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if scalar == "\n" || scalar == "\r" { break }
            switch scalar {
            case ",": commas += 1
            case ";": semicolons += 1
            case "\t": tabs += 1
            default: break
            }
        }
        if commas == 0, semicolons > 0 { return ";" }
        if commas == 0, tabs > 0 { return "\t" }
        return ","
    }

    // MARK: - Reading

    /// Every non-blank record of `text`.
    public func read(_ text: String) throws -> [CSVRecord] {
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var records: [CSVRecord] = []
        var fields: [CSVField] = []
        var field = String.UnicodeScalarView()
        var fieldLength = 0
        var line = 1, column = 1
        var fieldLine = 1, fieldColumn = 1
        var recordLine = 1
        var quoted = false        // the current field started with a quote
        var inQuotes = false      // inside the quotes of the current field
        var afterClosingQuote = false
        var fieldStarted = false  // a character of the current record was seen

        func endField() throws {
            guard fields.count < maxFields else {
                throw CSVError(message: "more than \(maxFields) fields in one record", line: fieldLine, column: fieldColumn)
            }
            fields.append(CSVField(value: String(field), line: fieldLine, column: fieldColumn))
            field = String.UnicodeScalarView()
            fieldLength = 0
            quoted = false
            afterClosingQuote = false
        }

        func endRecord() throws {
            try endField()
            let blank = fields.count == 1 && fields[0].value.isEmpty && !fieldStarted
            if !blank {
                guard records.count < maxRecords else {
                    throw CSVError(message: "more than \(maxRecords) records", line: recordLine, column: 1)
                }
                records.append(CSVRecord(fields: fields, line: recordLine))
            }
            fields = []
            fieldStarted = false
        }

        func append(_ scalar: Unicode.Scalar) throws {
            fieldLength += 1
            guard fieldLength <= maxFieldLength else {
                throw CSVError(message: "field longer than \(maxFieldLength) characters", line: fieldLine, column: fieldColumn)
            }
            field.append(scalar)
        }

        var index = scalars.startIndex
        var atFieldStart = true
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if atFieldStart {
                fieldLine = line
                fieldColumn = column
                if fields.isEmpty { recordLine = line }
                atFieldStart = false
            }
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        try append("\"")
                        index = scalars.index(after: index)
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                    column += 1
                    continue
                }
                try append(scalar)
                if scalar == "\n" || (scalar == "\r" && !(index < scalars.endIndex && scalars[index] == "\n")) {
                    line += 1
                    column = 1
                } else if scalar != "\r" {
                    column += 1
                }
                continue
            }
            if scalar == delimiter {
                try endField()
                fieldStarted = true
                atFieldStart = true
                column += 1
                continue
            }
            if scalar == "\r" || scalar == "\n" {
                if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" {
                    index = scalars.index(after: index)
                }
                try endRecord()
                line += 1
                column = 1
                atFieldStart = true
                continue
            }
            if afterClosingQuote {
                throw CSVError(message: "unexpected \"\(scalar.escaped(asASCII: true))\" after the closing quote of a field; "
                               + "put the whole field in quotes and double quotes inside it (\"\")",
                               line: line, column: column)
            }
            if scalar == "\"" {
                guard field.isEmpty, !quoted else {
                    throw CSVError(message: "quote inside an unquoted field; quote the whole field and double the quote (\"\")",
                                   line: line, column: column)
                }
                quoted = true
                inQuotes = true
                fieldStarted = true
                column += 1
                continue
            }
            fieldStarted = true
            try append(scalar)
            column += 1
        }
        if inQuotes {
            throw CSVError(message: "quoted field is not closed (missing \")", line: fieldLine, column: fieldColumn)
        }
        if !atFieldStart || !fields.isEmpty {
            try endRecord()
        }
        return records
    }
}
