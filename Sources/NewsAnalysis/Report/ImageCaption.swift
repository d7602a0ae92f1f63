/// A photo caption found in the text, with its credit; its lines are left out of the body.
public struct ImageCaption: Sendable, Hashable, Codable {
    public var caption: LocatedText
    public var credit: LocatedText?

    public init(caption: LocatedText, credit: LocatedText?) {
        self.caption = caption
        self.credit = credit
    }
}
