/// The byte encoding a report file was found to be in, e.g. `GB18030` for a file saved by an older Chinese Windows tool.
///
/// Kept with the decoded text so a note or an audit can say how a file was read; the raw value is the
/// name people know the encoding by.
public enum TextEncoding: String, Sendable {
    /// UTF-8 without a byte order mark: what `pdftotext` and most tools write.
    case utf8 = "UTF-8"
    /// UTF-8 that opened with the bytes EF BB BF (Windows Notepad, Excel exports); the mark is dropped from the text.
    case utf8BOM = "UTF-8 with BOM"
    /// UTF-16 little-endian, announced by the bytes FF FE.
    case utf16LE = "UTF-16LE"
    /// UTF-16 big-endian, announced by the bytes FE FF.
    case utf16BE = "UTF-16BE"
    /// GB18030, which also reads GBK and GB2312 text: the usual encoding of Chinese files not in Unicode.
    case gb18030 = "GB18030"
}
