extension ObjectInfo {
    /// Builds an object row from a core worker's listing, or nil when its id is malformed.
    public init?(record r: Swiftray_ObjectRecord) {
        guard let id = ObjectID(bytes: [UInt8](r.objectID)) else { return nil }
        self.init(objectID: id, objectSize: r.objectSize, taskStatus: TaskState(rawValue: r.taskStatus) ?? .nil,
                  attemptNumber: Int(r.attemptNumber),
                  referenceType: ObjectReferenceType(rawValue: r.referenceType) ?? .localReference,
                  callSite: r.callSite.isEmpty ? "disabled" : r.callSite,
                  type: WorkerType(rawValue: r.type) ?? .worker, pid: Int(r.pid), ip: r.ip)
    }
}
