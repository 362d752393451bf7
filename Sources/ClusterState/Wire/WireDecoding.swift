import SwiftProtobuf

/// How every swiftray process decodes protobuf messages. SwiftProtobuf's default nesting limit
/// (100 messages) would refuse a value nested ~50 lists deep (each list level is two messages);
/// Ray passes values nested up to its recursion limit of about 1 000, so the limit here allows
/// that. Frames stay bounded by the 64 MiB frame limit.
public enum WireDecoding {
    public static let options: BinaryDecodingOptions = {
        var options = BinaryDecodingOptions()
        options.messageDepthLimit = 2_100
        return options
    }()
}
