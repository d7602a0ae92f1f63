/// Reading the value of number tokens without building strings.
extension Document {
    /// A token of digits only ("2008", "21"), up to nine of them.
    func integer(_ i: Int) -> Int? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .number, tokens[i].length <= 9 else { return nil }
        var v = 0
        for k in Int(tokens[i].start)..<Int(tokens[i].end) {
            let c = scalars[k].value
            guard c >= 48 && c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    /// A number token with thousands separators and a decimal point ("20,000", "1.5").
    func decimal(_ i: Int) -> Double? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .number, tokens[i].length <= 24 else { return nil }
        var whole = 0.0, fraction = 0.0, scale = 1.0, afterPoint = false, digits = 0
        for k in Int(tokens[i].start)..<Int(tokens[i].end) {
            let c = scalars[k].value
            if c >= 48 && c <= 57 {
                digits += 1
                if afterPoint { scale /= 10; fraction += Double(c - 48) * scale } else { whole = whole * 10 + Double(c - 48) }
            } else if c == 46, !afterPoint {
                afterPoint = true
            } else if c != 44 {
                return nil
            }
        }
        return digits > 0 ? whole + fraction : nil
    }

    /// An ordinal written with digits ("21st", "3rd"), as a word token.
    func ordinal(_ i: Int) -> Int? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word, tokens[i].has(.hasDigit), tokens[i].length >= 3, tokens[i].length <= 4 else { return nil }
        let s = Int(tokens[i].start), e = Int(tokens[i].end)
        var v = 0
        var k = s
        while k < e, scalars[k].value >= 48 && scalars[k].value <= 57 { v = v * 10 + Int(scalars[k].value - 48); k += 1 }
        guard k == e - 2, k > s else { return nil }
        let suffix = String(scalars[k].properties.lowercaseMapping) + String(scalars[k + 1].properties.lowercaseMapping)
        return ["st", "nd", "rd", "th"].contains(suffix) ? v : nil
    }

    /// "2008-06-12" as one number token.
    func isoDate(_ i: Int) -> (Int, Int, Int)? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .number, tokens[i].length == 10 else { return nil }
        let s = Int(tokens[i].start)
        guard scalars[s + 4] == "-", scalars[s + 7] == "-" else { return nil }
        func n(_ a: Int, _ b: Int) -> Int? {
            var v = 0
            for k in a..<b {
                let c = scalars[s + k].value
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = n(0, 4), let m = n(5, 7), let d = n(8, 10) else { return nil }
        return (y, m, d)
    }
}
