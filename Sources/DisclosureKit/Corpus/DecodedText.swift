/// The text of one report file together with the encoding its bytes were read in.
///
/// Why both: later stages only need `text`, but an audit line such as `x.txt: read as GB18030` needs `encoding`.
/// Line endings are left as they were in the file (CR, LF or CRLF); normalizing them is a later stage's job.
public struct DecodedText: Sendable {
    /// The decoded characters, without any byte order mark, with the file's own line endings.
    public let text: String
    /// The encoding the bytes were found to be in.
    public let encoding: TextEncoding

    public init(text: String, encoding: TextEncoding) {
        self.text = text
        self.encoding = encoding
    }
}
