/// A text stream that also takes text as UTF-8 bytes, without a `String` made of them.
///
/// Why: the rows and JSON of `extract` and `compare` are built as UTF-8 bytes (`CSVRowBuilder`,
/// `JSONStream`), and the process's streams and staged files keep bytes too; a `String` in
/// between, made only to be written, checked every byte of well-formed text again (`String(decoding:)`
/// validates), a tenth of what rendering cost. A stream that keeps strings (a test's `String`)
/// takes the bytes as the string they spell.
public protocol UTF8OutputStream: TextOutputStream {
    /// Appends `bytes`, well-formed UTF-8 built from strings, as `write(String(decoding: bytes, as: UTF8.self))` would.
    mutating func write(utf8 bytes: [UInt8])
}

extension UTF8OutputStream {
    public mutating func write(utf8 bytes: [UInt8]) {
        write(String(decoding: bytes, as: UTF8.self))
    }
}

/// What a test captures: the bytes decoded into the string.
extension String: UTF8OutputStream {}
