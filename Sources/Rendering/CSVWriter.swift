/// Builds CSV (RFC 4180) or TSV text from rows of fields: `["甲市", "3,332.37"]` becomes
/// `甲市,"3,332.37"`.
///
/// Why a writer and not `joined(separator: ",")`: report titles contain commas, quotes
/// (`关于"三公"经费的说明`) and line breaks, and each must survive a round trip through a
/// spreadsheet. CSV quotes such a field and doubles its quotes. TSV has no quoting standard —
/// most readers split on every tab and line break — so in TSV mode (`separator: "\t"`) a tab,
/// CR or LF inside a field becomes a single space instead (CR LF counts as one break).
///
/// Every row ends with `lineEnding`. No byte order mark is added: whether Excel needs
/// `utf8BOM` in front is the caller's decision.
public struct CSVWriter: Sendable, Hashable {
    /// What separates fields: `,` for CSV, a tab for TSV.
    public var separator: Character
    /// What ends every row: `\n`, or `\r\n` for strict RFC 4180.
    public var lineEnding: String

    /// Comma-separated values, rows ended by `\n`.
    public static let csv = CSVWriter()
    /// Tab-separated values, rows ended by `\n`; fields are cleaned, never quoted.
    public static let tsv = CSVWriter(separator: "\t")
    /// U+FEFF, which makes Excel read a UTF-8 CSV as UTF-8 rather than the local code page.
    public static let utf8BOM = "\u{FEFF}"

    public init(separator: Character = ",", lineEnding: String = "\n") {
        self.separator = separator
        self.lineEnding = lineEnding
    }

    /// True for TSV, which replaces breaks instead of quoting.
    var isTabSeparated: Bool { separator == "\t" }

    /// One record, fields encoded and separated, ended by `lineEnding`:
    /// `["鄂尔多斯市", "a \"b\""]` gives `鄂尔多斯市,"a ""b"""` and a line break.
    public func row(_ fields: [String]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(separator) }
            line += isTabSeparated ? cleaned(field) : quotedIfNeeded(field)
        }
        return line + lineEnding
    }

    /// A header record then one record per row: `document(header: ["单位", "金额"], rows: [["甲市", "1.00"]])`.
    /// An empty header writes no header line; rows may have different lengths.
    public func document(header: [String], rows: [[String]]) -> String {
        var text = header.isEmpty ? "" : row(header)
        for fields in rows { text += row(fields) }
        return text
    }

    /// The field as CSV: quoted, with its quotes doubled, when it holds the separator, a
    /// quote, CR or LF, or starts or ends with white space (which readers may trim);
    /// otherwise unchanged. `a,b` gives `"a,b"`; `甲市` stays `甲市`.
    func quotedIfNeeded(_ field: String) -> String {
        let hasSpecial: Bool
        if let byte = separator.asciiValue {
            // The usual case, one pass over the bytes: a row of an extract run writes a dozen fields.
            hasSpecial = field.utf8.contains { $0 == byte || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        } else {
            let special = Set(separator.unicodeScalars).union(["\"", "\r", "\n"])
            hasSpecial = field.unicodeScalars.contains { special.contains($0) }
        }
        let edgeSpace = (field.first?.isWhitespace ?? false) || (field.last?.isWhitespace ?? false)
        guard hasSpecial || edgeSpace else { return field }
        var quoted = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        quoted.unicodeScalars.append("\"")
        return quoted
    }

    /// The field as TSV: each tab, CR, LF or CR LF replaced by one space.
    /// `"第一行\r\n第二行"` gives `第一行 第二行`.
    func cleaned(_ field: String) -> String {
        var out = ""
        var afterCR = false
        for scalar in field.unicodeScalars {
            switch scalar {
            case "\n" where afterCR:
                afterCR = false // the LF of a CR LF: its space is already written
            case "\t", "\n":
                out.unicodeScalars.append(" ")
                afterCR = false
            case "\r":
                out.unicodeScalars.append(" ")
                afterCR = true
            default:
                out.unicodeScalars.append(scalar)
                afterCR = false
            }
        }
        return out
    }
}
