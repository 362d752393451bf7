extension WorkerInfo {
    /// Builds a worker row from a raylet's report, or nil when its ids are malformed.
    public init?(record r: Swiftray_WorkerRecord) {
        guard let id = WorkerID(bytes: [UInt8](r.workerID)), let node = NodeID(bytes: [UInt8](r.nodeID)) else { return nil }
        self.init(workerID: id, isAlive: r.isAlive, workerType: WorkerType(rawValue: r.workerType) ?? .worker,
                  exitType: WorkerExitType(rawValue: r.exitType), exitDetail: r.exitDetail.isEmpty ? nil : r.exitDetail,
                  nodeID: node, ip: r.ip, pid: Int(r.pid),
                  workerLaunchTimeMs: r.workerLaunchTimeMs > 0 ? r.workerLaunchTimeMs : nil,
                  workerLaunchedTimeMs: r.workerLaunchedTimeMs > 0 ? r.workerLaunchedTimeMs : nil,
                  startTimeMs: r.startTimeMs, endTimeMs: r.endTimeMs > 0 ? r.endTimeMs : nil)
    }
}
