/// Who did what to whom in one sentence: an actor, an action class (with its CAMEO root code),
/// an optional target, the trigger word and the sentence's span. A sentence with two actors
/// ("Medvedev and Lavrov thanked Israel") gives one event per actor, as GDELT does.
public struct Event: Sendable, Hashable, Codable {
    /// One side of an event: an entity of the report where it resolves to one, or the words.
    public struct Participant: Sendable, Hashable, Codable {
        /// The entity's canonical name, or the phrase without its article ("Russians").
        public var name: String
        /// Index into ``AnalysisReport/entities``.
        public var entity: Int?
        /// The words that name it where the event is ("his", "Iranian President Mahmoud Ahmadinejad's rhetoric").
        public var mention: LocatedText

        public init(name: String, entity: Int?, mention: LocatedText) {
            self.name = name
            self.entity = entity
            self.mention = mention
        }
    }

    public var actor: Participant
    public var action: ActionClass
    /// ``ActionClass/cameo`` of ``action``.
    public var cameo: String
    /// The word that triggered the event ("urged", "meeting", "critical").
    public var verb: LocatedText
    public var target: Participant?
    /// The action is denied ("did not meet", "not to sell").
    public var negated: Bool
    /// The sentence (or headline or dek line) the event is in.
    public var sentence: Span

    public init(actor: Participant, action: ActionClass, verb: LocatedText, target: Participant?, negated: Bool, sentence: Span) {
        self.actor = actor
        self.action = action
        self.cameo = action.cameo
        self.verb = verb
        self.target = target
        self.negated = negated
        self.sentence = sentence
    }
}
