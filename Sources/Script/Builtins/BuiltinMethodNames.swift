/// Method names of built-in types, for `dir()` and REPL completion.
enum BuiltinMethodNames {
    static let str = ["capitalize", "center", "count", "endswith", "find", "format", "index", "isalnum", "isalpha",
                      "isdigit", "islower", "isspace", "isupper", "join", "ljust", "lower", "lstrip", "partition",
                      "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
                      "startswith", "strip", "swapcase", "title", "upper", "zfill", "removeprefix", "removesuffix",
                      "isnumeric", "isdecimal", "isidentifier", "casefold", "expandtabs", "encode"]
    static let list = ["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"]
    static let dict = ["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"]
    static let set = ["add", "clear", "copy", "difference", "difference_update", "discard", "intersection",
                      "intersection_update", "isdisjoint", "issubset", "issuperset", "pop", "remove",
                      "symmetric_difference", "union", "update"]
}
