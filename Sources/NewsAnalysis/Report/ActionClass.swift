/// What an actor does in an ``Event``, each class tied to one CAMEO root code (the Conflict
/// and Mediation Event Observations codebook that GDELT uses).
public enum ActionClass: String, Sendable, Hashable, Codable, CaseIterable {
    case statement, urge, promise, meet, consult, agree, praise, cooperate, supply, aid, yield,
         investigate, demand, criticise, reject, threaten, protest, mobilise, sanction, coerce, assault, attack

    /// The CAMEO root code (two digits).
    public var cameo: String {
        switch self {
        case .statement: "01"  // Make public statement
        case .urge: "02"  // Appeal
        case .promise: "03"  // Express intent to cooperate
        case .meet, .consult: "04"  // Consult (meet, visit, negotiate)
        case .agree, .praise: "05"  // Engage in diplomatic cooperation (051 praise, 057 sign agreement)
        case .cooperate, .supply: "06"  // Engage in material cooperation (061 economic, 062 military)
        case .aid: "07"  // Provide aid
        case .yield: "08"  // Yield
        case .investigate: "09"  // Investigate
        case .demand: "10"  // Demand
        case .criticise: "11"  // Disapprove
        case .reject: "12"  // Reject
        case .threaten: "13"  // Threaten
        case .protest: "14"  // Protest
        case .mobilise: "15"  // Exhibit force posture
        case .sanction: "16"  // Reduce relations
        case .coerce: "17"  // Coerce (arrest, ban, seize)
        case .assault: "18"  // Assault (kill, kidnap, wound)
        case .attack: "19"  // Fight
        }
    }
}
