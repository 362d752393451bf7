import Scheduling
import Testing

@Suite("PlacementRetryBackoff")
struct PlacementRetryBackoffTests {
    @Test("Ray's defaults: 100 ms ×1.5 capped at 1 s", arguments: zip(
        1...12, [100, 150, 225, 337, 506, 759, 1000, 1000, 1000, 1000, 1000, 1000]))
    func sequence(attempt: Int, expected: Int) {
        #expect(PlacementRetryBackoff.ray.delayMilliseconds(afterFailedAttempts: attempt) == expected)
    }

    @Test("no failed attempt means no delay; huge counts stay capped", arguments: [
        (0, 0), (-3, 0), (1_000_000, 1000), (Int.max, 1000),
    ])
    func edges(attempt: Int, expected: Int) {
        #expect(PlacementRetryBackoff.ray.delayMilliseconds(afterFailedAttempts: attempt) == expected)
    }

    @Test("custom parameters")
    func custom() {
        let b = PlacementRetryBackoff(initialMilliseconds: 10, multiplier: 2, maxMilliseconds: 50)
        #expect((1...5).map { b.delayMilliseconds(afterFailedAttempts: $0) } == [10, 20, 40, 50, 50])
        let flat = PlacementRetryBackoff(initialMilliseconds: 7, multiplier: 1, maxMilliseconds: 50)
        #expect(flat.delayMilliseconds(afterFailedAttempts: Int.max) == 7)
    }
}
