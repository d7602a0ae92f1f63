/// Sizes every role agrees on.
public enum Limits {
    /// The default largest article body accepted, in bytes.
    public static let defaultMaximumArticleBytes = 16 << 20
    /// The largest message any socket accepts: a batch of articles at the size limit, with room.
    public static let maximumMessageBytes = 256 << 20
}
