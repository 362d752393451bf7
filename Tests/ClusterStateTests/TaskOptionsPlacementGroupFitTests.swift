import ClusterState
import Testing

/// One placement-group check and its outcome (nil: fits).
struct FitCase: Sendable, CustomTestStringConvertible {
    let label: String
    let request: ResourceSet
    let bundleIndex: Int
    let bundles: [ResourceSet]
    let error: String?
    var testDescription: String { label }
}

private let cpu1 = OptsFixture.cpu1
private let gpu1 = OptsFixture.set(["GPU": 1])

@Suite("PlacementGroupFit")
struct TaskOptionsPlacementGroupFitTests {
    @Test("bundle index: -1 or an existing bundle", arguments: [
        (-1, 3, nil),
        (0, 3, nil),
        (2, 3, nil),
        (3, 3, "placement group bundle index 3 is invalid. Valid placement group indexes: 0-3"),
        (5, 2, "placement group bundle index 5 is invalid. Valid placement group indexes: 0-2"),
        (-2, 3, "placement group bundle index -2 is invalid. Valid placement group indexes: 0-3"),
    ] as [(Int, Int, String?)])
    func bundleIndex(index: Int, count: Int, error: String?) {
        #expect(thrownError { try PlacementGroupFit.checkBundleIndex(index, bundleCount: count) }
                == error.map(ClusterStateError.invalidRecord))
    }

    static let tasks: [FitCase] = [
        FitCase(label: "2 CPUs into a 1-CPU bundle", request: OptsFixture.set(["CPU": 2]), bundleIndex: -1, bundles: [cpu1],
                error: "Cannot schedule f with the placement group because the resource request {'CPU': 2.0} cannot fit into any bundles for the placement group, [{'CPU': 1.0}]."),
        FitCase(label: "fits the second bundle", request: cpu1, bundleIndex: -1, bundles: [gpu1, cpu1], error: nil),
        FitCase(label: "not the chosen bundle", request: cpu1, bundleIndex: 0, bundles: [gpu1, cpu1],
                error: "Cannot schedule f with the placement group because the resource request {'CPU': 1.0} cannot fit into any bundles for the placement group, [{'GPU': 1.0}, {'CPU': 1.0}]."),
        FitCase(label: "the chosen bundle", request: cpu1, bundleIndex: 1, bundles: [gpu1, cpu1], error: nil),
        FitCase(label: "no single bundle holds both", request: OptsFixture.set(["GPU": 1, "CPU": 1]), bundleIndex: -1,
                bundles: [cpu1, gpu1],
                error: "Cannot schedule f with the placement group because the resource request {'CPU': 1.0, 'GPU': 1.0} cannot fit into any bundles for the placement group, [{'CPU': 1.0}, {'GPU': 1.0}]."),
        FitCase(label: "exact fit", request: OptsFixture.set(["CPU": 0.5, "foo": 2]), bundleIndex: -1,
                bundles: [OptsFixture.set(["CPU": 0.5, "foo": 2])], error: nil),
        FitCase(label: "0.0001 too much", request: OptsFixture.set(["CPU": 1.0001]), bundleIndex: 0, bundles: [cpu1],
                error: "Cannot schedule f with the placement group because the resource request {'CPU': 1.0001} cannot fit into any bundles for the placement group, [{'CPU': 1.0}]."),
        FitCase(label: "an empty request fits any bundle", request: ResourceSet(), bundleIndex: 0, bundles: [gpu1], error: nil),
        FitCase(label: "an empty request, any bundle", request: ResourceSet(), bundleIndex: -1, bundles: [gpu1], error: nil),
        FitCase(label: "index checked before the fit", request: OptsFixture.set(["CPU": 9]), bundleIndex: 5, bundles: [cpu1, cpu1],
                error: "placement group bundle index 5 is invalid. Valid placement group indexes: 0-2"),
    ]

    @Test("tasks", arguments: tasks)
    func task(_ c: FitCase) {
        #expect(thrownError {
            try PlacementGroupFit.checkTask(function: "f", request: c.request, bundleIndex: c.bundleIndex, bundles: c.bundles)
        }?.description == c.error)
        #expect(PlacementGroupFit.fits(c.request, bundleIndex: c.bundleIndex, bundles: c.bundles)
                == (c.error == nil))
    }

    @Test("a default actor needs one CPU for creation")
    func defaultActor() throws {
        let a = try TaskOptionsParser.actor([("scheduling_strategy", OptsFixture.pgStrategy())])
        #expect(thrownError { try PlacementGroupFit.check(a, className: "A", bundles: [gpu1]) }
                == .invalidRecord("Cannot schedule A with the placement group because the actor requires 1 CPU for creation, but it cannot fit into any bundles for the placement group, [{'GPU': 1.0}]. Consider creating a placement group with CPU resources."))
        #expect(thrownError { try PlacementGroupFit.check(a, className: "A", bundles: [gpu1, cpu1]) } == nil)
    }

    @Test("an actor's lifetime request is checked first")
    func actorLifetime() throws {
        let a = try TaskOptionsParser.actor([("num_gpus", 1), ("scheduling_strategy", OptsFixture.pgStrategy())])
        #expect(thrownError { try PlacementGroupFit.check(a, className: "A", bundles: [cpu1]) }
                == .invalidRecord("Cannot schedule A with the placement group because the resource request {'CPU': 1.0, 'GPU': 1.0} cannot fit into any bundles for the placement group, [{'CPU': 1.0}]."))
        #expect(thrownError { try PlacementGroupFit.check(a, className: "A", bundles: [OptsFixture.set(["CPU": 1, "GPU": 1])]) } == nil)
        let memory = try TaskOptionsParser.actor([("memory", 1000), ("scheduling_strategy", OptsFixture.pgStrategy())])
        #expect(thrownError { try PlacementGroupFit.check(memory, className: "M", bundles: [cpu1]) }
                == .invalidRecord("Cannot schedule M with the placement group because the resource request {'memory': 1000.0} cannot fit into any bundles for the placement group, [{'CPU': 1.0}]."))
        #expect(thrownError { try PlacementGroupFit.check(memory, className: "M", bundles: [OptsFixture.set(["memory": 1000])]) }
                == .invalidRecord("Cannot schedule M with the placement group because the actor requires 1 CPU for creation, but it cannot fit into any bundles for the placement group, [{'memory': 1000.0}]. Consider creating a placement group with CPU resources."))
    }

    @Test("an actor asking for no CPU fits anywhere")
    func zeroCPUActor() throws {
        let a = try TaskOptionsParser.actor([("num_cpus", 0), ("scheduling_strategy", OptsFixture.pgStrategy(index: 0))])
        #expect(thrownError { try PlacementGroupFit.check(a, className: "A", bundles: [gpu1]) } == nil)
        #expect(thrownError { try PlacementGroupFit.checkActor(className: "A", placement: ResourceSet(), lifetime: ResourceSet(),
                                                              bundleIndex: 1, bundles: [gpu1]) }
                == .invalidRecord("placement group bundle index 1 is invalid. Valid placement group indexes: 0-1"))
    }

    @Test("task options: placement-group strategies are checked, others are not")
    func taskOptions() throws {
        let pinned = try TaskOptionsParser.task([("scheduling_strategy", OptsFixture.pgStrategy(index: 1))])
        #expect(thrownError { try PlacementGroupFit.check(pinned, function: "f", bundles: [cpu1, gpu1]) }
                == .invalidRecord("Cannot schedule f with the placement group because the resource request {'CPU': 1.0} cannot fit into any bundles for the placement group, [{'CPU': 1.0}, {'GPU': 1.0}]."))
        let outOfRange = try TaskOptionsParser.task([("scheduling_strategy", OptsFixture.pgStrategy(index: 5))])
        #expect(thrownError { try PlacementGroupFit.check(outOfRange, function: "f", bundles: [cpu1, cpu1]) }
                == .invalidRecord("placement group bundle index 5 is invalid. Valid placement group indexes: 0-2"))
        let plain = try TaskOptionsParser.task([("num_cpus", 8)])
        #expect(thrownError { try PlacementGroupFit.check(plain, function: "f", bundles: [cpu1]) } == nil)
        let zero = try TaskOptionsParser.task([("num_cpus", 0), ("scheduling_strategy", OptsFixture.pgStrategy(index: 0))])
        #expect(thrownError { try PlacementGroupFit.check(zero, function: "f", bundles: [gpu1]) } == nil)
    }

    @Test("fits: an index past the bundles never fits")
    func fitsOutOfRange() {
        #expect(!PlacementGroupFit.fits(cpu1, bundleIndex: 3, bundles: [cpu1]))
        #expect(PlacementGroupFit.fits(cpu1, bundleIndex: 0, bundles: [cpu1]))
    }
}
