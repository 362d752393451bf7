import Foundation
import Script
import Testing

/// Creates the actor `className` from `source` in a fresh interpreter on a real-clock host.
private func makeActor(_ source: String, _ className: String, host: ActorTestHost) -> Interpreter {
    let interpreter = Interpreter(host: host, bridge: FakeBridge())
    let spec = RemoteCallSpec(name: className, moduleSource: "", definitionSource: source, arguments: [], keywordArguments: [], options: [])
    let outcome = interpreter.createActorInstance(spec, actorID: "actor-1")
    #expect(outcome == .value(.none))
    return interpreter
}

/// The most calls running at once according to a mailbox's start/end log.
private func maxRunning(_ log: [String]) -> Int {
    var running = 0, most = 0
    for event in log {
        running += event.hasPrefix("start ") ? 1 : -1
        most = max(most, running)
    }
    return most
}

/// Serves the mailbox's calls (returns once they all completed) and the seconds it took. Serving
/// blocks for as long as the calls run, so it happens on a thread of its own, never on one of the
/// few threads Swift Testing runs every test on (blocking those stalls unrelated tests).
private func serve(_ interpreter: Interpreter, _ mailbox: ActorTestMailbox, _ spec: ActorConcurrencySpec = ActorConcurrencySpec()) async -> Double {
    let box = UncheckedBox(interpreter)
    return await withCheckedContinuation { done in
        Thread {
            let start = ActorTestClock.now()
            box.value.serveActor(actorID: "actor-1", concurrency: spec, mailbox: mailbox)
            done.resume(returning: ActorTestClock.now() - start)
        }.start()
    }
}

/// Hands a non-Sendable value to the serving thread while the test waits for it.
private final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

private let syncActor = """
import time

class Counter:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)
        return len(self.items)

    def div(self, x):
        return 10 // x

    def nap(self, name, seconds):
        print("start " + name)
        time.sleep(seconds)
        print("end " + name)
        return name

    def items_so_far(self):
        return self.items

"""

private let asyncActor = """
import asyncio
import time

class AsyncActor:
    async def run(self, name, seconds):
        print("started " + name)
        await asyncio.sleep(seconds)
        print("finished " + name)
        return name

    def blocking(self, seconds):
        time.sleep(seconds)
        return seconds

    async def quick(self):
        return "quick"

    async def reraise_later(self):
        try:
            raise ValueError("first")
        except ValueError:
            await asyncio.sleep(0.2)
            raise

    async def bare_raise(self):
        raise

"""

@Suite(.serialized) struct ActorServingTests {
    @Test func syncCallsRunInlineInOrder() async {
        let host = ActorTestHost()
        let actor = makeActor(syncActor, "Counter", host: host)
        let mailbox = ActorTestMailbox()
        for k in 0..<20 { mailbox.send("c\(k)", "Counter.add", [.int(k)]) }
        mailbox.send("all", "Counter.items_so_far")
        _ = await serve(actor, mailbox)
        for k in 0..<20 {
            #expect(mailbox.value("c\(k)") == .int(k + 1))
            #expect(mailbox.record("c\(k)").completions == 1)
        }
        #expect(mailbox.value("all") == .list((0..<20).map { .int($0) }))
        // Each call starts only after the previous one ended.
        let expected = (0..<20).flatMap { ["start c\($0)", "end c\($0)"] } + ["start all", "end all"]
        #expect(mailbox.log == expected)
        // The inline path waits for calls without a timeout.
        #expect(mailbox.timeouts.allSatisfy { $0 == nil })
    }

    @Test func aFailingCallDoesNotAffectTheNext() async {
        let host = ActorTestHost()
        let actor = makeActor(syncActor, "Counter", host: host)
        let mailbox = ActorTestMailbox()
        mailbox.send("bad", "Counter.div", [.int(0)])
        mailbox.send("good", "Counter.div", [.int(5)])
        mailbox.send("missing", "Counter.nope")
        _ = await serve(actor, mailbox)
        let failure = mailbox.failure("bad")
        #expect(failure?.typeName == "ZeroDivisionError")
        #expect(failure?.message == "integer division or modulo by zero")
        #expect(failure?.traceback.contains("in div\n    return 10 // x\n") == true)
        #expect(mailbox.value("good") == .int(2))
        #expect(mailbox.failure("missing")?.typeName == "AttributeError")
    }

    @Test func threadedCallsOverlapWhileSleeping() async {
        let host = ActorTestHost()
        let actor = makeActor(syncActor, "Counter", host: host)
        let mailbox = ActorTestMailbox()
        mailbox.send("a", "Counter.nap", [.string("a"), .float(0.3)])
        mailbox.send("b", "Counter.nap", [.string("b"), .float(0.3)])
        let elapsed = await serve(actor, mailbox, ActorConcurrencySpec(maxConcurrency: 2))
        #expect(elapsed >= 0.3 && elapsed < 0.55, "took \(elapsed)")
        #expect(host.lines == ["start a", "start b", "end a", "end b"])
        #expect(mailbox.value("a") == .string("a"))
        #expect(mailbox.value("b") == .string("b"))
    }

    @Test func threadedActorKeepsItsLimit() async {
        let host = ActorTestHost()
        let actor = makeActor(syncActor, "Counter", host: host)
        let mailbox = ActorTestMailbox()
        for name in ["a", "b", "c"] { mailbox.send(name, "Counter.nap", [.string(name), .float(0.2)]) }
        let elapsed = await serve(actor, mailbox, ActorConcurrencySpec(maxConcurrency: 2))
        #expect(elapsed >= 0.4 && elapsed < 0.6, "took \(elapsed)")
        #expect(host.lines.prefix(3) == ["start a", "start b", "end a"])
        #expect(maxRunning(mailbox.log) == 2)
        #expect(mailbox.log.firstIndex(of: "start c")! > mailbox.log.firstIndex(of: "end a")!)
    }

    @Test func asyncCallsOverlapUpToTheDefaultLimit() async {
        let host = ActorTestHost()
        let actor = makeActor(asyncActor, "AsyncActor", host: host)
        let mailbox = ActorTestMailbox()
        for k in 0..<4 { mailbox.send("r\(k)", "AsyncActor.run", [.string("r\(k)"), .float(0.3)]) }
        let elapsed = await serve(actor, mailbox)
        #expect(elapsed >= 0.3 && elapsed < 0.5, "took \(elapsed)")
        #expect(host.lines == (0..<4).map { "started r\($0)" } + (0..<4).map { "finished r\($0)" })
        for k in 0..<4 { #expect(mailbox.value("r\(k)") == .string("r\(k)")) }
        // While only sleepers remained, the loop waited in the mailbox with a finite timeout.
        #expect(mailbox.timeouts.contains { ($0 ?? 0) > 0.1 })
        #expect(mailbox.timeouts.count < 60, "polled \(mailbox.timeouts.count) times")
    }

    @Test func asyncMaxConcurrencyRunsPairs() async {
        let host = ActorTestHost()
        let actor = makeActor(asyncActor, "AsyncActor", host: host)
        let mailbox = ActorTestMailbox()
        for k in 0..<4 { mailbox.send("r\(k)", "AsyncActor.run", [.string("r\(k)"), .float(0.2)]) }
        let elapsed = await serve(actor, mailbox, ActorConcurrencySpec(maxConcurrency: 2))
        #expect(elapsed >= 0.4 && elapsed < 0.6, "took \(elapsed)")
        #expect(host.lines == ["started r0", "started r1", "finished r0", "finished r1",
                               "started r2", "started r3", "finished r2", "finished r3"])
        #expect(maxRunning(mailbox.log) == 2)
    }

    @Test func timeSleepBlocksAnAsyncActor() async {
        let host = ActorTestHost()
        let actor = makeActor(asyncActor, "AsyncActor", host: host)
        let mailbox = ActorTestMailbox()
        mailbox.send("a", "AsyncActor.blocking", [.float(0.2)])
        mailbox.send("b", "AsyncActor.blocking", [.float(0.2)])
        let elapsed = await serve(actor, mailbox)
        #expect(elapsed >= 0.4, "took \(elapsed)")
        #expect(mailbox.value("b") == .float(0.2))
    }

    @Test func newCallsStartWhileOthersSleep() async {
        let host = ActorTestHost()
        let actor = makeActor(asyncActor, "AsyncActor", host: host)
        let mailbox = ActorTestMailbox()
        mailbox.send("long", "AsyncActor.run", [.string("long"), .float(0.5)])
        mailbox.send("late", "AsyncActor.quick", after: 0.1)
        _ = await serve(actor, mailbox)
        let late = mailbox.record("late")
        #expect(mailbox.value("late") == .string("quick"))
        #expect((late.completed ?? 9) < 0.25, "late call completed at \(late.completed ?? -1)")
        #expect((mailbox.record("long").completed ?? 0) >= 0.5)
    }

    @Test func callsDoNotShareHandledExceptions() async {
        let host = ActorTestHost()
        let actor = makeActor(asyncActor, "AsyncActor", host: host)
        let mailbox = ActorTestMailbox()
        mailbox.send("holder", "AsyncActor.reraise_later")
        mailbox.send("bare", "AsyncActor.bare_raise", after: 0.05)
        _ = await serve(actor, mailbox)
        #expect(mailbox.failure("holder")?.typeName == "ValueError")
        #expect(mailbox.failure("holder")?.message == "first")
        #expect(mailbox.failure("bare")?.typeName == "RuntimeError")
        #expect(mailbox.failure("bare")?.message == "No active exception to reraise")
    }

    @Test func concurrencyGroupsHaveTheirOwnLimits() async {
        let source = """
        import asyncio
        import ray

        class Grouped:
            @ray.method(concurrency_group="io")
            async def read(self, name):
                print("start " + name)
                await asyncio.sleep(0.2)
                print("end " + name)

            @ray.method(concurrency_group="compute")
            async def compute(self, name):
                print("start " + name)
                await asyncio.sleep(0.2)
                print("end " + name)

            async def plain(self, name):
                print("start " + name)
                await asyncio.sleep(0.2)
                print("end " + name)

        """
        let host = ActorTestHost()
        let actor = makeActor(source, "Grouped", host: host)
        let mailbox = ActorTestMailbox()
        mailbox.send("io1", "Grouped.read", [.string("io1")])
        mailbox.send("io2", "Grouped.read", [.string("io2")])
        mailbox.send("c1", "Grouped.compute", [.string("c1")])
        mailbox.send("io-as-compute", "Grouped.read", [.string("io-as-compute")], group: "compute")
        mailbox.send("d1", "Grouped.plain", [.string("d1")])
        mailbox.send("d2", "Grouped.plain", [.string("d2")])
        let elapsed = await serve(actor, mailbox, ActorConcurrencySpec(maxConcurrency: 1, groups: [("io", 1), ("compute", 2)]))
        // io (limit 1) and the default group (limit 1) each run two calls one after the other;
        // compute (limit 2) runs both of its calls at once, beside them.
        #expect(host.lines.prefix(4) == ["start io1", "start c1", "start io-as-compute", "start d1"])
        let log = mailbox.log
        let index = { (event: String) in log.firstIndex(of: event) ?? -1 }
        #expect(index("start io2") > index("end io1"))
        #expect(index("start d2") > index("end d1"))
        #expect(maxRunning(mailbox.log) == 4)
        #expect(elapsed >= 0.4 && elapsed < 0.6, "took \(elapsed)")
    }

    @Test func threadedGroupsRunBesideEachOther() async {
        let source = """
        import time
        import ray

        class Worker:
            @ray.method(concurrency_group="io")
            def io(self, name):
                time.sleep(0.2)
                return name

            def work(self, name):
                time.sleep(0.2)
                return name

        """
        let host = ActorTestHost()
        let actor = makeActor(source, "Worker", host: host)
        let mailbox = ActorTestMailbox()
        mailbox.send("io", "Worker.io", [.string("io")])
        mailbox.send("work", "Worker.work", [.string("work")])
        let elapsed = await serve(actor, mailbox, ActorConcurrencySpec(groups: [("io", 1)]))
        #expect(elapsed >= 0.2 && elapsed < 0.35, "took \(elapsed)")
        #expect(mailbox.value("io") == .string("io"))
        #expect(mailbox.value("work") == .string("work"))
    }

    @Test func generatorsOfConcurrentCallsStayApart() async {
        let source = """
        import asyncio
        import time

        class Gen:
            def letters(self, name):
                def produce():
                    for k in range(3):
                        time.sleep(0.05)
                        yield name + str(k)
                return list(produce())

            def nested_loop(self, x):
                async def double():
                    await asyncio.sleep(0.01)
                    return 2 * x
                return asyncio.run(double())

        """
        let host = ActorTestHost()
        let actor = makeActor(source, "Gen", host: host)
        let mailbox = ActorTestMailbox()
        mailbox.send("a", "Gen.letters", [.string("a")])
        mailbox.send("b", "Gen.letters", [.string("b")])
        mailbox.send("loop", "Gen.nested_loop", [.int(21)])
        _ = await serve(actor, mailbox, ActorConcurrencySpec(maxConcurrency: 3))
        #expect(mailbox.value("a") == .list([.string("a0"), .string("a1"), .string("a2")]))
        #expect(mailbox.value("b") == .list([.string("b0"), .string("b1"), .string("b2")]))
        #expect(mailbox.value("loop") == .int(42))
        #expect(maxRunning(mailbox.log) == 3)
    }

    @Test func unknownGroupsFailTheCall() async {
        let source = """
        import ray

        class Grouped:
            @ray.method(concurrency_group="missing")
            def declared(self):
                return 1

            def plain(self):
                return 2

        """
        for spec in [ActorConcurrencySpec(), ActorConcurrencySpec(groups: [("io", 2)])] {
            let host = ActorTestHost()
            let actor = makeActor(source, "Grouped", host: host)
            let mailbox = ActorTestMailbox()
            mailbox.send("declared", "Grouped.declared")
            mailbox.send("asked", "Grouped.plain", group: "gpu")
            mailbox.send("fine", "Grouped.plain")
            _ = await serve(actor, mailbox, spec)
            #expect(mailbox.failure("declared")?.typeName == "ValueError")
            #expect(mailbox.failure("declared")?.message.contains("'missing'") == true)
            #expect(mailbox.failure("asked")?.typeName == "ValueError")
            #expect(mailbox.failure("asked")?.message.hasPrefix("Concurrency group 'gpu' is not defined on actor class 'Grouped'") == true)
            #expect(mailbox.record("asked").started == nil)
            #expect(mailbox.value("fine") == .int(2))
            #expect(mailbox.record("asked").completions == 1)
        }
    }

    @Test func closingCancelsSuspendedAndQueuedCalls() async {
        let host = ActorTestHost()
        let actor = makeActor(asyncActor, "AsyncActor", host: host)
        let mailbox = ActorTestMailbox()
        mailbox.send("sleeper", "AsyncActor.run", [.string("sleeper"), .float(5)])
        mailbox.send("queued", "AsyncActor.run", [.string("queued"), .float(5)])
        mailbox.close(after: 0.1)
        let elapsed = await serve(actor, mailbox, ActorConcurrencySpec(maxConcurrency: 1))
        #expect(elapsed < 1, "took \(elapsed)")
        #expect(mailbox.failure("sleeper")?.typeName == "CancelledError")
        #expect(mailbox.failure("queued")?.typeName == "ActorDiedError")
        #expect(mailbox.record("sleeper").completions == 1)
        #expect(mailbox.record("queued").completions == 1)
    }

    @Test func inlineThroughput() async {
        let host = ActorTestHost()
        let actor = makeActor(syncActor, "Counter", host: host)
        let mailbox = ActorTestMailbox()
        for k in 0..<3000 { mailbox.send("c\(k)", "Counter.add", [.int(k)]) }
        let elapsed = await serve(actor, mailbox)
        #expect(mailbox.value("c2999") == .int(3000))
        #expect(elapsed < 3, "3000 calls took \(elapsed)")
        print("inline actor calls: \(Int(3000 / elapsed))/s")
    }
}
