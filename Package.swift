// swift-tools-version: 6.1
import PackageDescription

// swiftray: Ray's cluster layer as one Swift binary. Module direction (see docs/ARCHITECTURE.md):
// raycli -> Runtime -> Scheduling -> ClusterState; Runtime -> StateStore -> ClusterState;
// raycli -> Script -> ClusterState.
let package = Package(
    name: "swiftray",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "swiftray", targets: ["raycli"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
    ],
    targets: [
        .target(
            name: "ClusterState",
            dependencies: [
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            exclude: ["Wire/job.proto.sha256", "Wire/kv.proto.sha256", "Wire/node.proto.sha256",
                      "Wire/node_calls.proto.sha256", "Wire/placement_group.proto.sha256",
                      "Wire/placement_group_calls.proto.sha256", "Wire/status.proto.sha256",
                      "Wire/task.proto.sha256", "Wire/task_calls.proto.sha256", "Wire/transport.proto.sha256",
                      "Wire/value.proto.sha256", "Wire/task_record.proto.sha256", "Wire/worker_calls.proto.sha256",
                      "Wire/object_calls.proto.sha256", "Wire/actor.proto.sha256", "Wire/actor_calls.proto.sha256"]
        ),
        .target(name: "Scheduling", dependencies: ["ClusterState"]),
        .target(
            name: "StateStore",
            dependencies: [
                "ClusterState",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        .target(
            name: "Runtime",
            dependencies: [
                "ClusterState", "Scheduling", "StateStore", "CConcurrencyHook",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        .target(name: "CConcurrencyHook"),
        .target(name: "Script", dependencies: [
            "ClusterState", .product(name: "DequeModule", package: "swift-collections"),
        ]),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .executableTarget(
            name: "raycli",
            dependencies: [
                "ClusterState", "Runtime", "Script", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ClusterStateTests", dependencies: ["ClusterState"]),
        .testTarget(name: "SchedulingTests", dependencies: ["Scheduling", "ClusterState"]),
        .testTarget(name: "StateStoreTests", dependencies: ["StateStore", "ClusterState"]),
        .testTarget(name: "ScriptTests", dependencies: ["Script", "ClusterState"]),
        .testTarget(name: "RuntimeTests", dependencies: [
            "Runtime", "StateStore", .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "raycliTests", dependencies: ["raycli"]),
        .testTarget(name: "IntegrationTests", dependencies: ["ClusterState", "Runtime"]),
    ],
    swiftLanguageModes: [.v6]
)
