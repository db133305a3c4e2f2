/// The text of one report file together with the encoding its bytes were read in.
///
/// Why both: later stages only need the text, but an audit line such as `x.txt: read as GB18030` needs `encoding`.
/// Line endings are left as they were in the file (CR, LF or CRLF); normalizing them is a later stage's job.
public struct DecodedText: Sendable {
    /// The text as well-formed UTF-8, without any byte order mark, with the file's own line endings.
    /// Kept as bytes: the pipeline reads bytes, and making a `String` validates every byte again.
    public let utf8: [UInt8]
    /// The encoding the bytes were found to be in.
    public let encoding: TextEncoding

    /// The decoded characters.
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    public init(text: String, encoding: TextEncoding) {
        self.init(validUTF8: Array(text.utf8), encoding: encoding)
    }

    /// `utf8` must be well-formed UTF-8 (`UTF8Validator`, iconv's output).
    init(validUTF8 utf8: [UInt8], encoding: TextEncoding) {
        self.utf8 = utf8
        self.encoding = encoding
    }
}
