import Testing
@testable import raycli

/// Golden tests for `YAMLRenderer` (PyYAML 6 `yaml.dump` layouts). Expected texts come from the
/// reference, the seed, or PyYAML 6.0.3 itself.
struct YAMLRendererTests {
    /// Reference §4.3: `ray list placement-groups --detail` of a pending group.
    @Test func referencePlacementGroupDetail() {
        let pgid = "2ed189a49d230e426ec30a55826e01000000"
        let row: StateValue = [
            "placement_group_id": .string(pgid),
            "name": "",
            "creator_job_id": "01000000",
            "state": "PENDING",
            "bundles": [[
                "bundle_id": ["placement_group_id": .string(pgid), "bundle_index": 0],
                "unit_resources": ["CPU": 1.0],
                "node_id": "",
                "label_selector": [:],
            ]],
            "is_detached": false,
            "stats": [
                "creation_request_received_ns": "1795279605632316511",
                "scheduling_started_time_ns": "1795279616425944853",
                "scheduling_attempt": 12,
                "highest_retry_delay_ms": 1000.0,
                "scheduling_state": "NO_RESOURCES",
                "scheduling_latency_us": "0",
                "end_to_end_creation_latency_us": "0",
            ],
            "topology_strategy": [:],
            "topology_assignments": [:],
        ]
        #expect(YAMLRenderer.listDocument([row]) == RenderFixture.text("render-pg-detail.yaml"))
    }

    /// The seed's `ray list actors --detail` block (the seed omits the `---`/`...` lines that
    /// `explicit_start`/`explicit_end` add; the fixture has them).
    @Test func seedActorDetail() {
        let row: StateValue = [
            "actor_id": "b5c990f135a7b32bfbb05e1701000000",
            "class_name": "Actor",
            "death_cause": nil,
            "is_detached": false,
            "job_id": "01000000",
            "name": "",
            "node_id": "b552ca3009081c9de857a31e529d248ba051a4d3aeece7135dde8427",
            "pid": 8795,
            "placement_group_id": "d2e660ac256db230dbe516127c4a01000000",
            "ray_namespace": "e5b19111-306c-4cd8-9e4f-4b13d42dff86",
            "repr_name": "",
            "required_resources": ["CPU_group_d2e660ac256db230dbe516127c4a01000000": 1.0],
            "serialized_runtime_env": "{}",
            "state": "ALIVE",
        ]
        #expect(YAMLRenderer.listDocument([row]) == RenderFixture.text("render-actors-detail.yaml"))
    }

    @Test func scalarQuoting() {
        let v: StateValue = ["s": ["01000000", "0e000000", "08000000", "", "true", "null", "1.5",
                                   "2026-11-21 16:48:05.836000", "héllo", "1:20", "a: b", "- x", "#c",
                                   "x #y", "0x1F", "it's", "tab\there", " lead"]]
        #expect(YAMLRenderer.dump(v) == """
            s:
            - '01000000'
            - 0e000000
            - 08000000
            - ''
            - 'true'
            - 'null'
            - '1.5'
            - '2026-11-21 16:48:05.836000'
            - "h\\xE9llo"
            - '1:20'
            - 'a: b'
            - '- x'
            - '#c'
            - 'x #y'
            - '0x1F'
            - it's
            - "tab\\there"
            - ' lead'

            """)
    }

    @Test func longPlainScalarsFoldAtEightyColumns() {
        let v: StateValue = ["entrypoint": "python -c \"import ray; ray.init(); print(ray.cluster_resources())\" --some-long-flag value --another-flag"]
        #expect(YAMLRenderer.dump(v) == "entrypoint: python -c \"import ray; ray.init(); print(ray.cluster_resources())\" --some-long-flag\n  value --another-flag\n")
    }

    @Test func emptyAndNestedCollections() {
        #expect(YAMLRenderer.listDocument([]) == "--- []\n...\n")
        #expect(YAMLRenderer.dump([:]) == "{}\n")
        #expect(YAMLRenderer.listDocument([[1, [2]], ["a": []]]) == "---\n-   - 1\n    -   - 2\n-   a: []\n...\n")
        #expect(YAMLRenderer.dump("plain") == "plain\n...\n")
    }

    @Test func numbersBoolsAndNull() {
        let v: StateValue = ["f": [1e17, 1e-05, .double(.nan), .double(.infinity), .double(-.infinity), 0.1, -0.0,
                                   .int(Int64.max)], "b": [true, false, nil]]
        #expect(YAMLRenderer.dump(v) == """
            b:
            - true
            - false
            - null
            f:
            - 1.0e+17
            - 1.0e-05
            - .nan
            - .inf
            - -.inf
            - 0.1
            - -0.0
            - 9223372036854775807

            """)
    }

    @Test func sortKeysOffKeepsInsertionOrder() {
        let v: StateValue = ["b": 1, "a": 2]
        #expect(YAMLRenderer.dump(v, sortKeys: false) == "b: 1\na: 2\n")
        #expect(YAMLRenderer.dump(v) == "a: 2\nb: 1\n")
    }

    @Test func longAndEmptyKeysUseComplexKeyForm() {
        let long = String(repeating: "k", count: 123)
        #expect(YAMLRenderer.dump(.dict([(long, StateValue.int(1))])) == "? \(long)\n: 1\n")
        let short = String(repeating: "k", count: 122)
        #expect(YAMLRenderer.dump(.dict([(short, StateValue.int(1))])) == "\(short): 1\n")
        #expect(YAMLRenderer.dump(["": 1]) == "? ''\n: 1\n")
    }

    @Test func implicitResolver() {
        for s in ["01000000", "-1", "+1", "1_000", "0b101", "0x1F", "1:20", "1.5", ".5", "1.", "-.inf", ".NaN",
                  "yes", "Off", "~", "null", "", "<<", "=", "2026-11-21", "2026-1-2 3:04:05", "2026-11-21T16:48:05Z"] {
            #expect(!YAMLImplicitResolver.resolvesToString(s), "\(s)")
        }
        for s in ["0e000000", "08000000", "09", "1e5", "1e+5", "Infinity", "nan", "0o17", "abc", "node:1.2.3.4",
                  "yess", "2026-11-21 16:48", "1:60"] {
            #expect(YAMLImplicitResolver.resolvesToString(s), "\(s)")
        }
    }
}
