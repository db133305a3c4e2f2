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

    /// The separator's byte when it is ASCII (`Character.asciiValue` per field cost as
    /// much as scanning the field).
    var separatorByte: UInt8? {
        let utf8 = separator.utf8
        guard utf8.count == 1, let byte = utf8.first, byte < 0x80 else { return nil }
        return byte
    }

    /// One record, fields encoded and separated, ended by `lineEnding`:
    /// `["鄂尔多斯市", "a \"b\""]` gives `鄂尔多斯市,"a ""b"""` and a line break.
    public func row(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        append(fields, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A header record then one record per row: `document(header: ["单位", "金额"], rows: [["甲市", "1.00"]])`.
    /// An empty header writes no header line; rows may have different lengths.
    public func document(header: [String], rows: [[String]]) -> String {
        var bytes: [UInt8] = []
        if !header.isEmpty { append(header, to: &bytes) }
        for fields in rows { append(fields, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `row(fields)` appended to `bytes` as UTF-8. A document is built in one byte buffer:
    /// a string per field and per row, and `String.append` per separator, cost more than
    /// the extraction of the report's figures.
    public func append(_ fields: [String], to bytes: inout [UInt8]) {
        appendFields(fields, to: &bytes)
        bytes += lineEnding.utf8
    }

    /// The fields of a row without its line ending, to be continued (`CSVRowBuilder` builds
    /// rows field by field).
    public func appendFields(_ fields: [String], to bytes: inout [UInt8]) {
        let separatorByte = self.separatorByte
        let tab = isTabSeparated
        let separatorBytes = Array(separator.utf8)
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes += separatorBytes }
            appendField(field, separatorByte: separatorByte, tab: tab, to: &bytes)
        }
    }

    /// One field encoded into `bytes`: cleaned for TSV (`tab`), quoted when CSV needs it, else
    /// as it is; `separatorByte` and `tab` are `self.separatorByte` and `isTabSeparated`,
    /// looked up once per row.
    func appendField(_ field: String, separatorByte: UInt8?, tab: Bool, to bytes: inout [UInt8]) {
        // Read from the string's own UTF-8 storage, once: through `String.UTF8View`'s indices each
        // byte cost ten instructions, and `unicodeScalars.first/last` more than the scan.
        let read: Void? = field.utf8.withContiguousStorageIfAvailable {
            appendField(field, utf8: $0, separatorByte: separatorByte, tab: tab, to: &bytes)
        }
        if read == nil {
            var storage = field
            storage.withUTF8 { appendField(field, utf8: $0, separatorByte: separatorByte, tab: tab, to: &bytes) }
        }
    }

    /// `appendField` given the field's UTF-8.
    private func appendField(_ field: String, utf8: UnsafeBufferPointer<UInt8>, separatorByte: UInt8?, tab: Bool,
                             to bytes: inout [UInt8]) {
        if tab {
            Self.appendCleaned(utf8, to: &bytes)
        } else if needsQuotes(field, utf8: utf8, separatorByte: separatorByte) {
            Self.appendQuoted(utf8, to: &bytes)
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// The field as CSV: quoted, with its quotes doubled, when it holds the separator, a
    /// quote, CR or LF, or starts or ends with white space (which readers may trim);
    /// otherwise unchanged. `a,b` gives `"a,b"`; `甲市` stays `甲市`.
    func quotedIfNeeded(_ field: String) -> String {
        var storage = field
        let needed = storage.withUTF8 { needsQuotes(field, utf8: $0, separatorByte: separatorByte) }
        return needed ? quoted(field) : field
    }

    /// Whether `quotedIfNeeded` quotes `field` (whose UTF-8 is `utf8`); `separatorByte` is
    /// `self.separatorByte`, looked up once per row.
    private func needsQuotes(_ field: String, utf8: UnsafeBufferPointer<UInt8>, separatorByte: UInt8?) -> Bool {
        if let byte = separatorByte {
            // Sixteen bytes at a step, the last step ending at the field's end (a byte read twice
            // changes nothing): a snippet is a hundred bytes or more, and eight at a time with
            // four tests per word cost six instructions a byte.
            if utf8.count >= 16 { return Self.holdsSpecial(utf8, separatorByte: byte) || Self.hasEdgeSpace(field, utf8: utf8) }
            // Eight bytes at a time (`ByteSearch`), then the last few one by one.
            var i = 0
            while i + 8 <= utf8.count {
                let word = ByteSearch.word(utf8, at: i)
                let special = ByteSearch.has(word, byte) | ByteSearch.has(word, 0x22) | ByteSearch.has(word, 0x0D)
                    | ByteSearch.has(word, 0x0A)
                if special != 0 { return true }
                i += 8
            }
            while i < utf8.count {
                let b = utf8[i]
                if b == byte || b == 0x22 || b == 0x0D || b == 0x0A { return true }
                i += 1
            }
        } else {
            let special = Set(separator.unicodeScalars).union(["\"", "\r", "\n"])
            if field.unicodeScalars.contains(where: { special.contains($0) }) { return true }
        }
        return Self.hasEdgeSpace(field, utf8: utf8)
    }

    /// Whether `utf8` (at least sixteen bytes) holds `separatorByte`, a quote, CR or LF.
    static func holdsSpecial(_ utf8: UnsafeBufferPointer<UInt8>, separatorByte byte: UInt8) -> Bool {
        guard let base = utf8.baseAddress, utf8.count >= 16 else { return false }
        let raw = UnsafeRawPointer(base)
        let separator = SIMD16<UInt8>(repeating: byte)
        let quote = SIMD16<UInt8>(repeating: 0x22)
        let cr = SIMD16<UInt8>(repeating: 0x0D)
        let lf = SIMD16<UInt8>(repeating: 0x0A)
        var i = 0
        while true {
            let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            if any((v .== separator) .| (v .== quote) .| (v .== cr) .| (v .== lf)) { return true }
            if i == utf8.count &- 16 { return false }
            i = min(i &+ 16, utf8.count &- 16)
        }
    }

    /// Whether the first or the last `Character` of `field` is white space.
    static func hasEdgeSpace(_ field: String) -> Bool {
        var storage = field
        return storage.withUTF8 { hasEdgeSpace(field, utf8: $0) }
    }

    /// `hasEdgeSpace` given the field's UTF-8.
    ///
    /// A `Character` is white space when its first scalar is, so the first character is
    /// decided by the first scalar. The last needs grapheme breaking backwards, which cost
    /// more than the rest of the row; it is skipped when the last scalar cannot be part of a
    /// longer cluster's tail and is not white space (an ASCII letter, digit or mark, a CJK
    /// ideograph or punctuation mark): a cluster ending there starts with it or with a
    /// prepended mark, neither of which is white space.
    static func hasEdgeSpace(_ field: String, utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return false }
        // Printable ASCII at both ends (a number, a name in letters): neither end is white space.
        if (0x21...0x7E).contains(firstByte) && (0x21...0x7E).contains(lastByte) { return false }
        let first = scalarValue(in: utf8, at: 0)
        if isPlainNonSpace(first) {
            // Not white space: the first character is not.
        } else if first < 0x80 ? first == 0x20 || (0x09...0x0D).contains(first) : Unicode.Scalar(first)?.properties.isWhitespace ?? false {
            return true
        }
        var start = utf8.count - 1
        while start > 0, utf8[start] & 0xC0 == 0x80 { start -= 1 }
        if isPlainNonSpace(scalarValue(in: utf8, at: start)) { return false }
        return field.last?.isWhitespace ?? false
    }

    /// Scalars that are never white space and always a character of their own (grapheme
    /// cluster break property Other): printable ASCII, CJK punctuation and ideographs, full-width forms.
    private static func isPlainNonSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x21...0x7E, 0x3001...0x3011, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    /// The value of the scalar whose UTF-8 starts at `index` (well-formed, as a `String`'s is).
    private static func scalarValue(in utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        let lead = UInt32(utf8[index])
        func next(_ k: Int) -> UInt32 { index + k < utf8.count ? UInt32(utf8[index + k] & 0x3F) : 0 }
        switch lead {
        case ..<0x80: return lead
        case ..<0xE0: return (lead & 0x1F) << 6 | next(1)
        case ..<0xF0: return (lead & 0x0F) << 12 | next(1) << 6 | next(2)
        default: return (lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)
        }
    }

    /// The field quoted, its quotes doubled.
    func quoted(_ field: String) -> String {
        var bytes: [UInt8] = []
        var storage = field
        storage.withUTF8 { Self.appendQuoted($0, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `quoted` appended as UTF-8: a quote is one byte whatever the text around it.
    /// Copied a run at a time, each run up to and including a quote, which is then doubled.
    static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        var run = 0
        for (i, byte) in utf8.enumerated() where byte == 0x22 {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...i]))
            bytes.append(0x22)
            run = i + 1
        }
        if run < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...])) }
        bytes.append(0x22)
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

    /// `cleaned` on UTF-8, appended to `bytes`: tab, CR and LF are single bytes that never occur
    /// inside another scalar's UTF-8, so the field is copied a run at a time between them.
    static func appendCleaned(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        // Most fields hold none: eight bytes at a time (`ByteSearch`) tell, and the field is one copy.
        var i = 0
        while i + 8 <= utf8.count {
            let word = ByteSearch.word(utf8, at: i)
            if ByteSearch.has(word, 0x09) | ByteSearch.has(word, 0x0A) | ByteSearch.has(word, 0x0D) != 0 { break }
            i += 8
        }
        if i + 8 > utf8.count && !utf8[i...].contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            bytes.append(contentsOf: utf8)
            return
        }
        var run = 0
        var afterCR = false
        for (i, b) in utf8.enumerated() where b == 0x09 || b == 0x0A || b == 0x0D {
            if run < i {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                afterCR = false
            }
            run = i + 1
            if b == 0x0A && afterCR {
                afterCR = false // the LF of a CR LF: its space is already written
                continue
            }
            bytes.append(UInt8(ascii: " "))
            afterCR = b == 0x0D
        }
        if run < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...])) }
    }
}
