extension TaskInfo {
    /// Builds a task attempt from the GCS's merged event record, or nil when the record is not
    /// usable (its owner's first event, which carries the definition, has not arrived).
    ///
    /// The current state is the latest change by time, terminal states winning ties and
    /// out-of-order arrivals (an executor's RUNNING may reach the GCS after the owner's FINISHED).
    public init?(record r: Swiftray_TaskEventRecord) {
        guard r.hasDefinition_p, let taskID = TaskID(bytes: [UInt8](r.taskID)),
              let jobID = JobID(bytes: [UInt8](r.jobID)) else { return nil }
        var events: [TaskStateEvent] = []
        for (name, time) in zip(r.states, r.stateTimesMs) {
            if let state = TaskState(rawValue: name) { events.append(TaskStateEvent(state: state, createdMs: time)) }
        }
        events.sort { ($0.createdMs, $0.state.number) < ($1.createdMs, $1.state.number) }
        let state = events.last(where: { $0.state.isTerminal })?.state ?? events.last?.state ?? .nil
        func time(_ states: Set<TaskState>) -> Int64? { events.first { states.contains($0.state) }?.createdMs }
        self.init(taskID: taskID, attemptNumber: Int(r.attemptNumber), name: r.name, state: state, jobID: jobID,
                  actorID: ActorID(bytes: [UInt8](r.actorID)), type: TaskType(rawValue: r.type) ?? .normalTask,
                  funcOrClassName: r.funcOrClassName,
                  parentTaskID: TaskID(bytes: [UInt8](r.parentTaskID)) ?? TaskID.driver(of: jobID),
                  nodeID: NodeID(bytes: [UInt8](r.nodeID)), workerID: WorkerID(bytes: [UInt8](r.workerID)),
                  workerPid: r.workerPid > 0 ? Int(r.workerPid) : nil,
                  errorType: r.errorType.isEmpty ? nil : r.errorType,
                  errorMessage: r.errorMessage.isEmpty ? nil : r.errorMessage,
                  requiredResources: ResourceSet(raw: r.requiredResources),
                  placementGroupID: PlacementGroupID(bytes: [UInt8](r.placementGroupID)),
                  events: events,
                  creationTimeMs: time([.pendingArgsAvail]) ?? events.first?.createdMs ?? 0,
                  startTimeMs: time([.running]),
                  endTimeMs: time([.finished, .failed]))
    }
}
