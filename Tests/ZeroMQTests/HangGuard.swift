import Testing

extension Trait where Self == TimeLimitTrait {
    /// A hang guard, not a speed bound: in the full suite on a 2-core runner a test can wait
    /// 80–100 s for a thread before it runs (seen in a clean-clone CI run), so 1 minute failed them.
    static var hangGuard: Self { .timeLimit(.minutes(4)) }
}
