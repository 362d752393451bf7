import Foundation
import SwiftProtobuf

extension NodeInfo {
    /// The wire/storage form of this row.
    public var record: Swiftray_NodeRecord {
        var r = Swiftray_NodeRecord()
        r.nodeID = Data(nodeID.bytes)
        r.ip = ip
        r.nodeManagerPort = Int32(nodeManagerPort)
        r.isHead = isHead
        r.state = state == .alive ? .nodeAlive : .nodeDead
        r.nodeName = nodeName
        r.resourcesTotal = resourcesTotal.raw
        r.resourcesAvailable = resourcesAvailable.raw
        r.labels = labels
        r.startTimeMs = startTimeMs
        r.endTimeMs = endTimeMs
        r.deathReason = deathReason?.rawValue ?? ""
        r.deathMessage = deathMessage
        r.rayletPid = rayletPid
        r.localIndex = Int32(localIndex)
        return r
    }

    /// Rebuilds a row from its wire/storage form, rejecting malformed ids.
    public init(record r: Swiftray_NodeRecord) throws(ClusterStateError) {
        guard let id = NodeID(bytes: [UInt8](r.nodeID)) else {
            throw .invalidRecord("A node record carries a node id of \(r.nodeID.count) bytes; 28 are required.")
        }
        var reason: NodeDeathReason?
        if !r.deathReason.isEmpty {
            guard let parsed = NodeDeathReason(rawValue: r.deathReason) else {
                throw .invalidRecord("A node record carries the unknown death reason '\(r.deathReason)'.")
            }
            reason = parsed
        }
        let state: NodeState
        switch r.state {
        case .nodeAlive: state = .alive
        case .nodeDead: state = .dead
        case .UNRECOGNIZED(let v):
            throw .invalidRecord("A node record carries the unknown state \(v).")
        }
        self.init(nodeID: id, ip: r.ip, nodeManagerPort: Int(r.nodeManagerPort), isHead: r.isHead,
                  state: state, nodeName: r.nodeName,
                  resourcesTotal: ResourceSet(raw: r.resourcesTotal),
                  resourcesAvailable: ResourceSet(raw: r.resourcesAvailable), labels: r.labels,
                  startTimeMs: r.startTimeMs, endTimeMs: r.endTimeMs, deathReason: reason,
                  deathMessage: r.deathMessage, rayletPid: r.rayletPid, localIndex: Int(r.localIndex))
    }
}
