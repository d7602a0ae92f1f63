/// The word meaning of every token of a document (``Lexicon/meanings``), read as `doc.meaning[k]`.
struct MeaningView {
    let entries: [WordMeaning]
    let ids: [UInt32]

    @inline(__always) subscript(_ k: Int) -> WordMeaning { entries[Int(ids[k])] }
}
