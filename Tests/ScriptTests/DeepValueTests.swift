import Script
import Testing

/// Hostile data shapes built at run time: very deep chains of lists, dicts and linked instances
/// are freed without overflowing the stack, and repr / == of deep values raise RecursionError
/// like CPython instead of crashing.
@Suite("Deep values", .timeLimit(.minutes(1)))
struct DeepValueTests {
    @Test("dropping a 150 000-deep chain frees it without a stack overflow", arguments: [
        "x = []\nfor i in range(150000):\n    x = [x]\nx = None\nprint('freed')\n",
        "d = {}\nfor i in range(150000):\n    d = {'a': d}\nd = None\nprint('freed')\n",
        "class N:\n    def __init__(self, nxt):\n        self.nxt = nxt\nn = None\nfor i in range(100000):\n    n = N(n)\nn = None\nprint('freed')\n",
        "x = []\nfor i in range(100000):\n    x = [(x,)]\nx = None\nprint('freed')\n",
    ])
    func deepChainsAreFreed(_ source: String) {
        let r = runScript(source)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "freed\n")
    }

    @Test("repr and == of values nested deeper than the recursion limit raise RecursionError")
    func deepReprAndCompare() {
        let build = "x = []\ny = []\nfor i in range(3000):\n    x = [x]\n    y = [y]\n"
        let r = runScript(build + "try:\n    repr(x)\nexcept RecursionError as e:\n    print(e)\ntry:\n    x == y\nexcept RecursionError as e:\n    print(e)\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "maximum recursion depth exceeded while getting the repr of an object\nmaximum recursion depth exceeded in comparison\n")
        // Sending a too-deep value to the cluster is refused before anything is sent.
        let put = runScript("import ray\nx = []\nfor i in range(200000):\n    x = [x]\ntry:\n    ray.put(x)\nexcept RecursionError as e:\n    print(e)\n")
        #expect(put.stdout == "maximum recursion depth exceeded while pickling an object\n", "\(put.stderr)")
        // Shallow enough values still print and compare.
        let ok = runScript("x = []\ny = []\nfor i in range(300):\n    x = [x]\n    y = [y]\nprint(len(repr(x)), x == y)\n")
        #expect(ok.stdout == "602 True\n", "\(ok.stderr)")
    }
}
