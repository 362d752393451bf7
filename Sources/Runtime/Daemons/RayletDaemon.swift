import Logging
import ServiceLifecycle
import UnixSignals

/// The `swiftray raylet` process: registers the node, signals readiness (`READY <node id>
/// <port>`), reports until SIGTERM/SIGINT (then unregisters with "received SIGTERM") or until
/// the GCS is gone past the reconnect window (exit 1).
public enum RayletDaemon {
    public static func main(config: RayletConfig) async -> Int32 {
        let logger = DaemonLogging.logger("raylet")
        // Trap the stop signals before announcing readiness, so a SIGTERM right after `start`
        // returns still unregisters the node cleanly.
        let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        let raylet = Raylet(config: config, logger: logger)
        do {
            let port = try await raylet.start()
            ReadySignal.ready("\(raylet.nodeID.hex) \(port)")
        } catch {
            logger.error("Raylet failed to start: \(error)")
            ReadySignal.failed("\(error)")
            return 1
        }
        do {
            let reason: String? = try await withThrowingTaskGroup(of: String?.self) { group in
                group.addTask {
                    try await raylet.run()
                    return nil
                }
                group.addTask {
                    for await signal in signals { return "received \(signal)" }
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return first
            }
            await raylet.shutdown(reason: reason ?? "stopped")
            return 0
        } catch {
            logger.error("Raylet exits: \(error)")
            return 1
        }
    }
}
