/// The ``MeaningLexicon`` entry of every token of a document, read as `doc.meaning[k]`.
struct MeaningView {
    let entries: [WordMeaning]
    let ids: [UInt32]

    static let empty = MeaningView(entries: [], ids: [])

    @inline(__always) subscript(_ k: Int) -> WordMeaning { entries[Int(ids[k])] }

    var isEmpty: Bool { ids.isEmpty }
}
