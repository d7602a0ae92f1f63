/// A photo caption with its credit: found in the text (its lines are left out of the body), or
/// read from a page's `figure`, with the picture's address.
public struct ImageCaption: Sendable, Hashable, Codable {
    public var caption: LocatedText
    public var credit: LocatedText?
    /// The picture, for an image read from a web page.
    public var url: String?

    public init(caption: LocatedText, credit: LocatedText?, url: String? = nil) {
        self.caption = caption
        self.credit = credit
        self.url = url
    }
}
