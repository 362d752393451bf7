/// Ray's `parse_placement_group_resource_str`: splits a placement-group resource name back into
/// its base resource and group id.
///
/// Guarantees, matching Python's `re.match` (anchored at the start only, greedy prefix):
/// - `<base>_group_<index>_<id>` (`(.+)_group_(\d+)_([0-9a-zA-Z]+)`) → base, id, not countable
///   (the indexed form duplicates the wildcard one);
/// - `<base>_group_<id>` (`(.+)_group_([0-9a-zA-Z]+)`) → base, id, countable;
/// - anything else → the name itself, no group, countable.
public struct PlacementGroupResourceName: Sendable, Hashable {
    public var base: String
    public var groupID: String?
    public var countable: Bool

    public static func parse(_ name: String) -> PlacementGroupResourceName {
        let s = Array(name.unicodeScalars)
        let marker = Array("_group_".unicodeScalars)
        // Candidate positions of "_group_" after at least one prefix character (no newline in
        // the prefix, as `.` does not match it), rightmost first (greedy `(.+)`).
        var positions: [Int] = []
        if s.count > marker.count {
            for i in 1...(s.count - marker.count) where Array(s[i..<(i + marker.count)]) == marker {
                positions.append(i)
            }
        }
        let prefixOK: (Int) -> Bool = { i in !s[0..<i].contains("\n") }
        func alnumRun(from j: Int) -> Int {
            var k = j
            while k < s.count, s[k].isASCII, s[k].properties.isAlphabetic || ("0"..."9").contains(s[k]) { k += 1 }
            return k
        }
        for i in positions.reversed() where prefixOK(i) {
            var j = i + marker.count
            let digitsStart = j
            while j < s.count, s[j].properties.numericType == .decimal { j += 1 }
            if j > digitsStart, j < s.count, s[j] == "_" {
                let end = alnumRun(from: j + 1)
                if end > j + 1 {
                    return PlacementGroupResourceName(
                        base: String(String.UnicodeScalarView(s[0..<i])),
                        groupID: String(String.UnicodeScalarView(s[(j + 1)..<end])), countable: false)
                }
            }
        }
        for i in positions.reversed() where prefixOK(i) {
            let start = i + marker.count
            let end = alnumRun(from: start)
            if end > start {
                return PlacementGroupResourceName(
                    base: String(String.UnicodeScalarView(s[0..<i])),
                    groupID: String(String.UnicodeScalarView(s[start..<end])), countable: true)
            }
        }
        return PlacementGroupResourceName(base: name, groupID: nil, countable: true)
    }
}
