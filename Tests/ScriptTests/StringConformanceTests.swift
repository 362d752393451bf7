import Testing
import Script

// Generated from CPython 3.11 output; the expected text is what CPython printed.
@Suite struct StringConformanceTests {
    static let cases: [ConformanceCase] = [
        ConformanceCase("print('it\\'s', \"say \\\"hi\\\"\", 'tab\\there', 'a\\\\b', r'raw\\n', '\\x41\\u00e9\\101')\n", "it's say \"hi\" tab\there a\\b raw\\n AéA\n", ""),
        ConformanceCase("print(repr('hello'), repr(\"it's\"), repr('\"q\"'), repr('both \\' and \"'), repr('nl\\n'), repr('\\t\\x00\\x7f'))\n", "'hello' \"it's\" '\"q\"' 'both \\' and \"' 'nl\\n' '\\t\\x00\\x7f'\n", ""),
        ConformanceCase("s = \"\"\"line1\nline2\"\"\"\nprint(s)\nprint(repr(s))\n", "line1\nline2\n'line1\\nline2'\n", ""),
        ConformanceCase("s = '''a 'b' \"c\"'''\nprint(s)\n", "a 'b' \"c\"\n", ""),
        ConformanceCase("print('ab' 'cd', \"x\" * 3, 3 * 'y', 'abc'[1], 'abc'[-1], 'hello'[1:3], 'hello'[::-1], 'hello'[::2])\n", "abcd xxx yyy b c el olleh hlo\n", ""),
        ConformanceCase("s = 'hello world'\nprint(s.upper(), s.title(), s.capitalize(), s.split(), s.split('o'), s.replace('o', '0'), s.find('o'), s.rfind('o'), s.find('z'))\n", "HELLO WORLD Hello World Hello world ['hello', 'world'] ['hell', ' w', 'rld'] hell0 w0rld 4 7 -1\n", ""),
        ConformanceCase("print(' x '.strip(), 'xxhixx'.strip('x'), '  a'.lstrip(), 'b  '.rstrip() + '|')\n", "x hi a b|\n", ""),
        ConformanceCase("print(','.join(['a', 'b', 'c']), '-'.join('xyz'), ''.join([]))\n", "a,b,c x-y-z \n", ""),
        ConformanceCase("print('a,b,,c'.split(','), 'a b  c'.split(), 'a b c'.split(' ', 1), 'a-b-c'.rsplit('-', 1), '  '.split())\n", "['a', 'b', '', 'c'] ['a', 'b', 'c'] ['a', 'b c'] ['a-b', 'c'] []\n", ""),
        ConformanceCase("print('abc'.startswith('ab'), 'abc'.endswith(('x', 'c')), 'banana'.count('a'), 'banana'.index('n'))\n", "True True 3 2\n", ""),
        ConformanceCase("print('Hi'.center(6, '*'), 'x'.ljust(3) + '|', 'x'.rjust(3, '0'), '42'.zfill(5), '-42'.zfill(5))\n", "**Hi** x  | 00x 00042 -0042\n", ""),
        ConformanceCase("print('123'.isdigit(), 'abc'.isalpha(), 'a1'.isalnum(), ' '.isspace(), 'ABC'.isupper(), 'abc'.islower())\n", "True True True True True True\n", ""),
        ConformanceCase("print('a=1'.partition('='), 'abc'.partition('x'), 'a.b.c'.rpartition('.'))\n", "('a', '=', '1') ('abc', '', '') ('a.b', '.', 'c')\n", ""),
        ConformanceCase("print('line1\\nline2\\n'.splitlines(), 'Hello'.swapcase(), 'prefix_x'.removeprefix('prefix_'))\n", "['line1', 'line2'] hELLO x\n", ""),
        ConformanceCase("x = 42; name = 'Ray'\nprint(f'{x}', f'{x:>5}|', f'{x:<5}|', f'{x:^5}|', f'{x:05}', f'{x:+}', f'{name!r}', f'{name:>6}')\n", "42    42| 42   |  42  | 00042 +42 'Ray'    Ray\n", ""),
        ConformanceCase("pi = 3.14159265\nprint(f'{pi:.2f}', f'{pi:10.3f}|', f'{pi:e}', f'{pi:.3g}', f'{1234567.891:,.2f}', f'{0.25:%}', f'{0.25:.1%}')\n", "3.14      3.142| 3.141593e+00 3.14 1,234,567.89 25.000000% 25.0%\n", ""),
        ConformanceCase("print(f'{1000000:,}', f'{1000000:_}', f'{255:x}', f'{255:#x}', f'{255:X}', f'{5:b}', f'{8:o}', f'{65:c}')\n", "1,000,000 1_000_000 ff 0xff FF 101 10 A\n", ""),
        ConformanceCase("x = 10\nprint(f'{x * 2}', f'{x if x > 5 else 0}', f'{[i for i in range(3)]}', f'{ {\"a\": 1}[\"a\"] }', f'{{literal}}')\n", "20 10 [0, 1, 2] 1 {literal}\n", ""),
        ConformanceCase("w = 8; p = 3\nprint(f'{3.14159:{w}.{p}f}|', f'{\"s\":{w}}|')\n", "   3.142| s       |\n", ""),
        ConformanceCase("x = 5\nprint(f'{x=}', f'{x = }', f'{x=:>4}')\n", "x=5 x = 5 x=   5\n", ""),
        ConformanceCase("print('%d items' % 5, '%s and %r' % ('a', 'b'), '%5.2f|' % 3.14159, '%-5d|' % 42, '%05d' % 42, '%x %o %e' % (255, 8, 1234.5), '%%')\n", "5 items a and 'b'  3.14| 42   | 00042 ff 10 1.234500e+03 %%\n", ""),
        ConformanceCase("print('%(a)s-%(b)d' % {'a': 'x', 'b': 2}, '%c' % 65, '%+d' % 5, '%.3s' % 'abcdef')\n", "x-2 A +5 abc\n", ""),
        ConformanceCase("print('{} {}'.format(1, 2), '{1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{:>4}|'.format(7), '{:.2f}'.format(2.5), '{!r}'.format('q'))\n", "1 2 b a 1-2    7| 2.50 'q'\n", ""),
        ConformanceCase("print('{0[1]} {1[k]}'.format([5, 6], {'k': 'v'}), '{:,}'.format(1234567), '{:08.3f}'.format(-3.14159))\n", "6 v 1,234,567 -003.142\n", ""),
        ConformanceCase("print(format(3.5, '.1f'), format(42, 'd'), format('x', '>3'), format(1e-7, 'g'), format(123456789.0, 'g'), format(0.0001, 'g'))\n", "3.5 42   x 1e-07 1.23457e+08 0.0001\n", ""),
        ConformanceCase("print(f'{1.0}', f'{1e20}', f'{1.5e-10}', f'{100.0:g}', f'{1e16:.3}', f'{123.456:.5}', f'{2.5:.0f}', f'{3.5:.0f}')\n", "1.0 1e+20 1.5e-10 100 1e+16 123.46 2 4\n", ""),
        ConformanceCase("print(str(None), str(True), str([1, 'a']), str({'k': (1, 2)}), repr(1.5), repr([None, True, 'x']))\n", "None True [1, 'a'] {'k': (1, 2)} 1.5 [None, True, 'x']\n", ""),
        ConformanceCase("print(len('héllo'), 'é'.upper(), ord('a'), chr(97), chr(0x263a))\n", "5 É 97 a ☺\n", ""),
        ConformanceCase("print('abc' < 'abd', 'Z' < 'a', 'abc' == 'abc', 'a' in 'cat', 'x' not in 'cat', '' in 'abc')\n", "True True True True True True\n", ""),
        ConformanceCase("print('a' * 0, 'ab' * -1, 'abc'[5:], 'abc'[-10:2], 'abc'[1:1])\n", "   ab \n", ""),
        ConformanceCase("print('abc'[5])\n", "", "IndexError: string index out of range"),
        ConformanceCase("'abc'[0] = 'x'\n", "", "TypeError: 'str' object does not support item assignment"),
        ConformanceCase("print('{} {}'.format(1))\n", "", "IndexError: Replacement index 1 out of range for positional args tuple"),
        ConformanceCase("print('%d' % 'x')\n", "", "TypeError: %d format: a real number is required, not str"),
        ConformanceCase("print('%d %d' % (1,))\n", "", "TypeError: not enough arguments for format string"),
        ConformanceCase("print('%d' % (1, 2))\n", "", "TypeError: not all arguments converted during string formatting"),
        ConformanceCase("print(f'{3:s}')\n", "", "ValueError: Unknown format code 's' for object of type 'int'"),
        ConformanceCase("print('abc'.index('z'))\n", "", "ValueError: substring not found"),
        ConformanceCase("print(', '.join([1, 2]))\n", "", "TypeError: sequence item 0: expected str instance, int found"),
        ConformanceCase("print(\"a\\\nb\")\n", "ab\n", ""),
        ConformanceCase("x = 'multi' \\\n    'line'\nprint(x)\n", "multiline\n", ""),
        ConformanceCase("print(ascii('é'), f'{\"é\"!a}', repr('\\u00e9'), repr('\\x85'))\n", "'\\xe9' '\\xe9' 'é' '\\x85'\n", ""),
    ]

    @Test(arguments: cases)
    func matchesCPython(_ c: ConformanceCase) {
        c.check()
    }
}
