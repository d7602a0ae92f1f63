/// BIO labels of the entity tagger: outside, or the beginning or inside of a person, place or
/// organisation name.
enum EntityLabel: Int, CaseIterable {
    case outside = 0, beginPerson, insidePerson, beginPlace, insidePlace, beginOrganization, insideOrganization

    static let count = 7
    /// Row stride of the weight table (7 labels, padded to 8).
    static let stride = 8

    var kind: Entity.Kind? {
        switch self {
        case .outside: nil
        case .beginPerson, .insidePerson: .person
        case .beginPlace, .insidePlace: .place
        case .beginOrganization, .insideOrganization: .organization
        }
    }

    var isBegin: Bool { self == .beginPerson || self == .beginPlace || self == .beginOrganization }

    static func begin(_ kind: Entity.Kind) -> EntityLabel {
        switch kind {
        case .person: .beginPerson
        case .place: .beginPlace
        case .organization: .beginOrganization
        }
    }

    /// Whether `self` may follow `previous` (an inside label continues the same kind).
    @inline(__always) func canFollow(_ previous: EntityLabel) -> Bool {
        switch self {
        case .insidePerson: previous == .beginPerson || previous == .insidePerson
        case .insidePlace: previous == .beginPlace || previous == .insidePlace
        case .insideOrganization: previous == .beginOrganization || previous == .insideOrganization
        default: true
        }
    }
}
