import Testing
import Script

@Suite struct SmokeTests {
    @Test func helloWorld() {
        let r = runScript("print('hello', 1 + 2)\nx = [i * i for i in range(4)]\nprint(x, {'a': 1.0}, (1,), None, 0.1 + 0.2)\n")
        #expect(r.stderr == "")
        #expect(r.stdout == "hello 3\n[0, 1, 4, 9] {'a': 1.0} (1,) None 0.30000000000000004\n")
    }
}
