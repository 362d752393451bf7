import Foundation

/// The real monotonic clock shared by the actor-serving test host and logs, in seconds.
enum ActorTestClock {
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
