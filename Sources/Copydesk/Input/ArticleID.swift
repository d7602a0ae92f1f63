/// The stable id of an article that came without one.
///
/// `"a-"` followed by the first 24 hex digits of SHA-256 over the url's UTF-8, one newline byte
/// and the body's bytes, so the same article gets the same id on every run and machine, and a
/// client in any language can compute it: `"a-" + sha256(url + "\n" + text).hexdigest()[:24]`.
public enum ArticleID {
    public static func derive(url: String, body: [UInt8]) -> String {
        let digest = SHA256.hash(Array(url.utf8) + [0x0A] + body)
        let hex = digest.prefix(12).map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
        }
        return "a-" + hex.joined()
    }

    /// The longest id accepted from a caller, in bytes.
    public static let maximumLength = 256
}
