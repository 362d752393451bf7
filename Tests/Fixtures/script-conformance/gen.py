import sys, io, contextlib, traceback, json, os

def run(src):
    out = io.StringIO()
    err = ""
    g = {"__name__": "__main__"}
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(src, "script.py", "exec"), g)
    except SystemExit:
        pass
    except BaseException as e:
        err = traceback.format_exception_only(type(e), e)[-1].rstrip("\n")
    return out.getvalue(), err

def swift_lit(s):
    r = ['"']
    for ch in s:
        if ch == '\\': r.append('\\\\')
        elif ch == '"': r.append('\\"')
        elif ch == '\n': r.append('\\n')
        elif ch == '\t': r.append('\\t')
        elif ch == '\r': r.append('\\r')
        elif ord(ch) < 32 or ord(ch) == 127: r.append('\\u{%x}' % ord(ch))
        else: r.append(ch)
    r.append('"')
    return "".join(r)

def main(infile, outfile, suite):
    src = open(infile).read()
    cases = [c.strip("\n") + "\n" for c in src.split("\n#---\n") if c.strip()]
    lines = ["import Testing", "import Script", "", "// Generated from CPython 3.11 output; the expected text is what CPython printed.",
             f"@Suite struct {suite} {{", "    static let cases: [ConformanceCase] = ["]
    for c in cases:
        out, err = run(c)
        lines.append(f"        ConformanceCase({swift_lit(c)}, {swift_lit(out)}, {swift_lit(err)}),")
    lines += ["    ]", "", "    @Test(arguments: cases)", "    func matchesCPython(_ c: ConformanceCase) {", "        c.check()", "    }", "}", ""]
    open(outfile, "w").write("\n".join(lines))
    print(len(cases), "cases")

main(*sys.argv[1:])
