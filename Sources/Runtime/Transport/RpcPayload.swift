import ClusterState
import Foundation
import SwiftProtobuf

/// Decoding of request bodies, shared by every `RpcService` (GCS and raylet).
enum RpcPayload {
    /// The request message in `payload`, or a bad-request error naming the expected message.
    static func decode<M: SwiftProtobuf.Message>(_ payload: Data) throws -> M {
        do { return try M(serializedBytes: payload, options: WireDecoding.options) } catch {
            throw RuntimeError.invalidArgument("The request could not be decoded as \(M.protoMessageName).")
        }
    }
}
