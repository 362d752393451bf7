print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
#---
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
#---
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
#---
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2)
#---
print(2 ** 3 ** 2)
#---
print(10 / 4, 10 / 5, 1 / 3)
#---
print(0.1, 0.2, 0.1 + 0.2, 1e-05, 1e16, 1e+16, 123456789012345678.0)
#---
print(1.0, 2.5, -0.0, 100.0, 1e22, 1.5e-7, 0.0001, 0.00001)
#---
print(float('inf'), float('-inf'), float('nan'))
#---
print(3 + 4.0, 3 * 1.5, 2 - True, True + True)
#---
print(1e3, .5, 1_000_000, 0x1f, 0o17, 0b101)
#---
print(abs(-3), abs(-2.5), round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1.25, 1))
#---
print(round(1234, -2), round(1250, -2), round(0.1 + 0.2, 10))
#---
print(divmod(7, 2), divmod(-7, 2), pow(2, 10), pow(3, 4, 5))
#---
print(int('42'), int('-7'), int(3.9), int(-3.9), int('ff', 16), int('0x10', 0))
#---
print(float('3.5'), float(2), float('  1e3 '), str(1.0), str(10))
#---
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 1 is not None, 2 != 2)
#---
print(True and 3, 0 or 'x', None or 0, not 5, [] or {})
#---
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 4, 256 >> 2, -9 >> 1)
#---
print(hex(255), oct(8), bin(5), hex(-1))
#---
print(max(3, 1, 2), min([4, 2, 8]), max('abc'), min(3, 2.5), sum([1, 2, 3]), sum([0.1] * 10))
#---
print(1 / 0)
#---
print(1 // 0)
#---
print(1 % 0)
#---
print(1.0 / 0)
#---
print(int('abc'))
#---
print(float('x1'))
#---
print(1 + 'a')
#---
print('a' + 1)
#---
print([1] + (2,))
#---
print(-'a')
#---
print(3 < 'a')
#---
print(round(-2.5), round(0.5), round(1.5), 7.0 // 2, -7.0 % 3)
#---
print(1e300 * 1e10, -1e300 * 1e10)
#---
print(bool(0), bool(''), bool([0]), bool(None), bool(0.0), bool('False'))
#---
print(isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)), type(1) is int, type(True).__name__)
#---
print(0.1 * 3, 1.1 + 2.2, 3.0 * 1.1, 2 / 3, 100 / 3)
#---
print(10 ** 15 + 0.5, 2.0 ** 0.5, 4 ** 0.5, 1.7976931348623157e308)
#---
print(int(True), 5 // 2.0, 5 % 2.5, -5 % 2.5)
#---
a = 5
a += 2; a -= 1; a *= 3; a //= 4; a **= 2; a %= 7
print(a)
#---
print(7 .bit_length(), (2.0).is_integer(), (2.5).is_integer())
