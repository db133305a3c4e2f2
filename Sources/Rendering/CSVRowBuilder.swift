/// CSV or TSV rows built field by field straight into UTF-8, byte for byte as `CSVWriter.row`
/// writes the same fields as strings:
///
/// ```
/// var rows = CSVRowBuilder(.csv)
/// rows.field("甲市")
/// rows.field(2024)
/// rows.field("3,332.37")
/// rows.endRow()                 // rows.bytes: 甲市,2024,"3,332.37" and a line break
/// ```
///
/// Why: `extract` writes 22 rows of 15 fields per report, and `compare` as many into
/// metrics.csv; an array of strings per row — integers and flag lists made into strings first,
/// the writer's separator looked up again per row — cost more than encoding the fields.
public struct CSVRowBuilder: Sendable {
    /// The rows written so far, each ended by the writer's line ending, then the fields of a
    /// row not yet ended.
    public private(set) var bytes: [UInt8] = []
    public let writer: CSVWriter
    private let separatorByte: UInt8?
    private let separator: [UInt8]
    private let lineEnding: [UInt8]
    /// The line ending's byte when it is one (`\n`): appended as a byte, not an array, it cost
    /// a tenth of what the array's append did.
    private let lineEndingByte: UInt8?
    private let isTabSeparated: Bool
    /// Whether an integer can hold the separator (a digit or `-` as separator): then it is
    /// written as the string it is, through the same checks as any field.
    private let integersNeedChecks: Bool
    /// Whether the current row has a field, so that the next one needs a separator.
    private var rowStarted = false

    /// An empty builder for `writer`'s rows, with room for `capacity` bytes.
    public init(_ writer: CSVWriter, capacity: Int = 0) {
        self.writer = writer
        separatorByte = writer.separatorByte
        separator = Array(writer.separator.utf8)
        lineEnding = Array(writer.lineEnding.utf8)
        lineEndingByte = lineEnding.count == 1 ? lineEnding[0] : nil
        isTabSeparated = writer.isTabSeparated
        integersNeedChecks = writer.separatorByte.map { $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) } ?? false
        bytes.reserveCapacity(capacity)
    }

    /// One more field of the current row: `text` quoted or cleaned as `CSVWriter.row` does.
    public mutating func field(_ text: String) {
        beginField()
        // An empty field is nothing between its separators, in CSV and TSV alike.
        guard !text.isEmpty else { return }
        writer.appendField(text, separatorByte: separatorByte, tab: isTabSeparated, to: &bytes)
    }

    /// One more field: `String(value)`, or empty when `value` is nil. Digits and `-` need no
    /// quotes and no cleaning, so they are written as they are.
    public mutating func field(_ value: Int?) {
        guard let value else { return beginField() }
        if integersNeedChecks { return field(String(value)) }
        beginField()
        DecimalText.append(value, to: &bytes)
    }

    /// Each of `texts` as a field.
    public mutating func fields(_ texts: [String]) {
        for text in texts { field(text) }
    }

    /// Fields encoded already by a builder of the same writer (its `bytes` before `endRow`), as
    /// they are: rows that share their first fields (a report's 22 long rows) encode them once.
    public mutating func encodedFields(_ encoded: [UInt8]) {
        beginField()
        bytes += encoded
    }

    /// Ends the current row with the writer's line ending (an empty row when it has no field).
    public mutating func endRow() {
        if let lineEndingByte { bytes.append(lineEndingByte) } else { bytes += lineEnding }
        rowStarted = false
    }

    /// Forgets the bytes written (once they have been sent on), keeping their storage.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        rowStarted = false
    }

    /// The separator before every field of a row but the first.
    private mutating func beginField() {
        if rowStarted {
            if let separatorByte { bytes.append(separatorByte) } else { bytes += separator }
        }
        rowStarted = true
    }
}
