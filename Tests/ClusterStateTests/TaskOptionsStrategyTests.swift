import ClusterState
import Testing

private let validValues = "Valid values are [\"DEFAULT\" | \"SPREAD\" | PlacementGroupSchedulingStrategy | NodeAffinitySchedulingStrategy]"
private let strategyTypes = "(<class 'NoneType'>, <class 'str'>, <class 'ray.util.scheduling_strategies.PlacementGroupSchedulingStrategy'>, <class 'ray.util.scheduling_strategies.NodeAffinitySchedulingStrategy'>)"

/// One `scheduling_strategy` value and what it parses to.
struct ParsedStrategy: Sendable, CustomTestStringConvertible {
    let label: String
    let value: PyValue
    let expected: TaskStrategy
    var testDescription: String { label }
}

/// One `scheduling_strategy` value and the error it raises.
struct RejectedStrategy: Sendable, CustomTestStringConvertible {
    let label: String
    let value: PyValue
    let error: ClusterStateError
    var testDescription: String { label }
}

@Suite("TaskStrategy")
struct TaskOptionsStrategyTests {
    static let parsed: [ParsedStrategy] = [
        ParsedStrategy(label: "None", value: nil, expected: .default),
        ParsedStrategy(label: "DEFAULT", value: "DEFAULT", expected: .default),
        ParsedStrategy(label: "SPREAD", value: "SPREAD", expected: .spread),
        ParsedStrategy(label: "hard node affinity", value: OptsFixture.nodeAffinity(),
                       expected: .nodeAffinity(OptsFixture.node, soft: false, spillOnUnavailable: false, failOnUnavailable: false)),
        ParsedStrategy(label: "soft node affinity", value: OptsFixture.nodeAffinity(soft: true),
                       expected: .nodeAffinity(OptsFixture.node, soft: true, spillOnUnavailable: false, failOnUnavailable: false)),
        ParsedStrategy(label: "soft, spill on unavailable", value: OptsFixture.nodeAffinity(soft: true, spill: true),
                       expected: .nodeAffinity(OptsFixture.node, soft: true, spillOnUnavailable: true, failOnUnavailable: false)),
        ParsedStrategy(label: "hard, fail on unavailable", value: OptsFixture.nodeAffinity(fail: true),
                       expected: .nodeAffinity(OptsFixture.node, soft: false, spillOnUnavailable: false, failOnUnavailable: true)),
        ParsedStrategy(label: "upper-case node hex", value: OptsFixture.nodeAffinity(.str(OptsFixture.nodeHex.uppercased())),
                       expected: .nodeAffinity(OptsFixture.node, soft: false, spillOnUnavailable: false, failOnUnavailable: false)),
        ParsedStrategy(label: "node affinity with only type and node_id",
                       value: .object([("type", "NodeAffinitySchedulingStrategy"), ("node_id", .str(OptsFixture.nodeHex))]),
                       expected: .nodeAffinity(OptsFixture.node, soft: false, spillOnUnavailable: false, failOnUnavailable: false)),
        ParsedStrategy(label: "placement group, any bundle", value: OptsFixture.pgStrategy(),
                       expected: .placementGroup(OptsFixture.pg, bundleIndex: -1, captureChildTasks: false)),
        ParsedStrategy(label: "placement group, bundle 2, capture", value: OptsFixture.pgStrategy(index: 2, capture: true),
                       expected: .placementGroup(OptsFixture.pg, bundleIndex: 2, captureChildTasks: true)),
        ParsedStrategy(label: "placement group, capture False", value: OptsFixture.pgStrategy(index: 0, capture: false),
                       expected: .placementGroup(OptsFixture.pg, bundleIndex: 0, captureChildTasks: false)),
        ParsedStrategy(label: "placement group with only type and group",
                       value: .object([("type", "PlacementGroupSchedulingStrategy"), ("placement_group", OptsFixture.group)]),
                       expected: .placementGroup(OptsFixture.pg, bundleIndex: -1, captureChildTasks: false)),
        ParsedStrategy(label: "placement group None: no group", value: OptsFixture.pgStrategy(nil),
                       expected: .default),
    ]

    @Test("each form parses", arguments: parsed)
    func parses(_ c: ParsedStrategy) throws {
        #expect(try TaskStrategy.parse(c.value) == c.expected)
        #expect(try TaskOptionsParser.task([("scheduling_strategy", c.value)]).strategy == c.expected)
        #expect(try TaskOptionsParser.actor([("scheduling_strategy", c.value)]).strategy == c.expected)
    }

    static let rejected: [RejectedStrategy] = [
        RejectedStrategy(label: "unknown string", value: "FOO",
                         error: .invalidRecord("Invalid scheduling_strategy value FOO. \(validValues)")),
        RejectedStrategy(label: "lower-case spread", value: "spread",
                         error: .invalidRecord("Invalid scheduling_strategy value spread. \(validValues)")),
        RejectedStrategy(label: "unsupported strategy class", value: .object([("type", "NodeLabelSchedulingStrategy"), ("hard", [:])]),
                         error: .invalidRecord("Invalid scheduling_strategy value NodeLabelSchedulingStrategy. \(validValues)")),
        RejectedStrategy(label: "a dict that is no strategy", value: ["a": 1],
                         error: .invalidRecord("Invalid scheduling_strategy value {'a': 1}. \(validValues)")),
        RejectedStrategy(label: "an int", value: 5,
                         error: .invalidType("The type of keyword 'scheduling_strategy' must be \(strategyTypes), but received type <class 'int'>")),
        RejectedStrategy(label: "a list", value: ["SPREAD"],
                         error: .invalidType("The type of keyword 'scheduling_strategy' must be \(strategyTypes), but received type <class 'list'>")),
        RejectedStrategy(label: "node id not hex", value: OptsFixture.nodeAffinity("abc"),
                         error: .invalidRecord("Invalid node_id 'abc'. Node ID must be a valid hex string.")),
        RejectedStrategy(label: "node id too short", value: OptsFixture.nodeAffinity("abcd"),
                         error: .invalidRecord("Invalid node_id 'abcd'. Node ID must be a valid hex string.")),
        RejectedStrategy(label: "node id of a placement group", value: OptsFixture.nodeAffinity(.str(OptsFixture.pgHex)),
                         error: .invalidRecord("Invalid node_id '\(OptsFixture.pgHex)'. Node ID must be a valid hex string.")),
        RejectedStrategy(label: "node id with a non-hex character",
                         value: OptsFixture.nodeAffinity(.str(String(repeating: "a1", count: 27) + "zz")),
                         error: .invalidRecord("Invalid node_id '\(String(repeating: "a1", count: 27))zz'. Node ID must be a valid hex string.")),
        RejectedStrategy(label: "node id None", value: OptsFixture.nodeAffinity(nil),
                         error: .invalidRecord("Invalid node_id 'None'. Node ID must be a valid hex string.")),
        RejectedStrategy(label: "spill with hard affinity", value: OptsFixture.nodeAffinity(spill: true),
                         error: .invalidRecord("NodeAffinitySchedulingStrategy's _spill_on_unavailable requires soft=True: a hard node affinity never spills to another node.")),
        RejectedStrategy(label: "fail with soft affinity", value: OptsFixture.nodeAffinity(soft: true, fail: true),
                         error: .invalidRecord("NodeAffinitySchedulingStrategy's _fail_on_unavailable requires soft=False: a soft node affinity falls back to another node instead of failing.")),
        RejectedStrategy(label: "no group but a bundle index", value: OptsFixture.pgStrategy(nil, index: 1),
                         error: .invalidRecord("If placement group is not set, the value of bundle index must be -1.")),
        RejectedStrategy(label: "bad placement group id", value: OptsFixture.pgStrategy(.object([("placement_group_id", "zz")])),
                         error: .invalidID(kind: "PlacementGroupID", text: "zz", reason: "ID string needs to have length 36, got 2")),
        RejectedStrategy(label: "placement group a string", value: OptsFixture.pgStrategy("pg"),
                         error: .invalidType("The placement group must be a PlacementGroup, got 'pg'.")),
        RejectedStrategy(label: "bundle index a string", value: OptsFixture.pgStrategy(index: "1"),
                         error: .invalidType("The placement group bundle index must be an int, got <class 'str'>.")),
    ]

    @Test("rejections carry the exact error, for tasks and actors alike", arguments: rejected)
    func rejects(_ c: RejectedStrategy) {
        #expect(thrownError { _ = try TaskStrategy.parse(c.value) } == c.error)
        #expect(thrownError { _ = try TaskOptionsParser.task([("scheduling_strategy", c.value)]) } == c.error)
        #expect(thrownError { _ = try TaskOptionsParser.actor([("scheduling_strategy", c.value)]) } == c.error)
    }

    @Test("the node id message shows the text as given")
    func nodeIDMessage() {
        #expect(thrownError { _ = try TaskStrategy.parse(OptsFixture.nodeAffinity("abc")) }?.description
                == "Invalid node_id 'abc'. Node ID must be a valid hex string.")
    }

    @Test("legacy placement_group options build the same strategy")
    func legacyOptions() throws {
        let t = try TaskOptionsParser.task([("placement_group", OptsFixture.group), ("placement_group_bundle_index", 1),
                                            ("placement_group_capture_child_tasks", true)])
        #expect(t.strategy == .placementGroup(OptsFixture.pg, bundleIndex: 1, captureChildTasks: true))
        let a = try TaskOptionsParser.actor([("placement_group", OptsFixture.group)])
        #expect(a.strategy == .placementGroup(OptsFixture.pg, bundleIndex: -1, captureChildTasks: false))
        let viaOptions = try TaskOptionsParser.task([], overrides: [("placement_group", OptsFixture.group),
                                                                    ("placement_group_capture_child_tasks", nil)])
        #expect(viaOptions.strategy == .placementGroup(OptsFixture.pg, bundleIndex: -1, captureChildTasks: false))
    }

    @Test("placement_group 'default' or None means no group", arguments: [PyValue.str("default"), .none])
    func legacyNoGroup(group: PyValue) throws {
        #expect(try TaskOptionsParser.task([("placement_group", group)]).strategy == .default)
        #expect(try TaskOptionsParser.task([("placement_group", group), ("scheduling_strategy", "SPREAD")]).strategy == .spread)
        #expect(thrownError { _ = try TaskOptionsParser.task([("placement_group", group), ("placement_group_bundle_index", 0)]) }
                == .invalidRecord("If placement group is not set, the value of bundle index must be -1."))
    }

    @Test("scheduling_strategy wins over the legacy bundle index")
    func strategyWins() throws {
        let t = try TaskOptionsParser.task([("scheduling_strategy", OptsFixture.pgStrategy(index: 0)),
                                            ("placement_group_bundle_index", 2)])
        #expect(t.strategy == .placementGroup(OptsFixture.pg, bundleIndex: 0, captureChildTasks: false))
        #expect(try TaskOptionsParser.task([("scheduling_strategy", "SPREAD"), ("placement_group_bundle_index", 2)]).strategy == .spread)
    }

    static let legacyRejected: [RejectedOptions] = [
        RejectedOptions(label: "placement_group with scheduling_strategy",
                        options: [("placement_group", OptsFixture.group), ("scheduling_strategy", "SPREAD")],
                        error: .invalidRecord("Placement groups should be specified via the scheduling_strategy option. The placement_group option is deprecated.")),
        RejectedOptions(label: "placement_group in .options() with the decorator's strategy",
                        options: [("scheduling_strategy", "DEFAULT")], overrides: [("placement_group", OptsFixture.group)],
                        error: .invalidRecord("Placement groups should be specified via the scheduling_strategy option. The placement_group option is deprecated.")),
        RejectedOptions(label: "placement_group an unknown string", options: [("placement_group", "mine")],
                        error: .invalidRecord("Invalid placement_group value 'mine'. Pass a PlacementGroup, None or 'default'.")),
        RejectedOptions(label: "placement_group an int", options: [("placement_group", 3)],
                        error: .invalidType("The type of keyword 'placement_group' must be (<class 'NoneType'>, <class 'str'>, <class 'ray.util.placement_group.PlacementGroup'>), but received type <class 'int'>")),
        RejectedOptions(label: "bundle index None", options: [("placement_group_bundle_index", nil)],
                        error: .invalidType("The type of keyword 'placement_group_bundle_index' must be <class 'int'>, but received type <class 'NoneType'>")),
        RejectedOptions(label: "capture an int", options: [("placement_group_capture_child_tasks", 1)],
                        error: .invalidType("The type of keyword 'placement_group_capture_child_tasks' must be (<class 'bool'>, <class 'NoneType'>), but received type <class 'int'>")),
    ]

    @Test("legacy option rejections", arguments: legacyRejected)
    func legacyRejects(_ c: RejectedOptions) {
        #expect(thrownError { _ = try TaskOptionsParser.task(c.options, overrides: c.overrides) } == c.error)
        #expect(thrownError { _ = try TaskOptionsParser.actor(c.options, overrides: c.overrides) } == c.error)
    }
}
