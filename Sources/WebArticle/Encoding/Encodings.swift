/// The WHATWG Encoding Standard's labels, as far as a news page needs them, and the name
/// glibc's iconv gives each encoding.
enum Encodings {
    /// Label → WHATWG encoding name. Labels are matched lowercased with spaces trimmed.
    private static let labels: [String: String] = {
        var table: [String: String] = [:]
        func add(_ name: String, _ aliases: [String]) {
            table[name] = name
            for alias in aliases { table[alias] = name }
        }
        add("utf-8", ["utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"])
        add("windows-1252", ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100",
                             "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "x-cp1252"])
        add("iso-8859-2", ["csisolatin2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"])
        add("iso-8859-3", ["csisolatin3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "l3", "latin3"])
        add("iso-8859-4", ["csisolatin4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "l4", "latin4"])
        add("iso-8859-5", ["csisolatincyrillic", "cyrillic", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5"])
        add("iso-8859-6", ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6-e",
                           "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6"])
        add("iso-8859-7", ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-ir-126", "iso8859-7", "iso88597",
                           "iso_8859-7", "sun_eu_greek"])
        add("iso-8859-8", ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598",
                           "iso_8859-8", "visual", "iso-8859-8-i", "csiso88598i", "logical"])
        add("iso-8859-10", ["csisolatin6", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"])
        add("iso-8859-13", ["iso8859-13", "iso885913"])
        add("iso-8859-14", ["iso8859-14", "iso885914"])
        add("iso-8859-15", ["csisolatin9", "iso8859-15", "iso885915", "iso_8859-15", "l9"])
        add("iso-8859-16", [])
        add("koi8-r", ["cskoi8r", "koi", "koi8", "koi8_r"])
        add("koi8-u", ["koi8-ru"])
        add("macintosh", ["csmacintosh", "mac", "x-mac-roman"])
        add("x-mac-cyrillic", ["x-mac-ukrainian"])
        add("windows-874", ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620"])
        for n in 1250...1258 where n != 1252 { add("windows-\(n)", ["cp\(n)", "x-cp\(n)"]) }
        add("gbk", ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "iso-ir-58", "x-gbk"])
        add("gb18030", [])
        add("big5", ["big5-hkscs", "cn-big5", "csbig5", "x-x-big5"])
        add("euc-jp", ["cseucpkdfmtjapanese", "x-euc-jp"])
        add("iso-2022-jp", ["csiso2022jp"])
        add("shift_jis", ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "sjis", "windows-31j", "x-sjis"])
        add("euc-kr", ["cseuckr", "csksc56011987", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601",
                       "ksc_5601", "windows-949"])
        add("utf-16be", ["unicodefffe"])
        add("utf-16le", ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16"])
        return table
    }()

    /// The WHATWG name for a charset label, or `nil` for a label it does not know.
    static func whatwgName(forLabel label: String) -> String? {
        let key = label.trimmingASCIISpaces().lowercased()
        return labels[key]
    }

    /// The name glibc's iconv knows the encoding by (the web's variants where they differ:
    /// Shift_JIS is Microsoft's CP932, EUC-KR is CP949, Big5 has the HKSCS additions).
    static func iconvName(forWHATWGName name: String) -> String? {
        switch name {
        case "shift_jis": return "CP932"
        case "euc-kr": return "CP949"
        case "big5": return "BIG5-HKSCS"
        case "gbk": return "GBK"
        case "x-mac-cyrillic": return "MAC-CYRILLIC"
        case "macintosh": return "MACINTOSH"
        case "windows-874": return "CP874"
        default:
            if name.hasPrefix("windows-") { return "CP" + name.dropFirst("windows-".count) }
            return name.uppercased()
        }
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" { s = s.dropLast() }
        return String(s)
    }
}
