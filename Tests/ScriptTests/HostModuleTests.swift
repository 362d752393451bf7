import Testing
import Script

/// `time`, `os`, `sys`, `pprint`, `asyncio`, `typing` through a recording host.
@Suite struct HostModuleTests {
    @Test func timeGoesThroughTheHost() {
        let host = RecordingHost()
        let r = runScript("import time\nt0 = time.perf_counter()\ntime.sleep(1.5)\nprint(time.perf_counter() - t0, time.time())\n", host: host)
        #expect(r.stdout == "1.5 1700000001.5\n")
        #expect(host.sleeps == [1.5])
    }

    @Test func sleepRejectsNegative() {
        #expect(lastErrorLine(runScript("import time\ntime.sleep(-1)\n")) == "ValueError: sleep length must be non-negative")
    }

    @Test func osAndSys() {
        let host = RecordingHost(environment: ["CUDA_VISIBLE_DEVICES": "0,1", "HOME": "/root"], arguments: ["job.py", "--x"], processID: 777)
        let r = runScript("import os, sys\nprint(os.getpid(), os.environ['CUDA_VISIBLE_DEVICES'], os.environ.get('NOPE'), sys.argv)\nprint(f\"CUDA_VISIBLE_DEVICES: {os.environ['CUDA_VISIBLE_DEVICES']}\")\n", host: host)
        #expect(r.stderr == "")
        #expect(r.stdout == "777 0,1 None ['job.py', '--x']\nCUDA_VISIBLE_DEVICES: 0,1\n")
    }

    @Test func printToStderr() {
        let r = runScript("import sys\nprint('err', file=sys.stderr)\nsys.stdout.write('out\\n')\n")
        #expect(r.stderr == "err\n")
        #expect(r.stdout == "out\n")
    }

    @Test func pprintSortsAndWraps() {
        let r = runScript("""
        from pprint import pprint
        pprint({'b': 1, 'a': [1, 2]})
        pprint({'bundles': {0: {'CPU': 1.0, 'GPU': 1.0}}, 'name': '', 'placement_group_id': '3cd6174711f47c14132155039c0501000000', 'state': 'CREATED', 'strategy': 'PACK', 'stats': {'end_to_end_creation_latency_ms': 0.0}})
        """)
        #expect(r.stderr == "")
        #expect(r.stdout == """
        {'a': [1, 2], 'b': 1}
        {'bundles': {0: {'CPU': 1.0, 'GPU': 1.0}},
         'name': '',
         'placement_group_id': '3cd6174711f47c14132155039c0501000000',
         'state': 'CREATED',
         'stats': {'end_to_end_creation_latency_ms': 0.0},
         'strategy': 'PACK'}

        """)
    }

    @Test func asyncioRunsCoroutines() {
        let host = RecordingHost()
        let r = runScript("""
        import asyncio

        async def work(n):
            print("started", n)
            await asyncio.sleep(0.5)
            print("finished", n)
            return n * 2

        async def main():
            results = await asyncio.gather(work(1), work(2))
            print(results)
            return sum(results)

        print(asyncio.run(main()))
        """, host: host)
        #expect(r.stderr == "")
        #expect(r.stdout == "started 1\nstarted 2\nfinished 1\nfinished 2\n[2, 4]\n6\n")
        #expect(host.sleeps == [0.5])
    }

    @Test func gatherInterleavesAtSleepsLikeCPython() {
        let host = RecordingHost()
        let r = runScript("""
        import asyncio

        async def work(n, delay):
            print("started", n)
            await asyncio.sleep(delay)
            print("finished", n)
            return n * 10

        async def main():
            results = await asyncio.gather(work(1, 0.2), work(2, 0.1), work(3, 0.3))
            print(results)
            t = asyncio.create_task(work(4, 0.05))
            print("created")
            r = await t
            print("task result", r, t.done())
            return "main done"

        print(asyncio.run(main()))

        async def boom():
            await asyncio.sleep(0.01)
            raise ValueError("in task")

        async def main2():
            try:
                await asyncio.gather(boom(), work(6, 0.02))
            except ValueError as e:
                print("caught", e)

        asyncio.run(main2())
        """, host: host)
        #expect(r.stderr == "")
        #expect(r.stdout == """
        started 1
        started 2
        started 3
        finished 2
        finished 1
        finished 3
        [10, 20, 30]
        created
        started 4
        finished 4
        task result 40 True
        main done
        started 6
        caught in task

        """)
        #expect(host.clock >= 0.3 && host.clock < 0.4)
    }

    @Test func asyncioRunRejectsNonCoroutinesAndNesting() {
        #expect(lastErrorLine(runScript("import asyncio\nasyncio.run(5)\n")) == "ValueError: a coroutine was expected, got 5")
        let nested = runScript("import asyncio\nasync def inner():\n    pass\nasync def outer():\n    asyncio.run(inner())\nasyncio.run(outer())\n")
        #expect(lastErrorLine(nested) == "RuntimeError: asyncio.run() cannot be called from a running event loop")
    }

    @Test func typingNamesImport() {
        let r = runScript("""
        from typing import List, Dict, Any, Optional, Tuple, Union
        def f(x: List[int], y: Optional[Dict[str, Any]] = None) -> Tuple[int, ...]:
            return (len(x),)
        print(f([1, 2]))
        """)
        #expect(r.stderr == "")
        #expect(r.stdout == "(2,)\n")
    }

    @Test func randomIsSeededByHost() {
        let a = runScript("import random\nprint(random.randint(1, 100), random.random() < 1)\n")
        let b = runScript("import random\nprint(random.randint(1, 100), random.random() < 1)\n")
        #expect(a.stdout == b.stdout)
        #expect(a.stderr == "")
    }

    @Test func unknownModule() {
        #expect(lastErrorLine(runScript("import nosuchmod\n")) == "ModuleNotFoundError: No module named 'nosuchmod'")
        #expect(lastErrorLine(runScript("from time import nosuch\n")) == "ImportError: cannot import name 'nosuch' from 'time' (unknown location)")
    }
}
