import Testing
import Script

// Generated from CPython 3.11 output; the expected text is what CPython printed.
@Suite struct NumberConformanceTests {
    static let cases: [ConformanceCase] = [
        ConformanceCase("print(7 // 2, -7 // 2, 7 // -2, -7 // -2)\n", "3 -4 -4 3\n", ""),
        ConformanceCase("print(7 % 3, -7 % 3, 7 % -3, -7 % -3)\n", "1 2 -2 -1\n", ""),
        ConformanceCase("print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)\n", "3.0 -4.0 1.5 0.5\n", ""),
        ConformanceCase("print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2)\n", "1024 0.5 -8 -4\n", ""),
        ConformanceCase("print(2 ** 3 ** 2)\n", "512\n", ""),
        ConformanceCase("print(10 / 4, 10 / 5, 1 / 3)\n", "2.5 2.0 0.3333333333333333\n", ""),
        ConformanceCase("print(0.1, 0.2, 0.1 + 0.2, 1e-05, 1e16, 1e+16, 123456789012345678.0)\n", "0.1 0.2 0.30000000000000004 1e-05 1e+16 1e+16 1.2345678901234568e+17\n", ""),
        ConformanceCase("print(1.0, 2.5, -0.0, 100.0, 1e22, 1.5e-7, 0.0001, 0.00001)\n", "1.0 2.5 -0.0 100.0 1e+22 1.5e-07 0.0001 1e-05\n", ""),
        ConformanceCase("print(float('inf'), float('-inf'), float('nan'))\n", "inf -inf nan\n", ""),
        ConformanceCase("print(3 + 4.0, 3 * 1.5, 2 - True, True + True)\n", "7.0 4.5 1 2\n", ""),
        ConformanceCase("print(1e3, .5, 1_000_000, 0x1f, 0o17, 0b101)\n", "1000.0 0.5 1000000 31 15 5\n", ""),
        ConformanceCase("print(abs(-3), abs(-2.5), round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1.25, 1))\n", "3 2.5 2 4 0 2.67 1.2\n", ""),
        ConformanceCase("print(round(1234, -2), round(1250, -2), round(0.1 + 0.2, 10))\n", "1200 1200 0.3\n", ""),
        ConformanceCase("print(divmod(7, 2), divmod(-7, 2), pow(2, 10), pow(3, 4, 5))\n", "(3, 1) (-4, 1) 1024 1\n", ""),
        ConformanceCase("print(int('42'), int('-7'), int(3.9), int(-3.9), int('ff', 16), int('0x10', 0))\n", "42 -7 3 -3 255 16\n", ""),
        ConformanceCase("print(float('3.5'), float(2), float('  1e3 '), str(1.0), str(10))\n", "3.5 2.0 1000.0 1.0 10\n", ""),
        ConformanceCase("print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 1 is not None, 2 != 2)\n", "True False True True False\n", ""),
        ConformanceCase("print(True and 3, 0 or 'x', None or 0, not 5, [] or {})\n", "3 x 0 False {}\n", ""),
        ConformanceCase("print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 4, 256 >> 2, -9 >> 1)\n", "1 7 6 -6 16 64 -5\n", ""),
        ConformanceCase("print(hex(255), oct(8), bin(5), hex(-1))\n", "0xff 0o10 0b101 -0x1\n", ""),
        ConformanceCase("print(max(3, 1, 2), min([4, 2, 8]), max('abc'), min(3, 2.5), sum([1, 2, 3]), sum([0.1] * 10))\n", "3 2 c 2.5 6 0.9999999999999999\n", ""),
        ConformanceCase("print(1 / 0)\n", "", "ZeroDivisionError: division by zero"),
        ConformanceCase("print(1 // 0)\n", "", "ZeroDivisionError: integer division or modulo by zero"),
        ConformanceCase("print(1 % 0)\n", "", "ZeroDivisionError: integer modulo by zero"),
        ConformanceCase("print(1.0 / 0)\n", "", "ZeroDivisionError: float division by zero"),
        ConformanceCase("print(int('abc'))\n", "", "ValueError: invalid literal for int() with base 10: 'abc'"),
        ConformanceCase("print(float('x1'))\n", "", "ValueError: could not convert string to float: 'x1'"),
        ConformanceCase("print(1 + 'a')\n", "", "TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
        ConformanceCase("print('a' + 1)\n", "", "TypeError: can only concatenate str (not \"int\") to str"),
        ConformanceCase("print([1] + (2,))\n", "", "TypeError: can only concatenate list (not \"tuple\") to list"),
        ConformanceCase("print(-'a')\n", "", "TypeError: bad operand type for unary -: 'str'"),
        ConformanceCase("print(3 < 'a')\n", "", "TypeError: '<' not supported between instances of 'int' and 'str'"),
        ConformanceCase("print(round(-2.5), round(0.5), round(1.5), 7.0 // 2, -7.0 % 3)\n", "-2 0 2 3.0 2.0\n", ""),
        ConformanceCase("print(1e300 * 1e10, -1e300 * 1e10)\n", "inf -inf\n", ""),
        ConformanceCase("print(bool(0), bool(''), bool([0]), bool(None), bool(0.0), bool('False'))\n", "False False True False False True\n", ""),
        ConformanceCase("print(isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)), type(1) is int, type(True).__name__)\n", "True False True True bool\n", ""),
        ConformanceCase("print(0.1 * 3, 1.1 + 2.2, 3.0 * 1.1, 2 / 3, 100 / 3)\n", "0.30000000000000004 3.3000000000000003 3.3000000000000003 0.6666666666666666 33.333333333333336\n", ""),
        ConformanceCase("print(10 ** 15 + 0.5, 2.0 ** 0.5, 4 ** 0.5, 1.7976931348623157e308)\n", "1000000000000000.5 1.4142135623730951 2.0 1.7976931348623157e+308\n", ""),
        ConformanceCase("print(int(True), 5 // 2.0, 5 % 2.5, -5 % 2.5)\n", "1 2.0 0.0 0.0\n", ""),
        ConformanceCase("a = 5\na += 2; a -= 1; a *= 3; a //= 4; a **= 2; a %= 7\nprint(a)\n", "2\n", ""),
        ConformanceCase("print(7 .bit_length(), (2.0).is_integer(), (2.5).is_integer())\n", "3 True False\n", ""),
    ]

    @Test(arguments: cases)
    func matchesCPython(_ c: ConformanceCase) {
        c.check()
    }
}
