/// The default endpoints of a multi-process pipeline. Each role's flags and `COPYDESK_*`
/// environment variables override them.
enum DefaultEndpoints {
    /// Ventilator's task endpoint (workers and the sink connect here): port 5570.
    static let tasksBind = "tcp://*:5570"
    static let tasksConnect = "tcp://127.0.0.1:5570"
    /// Sink's results endpoint (workers and the ventilator connect here): port 5571.
    static let resultsBind = "tcp://*:5571"
    static let resultsConnect = "tcp://127.0.0.1:5571"
    /// Ventilator's intake (other systems submit articles here): port 5572.
    static let intakeBind = "tcp://*:5572"
    static let intakeConnect = "tcp://127.0.0.1:5572"
}
