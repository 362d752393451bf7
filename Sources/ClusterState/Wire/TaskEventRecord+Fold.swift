extension Swiftray_TaskEventRecord {
    /// Folds a later event of the same attempt into this record: static fields from the event
    /// that carries the definition (the owner's first), where it ran from the executor's, the
    /// latest error, and the state changes appended in order. Used by the GCS to build a task's
    /// record and by owners to send one record per attempt per batch.
    public mutating func fold(_ e: Swiftray_TaskEventRecord) {
        if e.hasDefinition_p {
            let states = self.states, times = stateTimesMs, node = nodeID, worker = workerID, pid = workerPid
            let errorType = self.errorType, errorMessage = self.errorMessage
            self = e
            self.states = states
            stateTimesMs = times
            if !node.isEmpty { nodeID = node; workerID = worker; workerPid = pid }
            if !errorType.isEmpty { self.errorType = errorType; self.errorMessage = errorMessage }
        }
        if !e.nodeID.isEmpty {
            nodeID = e.nodeID
            workerID = e.workerID
            workerPid = e.workerPid
        }
        if !e.errorType.isEmpty {
            errorType = e.errorType
            errorMessage = e.errorMessage
        }
        states += e.states
        stateTimesMs += e.stateTimesMs
    }
}
