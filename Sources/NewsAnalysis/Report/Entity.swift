/// A person, place or organisation, with every mention of it. Mentions are code point spans;
/// ``name`` is the canonical form ("Ehud Olmert" for "Olmert's", "Tehran" for "Teheran").
public struct Entity: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case person, place, organization }

    public struct Mention: Sendable, Hashable, Codable {
        public var start: Int
        public var end: Int
        public var text: String

        public init(start: Int, end: Int, text: String) {
            self.start = start
            self.end = end
            self.text = text
        }
    }

    /// Where a place is, from the embedded GeoNames gazetteer.
    public struct Geo: Sendable, Hashable, Codable {
        /// "country", "city", "region" or "continent".
        public var kind: String
        /// ISO 3166-1 alpha-2; empty for a continent.
        public var countryCode: String
        /// WGS84 degrees; for a country, its capital's.
        public var latitude: Double
        public var longitude: Double
        public var population: Int
    }

    public var name: String
    public var type: Kind
    public var mentions: [Mention]
    /// 0...1: how central the entity is to the article (mentions, headline, position).
    public var salience: Double
    /// People: titles and roles seen next to the name ("Prime Minister").
    public var titles: [String]?
    /// People: the country a nationality adjective ties them to ("Iranian President" → IR).
    public var nationality: String?
    public var geo: Geo?

    public init(name: String, type: Kind, mentions: [Mention], salience: Double = 0, titles: [String]? = nil,
                nationality: String? = nil, geo: Geo? = nil) {
        self.name = name
        self.type = type
        self.mentions = mentions
        self.salience = salience
        self.titles = titles
        self.nationality = nationality
        self.geo = geo
    }
}
