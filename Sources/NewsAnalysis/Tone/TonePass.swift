/// Scores tone with VADER's method over the shared tokens: each lexicon word's valence,
/// scaled by boosters and dampeners in the three words before it (×1, ×0.95, ×0.9), flipped
/// and damped (×-0.74) by a negation in those three words, raised by 0.733 when written in
/// capitals in a text that is not all capitals; in a sentence with "but", words before it
/// count half and words after it 1.5 times; "!" adds up to 4 × 0.292. A sentence's polarity is
/// VADER's compound, sum / sqrt(sum² + 15).
struct TonePass {
    static let but = FNV.lowercased("but")
    static let bIncrement: Float = 0.293, capsIncrement: Float = 0.733, negationScale: Float = -0.74

    func run(_ doc: Document, _ report: inout AnalysisReport) {
        let t = doc.tokens
        var perSentence: [SentenceTone] = []
        perSentence.reserveCapacity(doc.sentences.count)
        var totalPos = 0.0, totalNeg = 0.0, totalNeutral = 0.0, weighted = 0.0, weights = 0.0
        var scored = 0
        var valences: [Float] = []
        for (n, s) in doc.sentences.enumerated() {
            valences.removeAll(keepingCapacity: true)
            var caps = 0, letters = 0
            for k in s where t[k].kind == .word { letters += 1; if t[k].has(.allCaps) { caps += 1 } }
            let shouting = caps > 0 && caps < letters
            var butAt = -1
            for k in s where t[k].lower == Self.but { butAt = k }
            var words = 0
            var sum: Float = 0
            var pos: Float = 0, neg: Float = 0, neutral = 0
            for k in s where t[k].kind == .word && !t[k].has(.possessive) {
                words += 1
                let m = doc.meaning[k]
                var v = m.valence
                if v == 0 || m.booster != 0 { neutral += 1; continue }
                scored += 1
                if shouting, t[k].has(.allCaps) { v += v > 0 ? Self.capsIncrement : -Self.capsIncrement }
                // Boosters and negations in the three words before.
                var back = 0
                var j = k - 1
                while j >= s.lowerBound, back < 3 {
                    if t[j].kind == .word {
                        let b = doc.meaning[j]
                        if b.booster != 0 {
                            var inc = b.booster
                            if v < 0 { inc = -inc }
                            if shouting, t[j].has(.allCaps) { inc += v > 0 ? Self.capsIncrement : -Self.capsIncrement }
                            v += inc * (back == 0 ? 1 : back == 1 ? 0.95 : 0.9)
                        }
                        if b.flags.contains(.negation) || doc.isContractedNegation(j) { v *= Self.negationScale }
                        back += 1
                    }
                    j -= 1
                }
                if butAt >= 0 { v *= k < butAt ? 0.5 : k > butAt ? 1.5 : 1 }
                sum += v
                if v > 0 { pos += v + 1 } else if v < 0 { neg += v - 1 }
            }
            // Exclamation marks amplify (at most four).
            var bangs = 0
            for k in s where t[k].kind == .punctuation && t[k].first == 33 { bangs += t[k].length }
            if sum != 0 {
                let amp = Float(min(bangs, 4)) * 0.292
                sum += sum > 0 ? amp : -amp
                if sum > 0 { pos += amp } else { neg -= amp }
            }
            let compound = Double(sum / (sum * sum + 15).squareRoot())
            let total = Double(pos) + Double(-neg) + Double(neutral)
            let p = total > 0 ? Double(pos) / total : 0
            let ng = total > 0 ? Double(-neg) / total : 0
            let nu = total > 0 ? Double(neutral) / total : 1
            perSentence.append(SentenceTone(sentence: n, positive: Self.round(p), negative: Self.round(ng), neutral: Self.round(nu),
                                            polarity: Self.round(max(-1, min(1, compound)))))
            totalPos += Double(pos)
            totalNeg += Double(-neg)
            totalNeutral += Double(neutral)
            weighted += compound * Double(words)
            weights += Double(words)
        }
        let total = totalPos + totalNeg + totalNeutral
        report.tone = Tone(positive: total > 0 ? Self.round(totalPos / total) : 0,
                           negative: total > 0 ? Self.round(totalNeg / total) : 0,
                           neutral: total > 0 ? Self.round(totalNeutral / total) : 1,
                           polarity: weights > 0 ? Self.round(weighted / weights) : 0,
                           scoredWords: scored, sentences: perSentence)
    }

    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
