/// The HTML elements the parser and the extractor treat by name; any other element is
/// ``unknown`` and keeps its name's hash in ``HTMLDocument/Node/nameHash``.
public enum HTMLTag: UInt8, CaseIterable, Sendable {
    case unknown
    case html, head, body, title, meta, link, base, script, style, noscript, template
    case textarea, xmp, iframe, noembed, noframes, plaintext
    case div, p, span, a, b, i, u, s, em, strong, small, big, sub, sup, mark, code, kbd, samp, `var`, q, cite
    case abbr, dfn, time, data, font, center, nobr, tt, strike, del, ins, bdi, bdo
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd, dir
    case table, thead, tbody, tfoot, tr, td, th, caption, colgroup, col
    case blockquote, pre, listing, figure, figcaption, picture, source, img, image, video, audio, track, canvas
    case embed, object, param, map, area, br, hr, wbr
    case article, section, main, nav, aside, header, footer, address, hgroup, details, summary, dialog, menu
    case form, input, select, option, optgroup, button, label, fieldset, legend, output, progress, meter, datalist, keygen
    case svg, math, frameset, frame, applet, marquee, ruby, rt, rp, slot, basefont, bgsound, search

    /// Tag by the hash of its lowercased name (``ASCII/lowercasedHash(_:_:)``).
    static let byNameHash: [UInt64: HTMLTag] = {
        var table: [UInt64: HTMLTag] = [:]
        for tag in allCases where tag != .unknown { table[ASCII.lowercasedHash(tag.name)] = tag }
        return table
    }()

    public var name: String { self == .var ? "var" : String(describing: self) }

    /// Elements that never have content or an end tag.
    var isVoid: Bool {
        switch self {
        case .area, .base, .br, .col, .embed, .hr, .img, .image, .input, .link, .meta, .param, .source, .track, .wbr,
             .keygen, .frame, .basefont, .bgsound: true
        default: false
        }
    }

    /// Elements whose content is raw text up to their end tag (scripting on, as in a browser,
    /// so `noscript` is raw text too).
    var isRawText: Bool {
        switch self {
        case .script, .style, .xmp, .iframe, .noembed, .noframes, .noscript: true
        default: false
        }
    }

    /// Elements whose content is text with character references but no tags.
    var isEscapableRawText: Bool { self == .title || self == .textarea }

    /// HTML5's "special" category: an end tag for some other element does not close these.
    var isSpecial: Bool {
        switch self {
        case .address, .applet, .area, .article, .aside, .base, .basefont, .bgsound, .blockquote, .body, .br, .button,
             .caption, .center, .col, .colgroup, .dd, .details, .dir, .div, .dl, .dt, .embed, .fieldset, .figcaption,
             .figure, .footer, .form, .frame, .frameset, .h1, .h2, .h3, .h4, .h5, .h6, .head, .header, .hgroup, .hr,
             .html, .iframe, .img, .input, .keygen, .li, .link, .listing, .main, .marquee, .menu, .meta, .nav, .noembed,
             .noframes, .noscript, .object, .ol, .p, .param, .plaintext, .pre, .script, .section, .select, .source,
             .style, .summary, .table, .tbody, .td, .template, .textarea, .tfoot, .th, .thead, .title, .tr, .track,
             .ul, .wbr, .xmp, .dialog, .search:
            true
        default: false
        }
    }

    /// Start tags that close an open `p` (HTML5's list for "in body").
    var closesParagraph: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl, .fieldset,
             .figcaption, .figure, .footer, .header, .hgroup, .main, .menu, .nav, .ol, .p, .section, .summary, .ul,
             .h1, .h2, .h3, .h4, .h5, .h6, .pre, .listing, .form, .table, .hr, .xmp, .plaintext, .dd, .dt, .li, .search:
            true
        default: false
        }
    }

    /// Elements a `head` holds; any other start tag there ends the head.
    var belongsInHead: Bool {
        switch self {
        case .meta, .link, .title, .script, .style, .base, .noscript, .template, .basefont, .bgsound: true
        default: false
        }
    }

    var isHeading: Bool { self == .h1 || self == .h2 || self == .h3 || self == .h4 || self == .h5 || self == .h6 }

    /// Elements that break the flow of text into a new block when rendered.
    var isBlock: Bool {
        switch self {
        case .p, .div, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd, .dir, .table, .thead, .tbody,
             .tfoot, .tr, .td, .th, .caption, .blockquote, .pre, .listing, .figure, .figcaption, .article, .section,
             .main, .nav, .aside, .header, .footer, .address, .hgroup, .details, .summary, .dialog, .menu, .form,
             .fieldset, .legend, .center, .hr, .br, .body, .html, .frameset, .plaintext, .xmp, .search, .option,
             .select, .textarea, .iframe, .video, .audio, .canvas, .object, .embed, .picture, .img:
            true
        default: false
        }
    }

    /// HTML elements that end `svg` or `math` content when they appear inside it.
    var breaksOutOfForeignContent: Bool {
        switch self {
        case .b, .big, .blockquote, .body, .br, .center, .code, .dd, .div, .dl, .dt, .em, .embed, .h1, .h2, .h3,
             .h4, .h5, .h6, .head, .hr, .i, .img, .li, .listing, .menu, .meta, .nobr, .ol, .p, .pre, .ruby, .s,
             .small, .span, .strong, .strike, .sub, .sup, .table, .tt, .u, .ul, .var:
            true
        default: false
        }
    }
}
