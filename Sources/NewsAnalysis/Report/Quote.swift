/// A quoted passage (the span excludes the quotation marks) with who said it.
public struct Quote: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A whole statement in quotation marks.
        case direct
        /// A fragment woven into the reporter's sentence ("was of great \"symbolic importance\"").
        case partial
        /// Reported speech without quotation marks: the content of "X said (that) ...",
        /// "according to X, ...", "..., X said."
        case indirect
        /// Quoted words that nobody says: a title ("Meet the Press"), a name given to
        /// something ("dubbed \"Operation Dawn\""), a scare-quoted word. Never has a speaker.
        case mention
    }

    /// Who a quote is attributed to: an entity, or a described source ("a senior source in ...").
    public struct Speaker: Sendable, Hashable, Codable {
        public var name: String
        /// Index into ``AnalysisReport/entities`` when the speaker is a known entity.
        public var entity: Int?
        /// The words in the text that name the speaker where the attribution is.
        public var mention: LocatedText?

        public init(name: String, entity: Int?, mention: LocatedText?) {
            self.name = name
            self.entity = entity
            self.mention = mention
        }
    }

    public var text: String
    public var start: Int
    public var end: Int
    public var kind: Kind
    public var verb: String?
    public var speaker: Speaker?
    /// Who passed the words on, when the text says they came through someone else ("the
    /// source said Olmert \"urged ...\"": Olmert's words, via the source).
    public var via: Speaker?

    public init(text: String, start: Int, end: Int, kind: Kind, verb: String?, speaker: Speaker?, via: Speaker? = nil) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.verb = verb
        self.speaker = speaker
        self.via = via
    }
}
