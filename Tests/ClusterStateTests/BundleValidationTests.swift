import ClusterState
import Testing

/// One rejected `placement_group(...)` call and the exact message it must raise.
struct RejectedPG: Sendable, CustomTestStringConvertible {
    let label: String
    let bundles: PyValue
    var strategy: PyValue = .none
    var name: PyValue = ""
    var lifetime: PyValue = .none
    let message: String
    var testDescription: String { label }
}

private let shape = "Bundles must be a non-empty list of resource dictionaries. For example: `[{\"CPU\": 1.0}, {\"GPU\": 1.0}]`."

@Suite("BundleValidation")
struct BundleValidationTests {
    static let rejected: [RejectedPG] = [
        // Ray's messages (reference §7).
        RejectedPG(label: "dict instead of list", bundles: ["CPU": 1],
                   message: "Placement group bundles must be a list, got <class 'dict'>."),
        RejectedPG(label: "tuple instead of list", bundles: .tuple([["CPU": 1]]),
                   message: "Placement group bundles must be a list, got <class 'tuple'>."),
        RejectedPG(label: "None instead of list", bundles: nil,
                   message: "Placement group bundles must be a list, got <class 'NoneType'>."),
        RejectedPG(label: "empty list", bundles: [],
                   message: shape + " Got empty list instead."),
        RejectedPG(label: "bundle not a dict", bundles: [["CPU": 1], "CPU"], message: shape),
        RejectedPG(label: "bundle is a list", bundles: [[1]], message: shape),
        RejectedPG(label: "empty bundle", bundles: [[:]],
                   message: "Bundles cannot be an empty dictionary or resources with only 0 values. Bundles: [{}]"),
        RejectedPG(label: "all-zero bundle", bundles: [["CPU": 0]],
                   message: "Bundles cannot be an empty dictionary or resources with only 0 values. Bundles: [{'CPU': 0}]"),
        RejectedPG(label: "second bundle all zeros", bundles: [["CPU": 1.0], ["CPU": 0.0, "GPU": 0]],
                   message: "Bundles cannot be an empty dictionary or resources with only 0 values. Bundles: [{'CPU': 1.0}, {'CPU': 0.0, 'GPU': 0}]"),
        RejectedPG(label: "unknown strategy", bundles: [["CPU": 1]], strategy: "FOO",
                   message: "Invalid placement group strategy FOO. Supported strategies are: {'PACK', 'STRICT_SPREAD', 'SPREAD', 'STRICT_PACK'}."),
        RejectedPG(label: "lower-case strategy", bundles: [["CPU": 1]], strategy: "pack",
                   message: "Invalid placement group strategy pack. Supported strategies are: {'PACK', 'STRICT_SPREAD', 'SPREAD', 'STRICT_PACK'}."),
        RejectedPG(label: "non-string strategy", bundles: [["CPU": 1]], strategy: 3,
                   message: "Invalid placement group strategy 3. Supported strategies are: {'PACK', 'STRICT_SPREAD', 'SPREAD', 'STRICT_PACK'}."),
        RejectedPG(label: "bad lifetime", bundles: [["CPU": 1]], lifetime: "forever",
                   message: "Placement group `lifetime` argument must be either `None` or 'detached'. Got forever."),
        RejectedPG(label: "bool lifetime", bundles: [["CPU": 1]], lifetime: true,
                   message: "Placement group `lifetime` argument must be either `None` or 'detached'. Got True."),
        // Ray's text, with the detail swiftray adds.
        RejectedPG(label: "non-string key", bundles: [["CPU": 1], [1: 2]],
                   message: shape + " Bundle 1 has the key 1, which is not a string."),
        RejectedPG(label: "non-numeric value", bundles: [["CPU": "1"]],
                   message: shape + " Bundle 0 gives resource 'CPU' the value '1', which is not a number."),
        RejectedPG(label: "None value", bundles: [["GPU": nil]],
                   message: shape + " Bundle 0 gives resource 'GPU' the value None, which is not a number."),
        // swiftray's own checks, where Ray accepts nonsense.
        RejectedPG(label: "negative int", bundles: [["CPU": -1]],
                   message: "The quantity of resource CPU in bundle 0 cannot be negative, got -1."),
        RejectedPG(label: "negative float next to a good one", bundles: [["CPU": 1], ["GPU": 1, "CPU": -0.5]],
                   message: "The quantity of resource CPU in bundle 1 cannot be negative, got -0.5."),
        RejectedPG(label: "NaN", bundles: [["CPU": .float(.nan)]],
                   message: "The quantity of resource CPU in bundle 0 must be a finite number, got nan."),
        RejectedPG(label: "infinity", bundles: [["memory": .float(.infinity)]],
                   message: "The quantity of resource memory in bundle 0 must be a finite number, got inf."),
        RejectedPG(label: "too large", bundles: [["CPU": 1e20]],
                   message: "The quantity of resource CPU in bundle 0 is too large, got 1e+20."),
        RejectedPG(label: "precision", bundles: [["CPU": 0.00001]],
                   message: "The precision of the fractional quantity of resource CPU in bundle 0 cannot go beyond 0.0001, got 1e-05."),
        RejectedPG(label: "fractional GPU above 1", bundles: [["CPU": 1, "GPU": 1.5]],
                   message: "GPU resource quantities >1 must be whole numbers. The specified quantity 1.5 is invalid."),
        RejectedPG(label: "name not a string", bundles: [["CPU": 1]], name: 5,
                   message: "Placement group `name` argument must be a string, got <class 'int'>."),
        // Order: bundles before strategy before lifetime.
        RejectedPG(label: "bundles checked first", bundles: [], strategy: "FOO", lifetime: "forever",
                   message: shape + " Got empty list instead."),
        RejectedPG(label: "strategy before lifetime", bundles: [["CPU": 1]], strategy: "FOO", lifetime: "forever",
                   message: "Invalid placement group strategy FOO. Supported strategies are: {'PACK', 'STRICT_SPREAD', 'SPREAD', 'STRICT_PACK'}."),
        RejectedPG(label: "Ray's shape checks over all bundles before swiftray's", bundles: [["CPU": -1], ["CPU": 0]],
                   message: "Bundles cannot be an empty dictionary or resources with only 0 values. Bundles: [{'CPU': -1}, {'CPU': 0}]"),
    ]

    @Test("rejections carry the exact message", arguments: rejected)
    func rejects(_ c: RejectedPG) {
        #expect(thrownMessage {
            _ = try BundleValidation.validate(bundles: c.bundles, strategy: c.strategy, name: c.name, lifetime: c.lifetime)
        } == c.message)
    }

    @Test("bundle problems are resource errors, argument problems record errors")
    func errorKinds() {
        #expect(throws: ClusterStateError.invalidResource("Placement group bundles must be a list, got <class 'str'>.")) {
            try BundleValidation.validateBundles("CPU")
        }
        #expect(throws: ClusterStateError.invalidRecord("Placement group `lifetime` argument must be either `None` or 'detached'. Got forever.")) {
            try BundleValidation.validate(bundles: [["CPU": 1]], lifetime: "forever")
        }
    }

    @Test("defaults: PACK, unnamed, not detached")
    func defaults() throws {
        let r = try BundleValidation.validate(bundles: [["CPU": 1]])
        #expect(r == PlacementGroupRequest(bundles: [PGFixture.resources([("CPU", 1)])], strategy: .pack, name: "", isDetached: false))
    }

    @Test("every strategy and detached are accepted", arguments: PlacementStrategy.allCases)
    func strategies(strategy: PlacementStrategy) throws {
        let r = try BundleValidation.validate(bundles: [["CPU": 1]], strategy: .str(strategy.rawValue),
                                              name: "mypg", lifetime: "detached")
        #expect(r.strategy == strategy)
        #expect(r.name == "mypg")
        #expect(r.isDetached)
    }

    @Test("accepted bundles keep the user's key order, drop zeros, truncate to 0.0001")
    func accepted() throws {
        let bundles = try BundleValidation.validateBundles([
            ["GPU": 1, "CPU": 1.0], ["CPU": 0, "custom": 0.00015], ["GPU": 2.0, "flag": true],
            ["GPU": 0.5, "CPU": 1, "CPU": 3],
        ])
        #expect(bundles.map(\.keys) == [["GPU", "CPU"], ["custom"], ["GPU", "flag"], ["GPU", "CPU"]])
        #expect(bundles[0].set == ResourceSet(doubles: ["CPU": 1, "GPU": 1]))
        #expect(bundles[1].set["custom"] == ResourceQuantity(raw: 1))
        #expect(bundles[2].set == ResourceSet(doubles: ["GPU": 2, "flag": 1]))
        #expect(bundles[3].set == ResourceSet(doubles: ["GPU": 0.5, "CPU": 3]))  // a repeated key: last value wins
        #expect(bundles[0].pythonRepr == "{'GPU': 1.0, 'CPU': 1.0}")
    }

    @Test("PyValue repr and type names follow Python")
    func pyValue() {
        let v: PyValue = [["CPU": 0, 1: 2.5], .tuple(["a"]), .tuple([]), nil, true, "it's"]
        #expect(v.repr == "[{'CPU': 0, 1: 2.5}, ('a',), (), None, True, \"it's\"]")
        #expect(v.typeRepr == "<class 'list'>")
        #expect(PyValue.str("x").str == "x")
        #expect(PyValue.float(1).repr == "1.0")
        #expect(PyValue.int(1) != PyValue.float(1))
        #expect(PyValue.bool(true) != PyValue.int(1))
    }
}
