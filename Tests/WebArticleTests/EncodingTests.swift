import Testing
@testable import WebArticle

/// Pages in legacy encodings come out as the right text, found as a browser finds it.
struct EncodingTests {
    @Test(arguments: [
        ("windows-1252-no-declaration.html", "windows-1252", PageDecoder.Evidence.fallback, "Café crème: “smart quotes” — and €5 for naïve façades."),
        ("iso-8859-2-meta-charset.html", "iso-8859-2", .meta, "Zażółć gęślą jaźń: Łódź i Kraków."),
        ("koi8-r-http-equiv.html", "koi8-r", .meta, "Привет, мир! Москва и Санкт-Петербург."),
        ("shift-jis-meta-charset.html", "shift_jis", .meta, "東京で新しい美術館が開館しました。"),
        ("gbk-meta-charset.html", "gbk", .meta, "北京市今天发布了新的交通规定。"),
        ("utf-16le-bom.html", "utf-16le", .byteOrderMark, "Grüße aus Köln."),
        ("utf-8-invalid-bytes.html", "utf-8", .meta, "Good \u{FFFD}\u{FFFD} bytes and café."),
    ])
    func pageDecodesToItsText(page: String, encoding: String, evidence: PageDecoder.Evidence, text: String) throws {
        let decoded = PageDecoder.decode(try TestPages.bytes(page))
        #expect(decoded.encoding == encoding)
        #expect(decoded.evidence == evidence)
        let document = HTMLParser.parse(decoded.utf8)
        let paragraph = try #require(document.elements(.p).first)
        #expect(TestPages.text(document, paragraph) == text)
    }

    @Test func theTransportCharsetWinsOverTheMetaTag() throws {
        let bytes = Array("<meta charset=\"iso-8859-2\"><p>".utf8) + [0xEA] + Array("</p>".utf8)
        #expect(String(decoding: PageDecoder.decode(bytes).utf8, as: UTF8.self).contains("<p>ę</p>"))
        let decoded = PageDecoder.decode(bytes, transportCharset: "windows-1252")
        #expect(decoded.evidence == .transport)
        #expect(String(decoding: decoded.utf8, as: UTF8.self).contains("<p>ê</p>"))
    }

    @Test func validUTF8WithoutADeclarationIsUTF8() {
        let decoded = PageDecoder.decode(Array("<p>naïve — ok</p>".utf8))
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.evidence == .validUTF8)
    }

    @Test func undecodableBytesBecomeReplacementCharactersNotErrors() {
        // 0x80 alone is not Shift_JIS; the text goes on after it.
        let bytes = Array("<meta charset=shift_jis><p>a".utf8) + [0x80, 0xFF] + Array("b</p>".utf8)
        let decoded = PageDecoder.decode(bytes)
        #expect(decoded.replaced > 0)
        #expect(String(decoding: decoded.utf8, as: UTF8.self).contains("b</p>"))
    }

    @Test func unknownLabelsAreIgnored() {
        let decoded = PageDecoder.decode(Array("<meta charset=\"x-klingon\"><p>plain</p>".utf8))
        #expect(decoded.encoding == "utf-8")
    }

    @Test func contentTypeCharsets() {
        #expect(PageDecoder.charset(inContentType: "text/html; charset=KOI8-R") == "koi8-r")
        #expect(PageDecoder.charset(inContentType: "text/html;charset=\"utf-8\"") == "utf-8")
        #expect(PageDecoder.charset(inContentType: "text/html") == nil)
    }
}
