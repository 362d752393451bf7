/// Methods of `str`.
extension Interpreter {
    func strArg(_ a: Arguments, _ k: Int, _ fn: String) throws -> String? {
        guard k < a.positional.count else { return nil }
        let v = a.positional[k]
        if v.isNone { return nil }
        guard case .str(let s) = v else { throw raise("TypeError", .str("\(fn) arg must be None or str")) }
        return s
    }

    func isPyWhitespace(_ c: Character) -> Bool { c.isWhitespace }

    func strMethod(_ s: String, _ name: String) -> Value? {
        let recv = Value.str(s)
        func m(_ fn: @escaping (Interpreter, Arguments) throws -> Value) -> Value { method(name, of: recv, fn) }
        func strip(_ a: Arguments, _ i: Interpreter, left: Bool, right: Bool) throws -> Value {
            let chars = try i.strArg(a, 0, name).map { Set($0) }
            var sub = Substring(s)
            let test: (Character) -> Bool = { c in chars?.contains(c) ?? c.isWhitespace }
            if left { while let f = sub.first, test(f) { sub = sub.dropFirst() } }
            if right { while let l = sub.last, test(l) { sub = sub.dropLast() } }
            return .str(String(sub))
        }
        switch name {
        case "upper": return m { _, _ in .str(s.uppercased()) }
        case "lower", "casefold": return m { _, _ in .str(s.lowercased()) }
        case "strip": return m { i, a in try strip(a, i, left: true, right: true) }
        case "lstrip": return m { i, a in try strip(a, i, left: true, right: false) }
        case "rstrip": return m { i, a in try strip(a, i, left: false, right: true) }
        case "capitalize": return m { _, _ in .str(s.prefix(1).uppercased() + s.dropFirst().lowercased()) }
        case "title":
            return m { _, _ in
                var out = "", prevLetter = false
                for c in s { out += prevLetter ? c.lowercased() : c.uppercased(); prevLetter = c.isLetter }
                return .str(out)
            }
        case "swapcase": return m { _, _ in .str(String(s.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) })) }
        case "split", "rsplit":
            return m { i, a in
                let sep = try i.strArg(a, 0, name) ?? (a.keyword("sep").flatMap { v -> String? in if case .str(let x) = v { return x }; return nil })
                let maxsplit = try (a.positional.count > 1 ? a.positional[1] : a.keyword("maxsplit")).map { try i.toInt($0) } ?? -1
                return .list(PyList(try i.split(s, sep, maxsplit, fromRight: name == "rsplit").map { .str($0) }))
            }
        case "splitlines":
            return m { i, a in
                let keep = try a.positional.first.map { try i.truthy($0) } ?? false
                var out: [Value] = [], cur = ""
                for c in s {
                    if c == "\n" || c == "\r\n" || c == "\r" { out.append(.str(keep ? cur + String(c) : cur)); cur = "" } else { cur.append(c) }
                }
                if !cur.isEmpty { out.append(.str(cur)) }
                return .list(PyList(out))
            }
        case "join":
            return m { i, a in
                try i.arity("str.join", a, 1, 1)
                let parts = try i.iterate(a.positional[0]).enumerated().map { (k, v) -> String in
                    guard case .str(let x) = v else { throw i.raise("TypeError", .str("sequence item \(k): expected str instance, \(i.typeName(v)) found")) }
                    return x
                }
                return .str(parts.joined(separator: s))
            }
        case "replace":
            return m { i, a in
                try i.arity("replace", a, 2, 3)
                guard case .str(let old) = a.positional[0], case .str(let new) = a.positional[1] else { throw i.raise("TypeError", .str("replace() argument must be str")) }
                let count = try a.positional.count > 2 ? i.toInt(a.positional[2]) : -1
                return .str(i.replace(s, old, new, count))
            }
        case "startswith", "endswith":
            return m { i, a in
                try i.arity(name, a, 1, 3)
                let prefixes: [String]
                switch a.positional[0] {
                case .str(let p): prefixes = [p]
                case .tuple(let t): prefixes = t.compactMap { if case .str(let p) = $0 { return p }; return nil }
                default: throw i.raise("TypeError", .str("\(name) first arg must be str or a tuple of str, not \(i.typeName(a.positional[0]))"))
                }
                var sub = Array(s)
                if a.positional.count > 1 {
                    let sl = PySlice(start: a.positional[1], stop: a.positional.count > 2 ? a.positional[2] : .none, step: .none)
                    sub = try i.sliceElements(sub, sl)
                }
                let text = String(sub)
                return .bool(prefixes.contains { name == "startswith" ? text.hasPrefix($0) : text.hasSuffix($0) })
            }
        case "find", "index", "rfind", "rindex", "count":
            return m { i, a in
                try i.arity(name, a, 1, 3)
                guard case .str(let sub) = a.positional[0] else { throw i.raise("TypeError", .str("must be str, not \(i.typeName(a.positional[0]))")) }
                let chars = Array(s)
                let (start, end, _) = try i.sliceIndices(PySlice(start: a.positional.count > 1 ? a.positional[1] : .none, stop: a.positional.count > 2 ? a.positional[2] : .none, step: .none), chars.count)
                let hay = start < end ? Array(chars[start..<end]) : []
                let needle = Array(sub)
                var hits: [Int] = []
                if needle.count <= hay.count {
                    var k = 0
                    while k + needle.count <= hay.count {
                        if Array(hay[k..<(k + needle.count)]) == needle {
                            hits.append(k + start)
                            if name == "count" { k += max(needle.count, 1); continue }
                        }
                        k += 1
                    }
                }
                if name == "count" { return .int(hits.count) }
                let hit = name.hasPrefix("r") ? hits.last : hits.first
                if let h = hit { return .int(h) }
                if name.hasSuffix("index") { throw i.raise("ValueError", .str("substring not found")) }
                return .int(-1)
            }
        case "format": return m { i, a in .str(try i.strFormat(s, a)) }
        case "center", "ljust", "rjust":
            return m { i, a in
                try i.arity(name, a, 1, 2)
                let w = try i.toInt(a.positional[0])
                let fill = try i.strArg(a, 1, name)?.first ?? " "
                let n = max(0, w - s.count)
                switch name {
                case "ljust": return .str(s + String(repeating: fill, count: n))
                case "rjust": return .str(String(repeating: fill, count: n) + s)
                default:
                    let left = n / 2 + (n & w & 1)
                    return .str(String(repeating: fill, count: left) + s + String(repeating: fill, count: n - left))
                }
            }
        case "zfill":
            return m { i, a in
                let w = try i.toInt(a.positional.first ?? .int(0))
                var body = s, sign = ""
                if let f = body.first, f == "-" || f == "+" { sign = String(f); body.removeFirst() }
                return .str(sign + String(repeating: "0", count: max(0, w - s.count)) + body)
            }
        case "partition", "rpartition":
            return m { i, a in
                guard case .str(let sep) = a.positional.first ?? .none, !sep.isEmpty else { throw i.raise("ValueError", .str("empty separator")) }
                let r = name == "partition" ? s.range(ofPython: sep) : s.lastRange(ofPython: sep)
                guard let r else { return name == "partition" ? .tuple([.str(s), .str(""), .str("")]) : .tuple([.str(""), .str(""), .str(s)]) }
                return .tuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))])
            }
        case "removeprefix": return m { i, a in let p = try i.strArg(a, 0, name) ?? ""; return .str(s.hasPrefix(p) ? String(s.dropFirst(p.count)) : s) }
        case "removesuffix": return m { i, a in let p = try i.strArg(a, 0, name) ?? ""; return .str(!p.isEmpty && s.hasSuffix(p) ? String(s.dropLast(p.count)) : s) }
        case "isdigit", "isnumeric", "isdecimal": return m { _, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isNumber }) }
        case "isalpha": return m { _, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter }) }
        case "isalnum": return m { _, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber }) }
        case "isspace": return m { _, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isWhitespace }) }
        case "isupper": return m { _, _ in .bool(s.contains { $0.isCased } && !s.contains { $0.isLowercase }) }
        case "islower": return m { _, _ in .bool(s.contains { $0.isCased } && !s.contains { $0.isUppercase }) }
        case "isidentifier": return m { _, _ in .bool(!s.isEmpty && !(s.first!.isNumber) && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }) }
        case "expandtabs": return m { _, _ in .str(s.split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "        ")) }
        case "encode": return m { _, _ in recv }
        default: return nil
        }
    }

    func replace(_ s: String, _ old: String, _ new: String, _ count: Int) -> String {
        if old.isEmpty {
            var out = new, n = 1
            for c in s { out.append(c); if count < 0 || n < count { out += new; n += 1 } }
            return count == 0 ? s : out
        }
        var out = "", rest = Substring(s), n = 0
        while count < 0 || n < count, let r = rest.range(ofPython: old) {
            out += rest[..<r.lowerBound] + new
            rest = rest[r.upperBound...]
            n += 1
        }
        return out + rest
    }

    func split(_ s: String, _ sep: String?, _ maxsplit: Int, fromRight: Bool) throws -> [String] {
        if let sep {
            if sep.isEmpty { throw raise("ValueError", .str("empty separator")) }
            var parts: [String] = []
            if fromRight {
                var rest = Substring(s)
                while maxsplit < 0 || parts.count < maxsplit, let r = rest.lastRange(ofPython: sep) {
                    parts.insert(String(rest[r.upperBound...]), at: 0)
                    rest = rest[..<r.lowerBound]
                }
                return [String(rest)] + parts
            }
            var rest = Substring(s)
            while maxsplit < 0 || parts.count < maxsplit, let r = rest.range(ofPython: sep) {
                parts.append(String(rest[..<r.lowerBound]))
                rest = rest[r.upperBound...]
            }
            return parts + [String(rest)]
        }
        var words: [String] = []
        var chars = Array(s)
        if fromRight { chars.reverse() }
        var k = 0
        while k < chars.count {
            while k < chars.count && chars[k].isWhitespace { k += 1 }
            if k >= chars.count { break }
            if maxsplit >= 0 && words.count >= maxsplit {
                var rest = Array(chars[k...])
                while let l = rest.last, l.isWhitespace { rest.removeLast() }
                words.append(String(fromRight ? rest.reversed() : rest))
                break
            }
            var w: [Character] = []
            while k < chars.count && !chars[k].isWhitespace { w.append(chars[k]); k += 1 }
            words.append(String(fromRight ? w.reversed() : w))
        }
        return fromRight ? words.reversed() : words
    }
}

extension StringProtocol {
    /// Finds the first occurrence of `needle` comparing characters.
    func range(ofPython needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return startIndex..<startIndex }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }

    func lastRange(ofPython needle: String) -> Range<Index>? {
        guard !needle.isEmpty, count >= needle.count else { return nil }
        var i = index(endIndex, offsetBy: -needle.count)
        while true {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            if i == startIndex { return nil }
            i = index(before: i)
        }
    }
}
