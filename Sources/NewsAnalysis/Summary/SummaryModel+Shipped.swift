// Written by `copydesk bench summary gum_train.jsonl --minimum-gain 0.01 --weights-out ...`; do not edit by hand.
// Trained on 141 documents; features: lead, short, centrality, headline, firstPerson.
extension SummaryModel {
    /// The weights the summary ships with.
    public static let shipped = SummaryModel(
        reported: [1.0, 0.0, 0.0, 0.0, 0.0],
        other: [1.0, -0.5, 0.5, 0.5, 0.25]
    )
}
