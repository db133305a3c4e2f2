/// A self-contained HTML page: one file with its CSS inline, nothing loaded from anywhere,
/// plus the escaping every piece of text put into it goes through.
///
/// ```
/// <!DOCTYPE html>
/// <html lang="zh-CN">
/// <head>
/// <meta charset="utf-8">
/// <title>2024 年度简报</title>
/// <style>…</style>
/// </head>
/// <body>
/// …
/// </body>
/// </html>
/// ```
///
/// Why escape everything: bureau names and report sentences come from files anyone can write;
/// `甲市<script>` must print as text, never become markup. `escape` covers text and
/// attribute values alike (`&`, `<`, `>`, `"`, `'`), and drops the control characters HTML
/// forbids, so the output is well formed whatever the input.
public struct HTMLDocument: Sendable, Hashable {
    /// The `lang` attribute: `zh-CN`, `en`.
    public var language: String
    public var title: String
    /// CSS placed in the page's one `<style>` element.
    public var style: String
    /// Markup already built (with `element` and `escape`), placed inside `<body>`.
    public var body: String

    public init(language: String, title: String, style: String, body: String) {
        self.language = language
        self.title = title
        self.style = style
        self.body = body
    }

    /// The page, ending in a line break.
    public func render() -> String {
        var page = "<!DOCTYPE html>\n"
        page += "<html lang=\"\(Self.escape(language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>\(Self.escape(title))</title>\n"
        page += "<style>\n\(Self.safeStyle(style))\n</style>\n</head>\n<body>\n"
        page += body
        if !body.isEmpty && !body.hasSuffix("\n") { page += "\n" }
        page += "</body>\n</html>\n"
        return page
    }

    /// `text` safe as element content and as a quoted attribute value:
    /// `a < b & "c"` → `a &lt; b &amp; &quot;c&quot;`. Control characters other than tab,
    /// line feed and carriage return are dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `<name a="v">content</name>`, with every attribute value escaped; `content` is
    /// markup and is not escaped again.
    public static func element(_ name: String, _ attributes: [(String, String)] = [], _ content: String) -> String {
        "<\(name)\(attributeText(attributes))>\(content)</\(name)>"
    }

    /// ` a="v" b="w"`, values escaped; empty for no attributes.
    public static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// CSS cannot end its `<style>` element early: `</` is written `<\/`.
    static func safeStyle(_ css: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in css.unicodeScalars {
            if previous == "<" && scalar == "/" { out += "\\" }
            out.unicodeScalars.append(scalar)
            previous = scalar
        }
        return out
    }
}
