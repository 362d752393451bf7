import Foundation
import SwiftProtobuf

extension JobInfo {
    /// The wire/storage form of this row.
    public var record: Swiftray_JobRecord {
        var r = Swiftray_JobRecord()
        r.jobID = Data(jobID.bytes)
        r.namespace = namespace
        r.entrypoint = entrypoint
        r.driverPid = driverPid
        r.driverIp = driverIp
        r.driverNodeID = Data(driverNodeID?.bytes ?? [])
        r.startTimeMs = startTimeMs
        r.endTimeMs = endTimeMs
        switch status {
        case .running: r.status = .jobRunning
        case .succeeded: r.status = .jobSucceeded
        case .failed: r.status = .jobFailed
        }
        r.message = message
        r.errorType = errorType
        r.hasExitCode_p = driverExitCode != nil
        r.driverExitCode = driverExitCode ?? 0
        return r
    }

    /// Rebuilds a row from its wire/storage form, rejecting malformed ids.
    public init(record r: Swiftray_JobRecord) throws(ClusterStateError) {
        guard let id = JobID(bytes: [UInt8](r.jobID)) else {
            throw .invalidRecord("A job record carries a job id of \(r.jobID.count) bytes; 4 are required.")
        }
        let status: JobStatus
        switch r.status {
        case .jobRunning: status = .running
        case .jobSucceeded: status = .succeeded
        case .jobFailed: status = .failed
        case .UNRECOGNIZED(let v):
            throw .invalidRecord("A job record carries the unknown status \(v).")
        }
        self.init(jobID: id, namespace: r.namespace, entrypoint: r.entrypoint, driverPid: r.driverPid,
                  driverIp: r.driverIp, driverNodeID: NodeID(bytes: [UInt8](r.driverNodeID)),
                  startTimeMs: r.startTimeMs, endTimeMs: r.endTimeMs, status: status,
                  message: r.message, errorType: r.errorType,
                  driverExitCode: r.hasExitCode_p ? r.driverExitCode : nil)
    }
}
