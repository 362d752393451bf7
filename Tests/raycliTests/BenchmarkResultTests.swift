import Testing
@testable import raycli

@Suite("Microbenchmark lines")
struct BenchmarkResultTests {
    @Test("a figure prints as Ray's timeit prints it: mean and population stdev, rounded to 2 decimals, Python floats")
    func rayLine() {
        #expect(BenchmarkResult(name: "single client tasks sync per second", values: [980, 990]).line
                == "single client tasks sync per second 985.0 +- 5.0")
        #expect(BenchmarkResult(name: "x per second", values: [1.0 / 3, 2.0 / 3, 1]).line == "x per second 0.67 +- 0.27")
        #expect(BenchmarkResult(name: "x", values: [12_345.678]).line == "x 12345.68 +- 0.0")
        #expect(BenchmarkResult.json([BenchmarkResult(name: "a \"b\"", values: [1, 3])])
                == "[{\"name\": \"a \\\"b\\\"\", \"mean\": 2.0, \"stdev\": 1.0, \"samples\": 2}]")
    }
}
