print('it\'s', "say \"hi\"", 'tab\there', 'a\\b', r'raw\n', '\x41\u00e9\101')
#---
print(repr('hello'), repr("it's"), repr('"q"'), repr('both \' and "'), repr('nl\n'), repr('\t\x00\x7f'))
#---
s = """line1
line2"""
print(s)
print(repr(s))
#---
s = '''a 'b' "c"'''
print(s)
#---
print('ab' 'cd', "x" * 3, 3 * 'y', 'abc'[1], 'abc'[-1], 'hello'[1:3], 'hello'[::-1], 'hello'[::2])
#---
s = 'hello world'
print(s.upper(), s.title(), s.capitalize(), s.split(), s.split('o'), s.replace('o', '0'), s.find('o'), s.rfind('o'), s.find('z'))
#---
print(' x '.strip(), 'xxhixx'.strip('x'), '  a'.lstrip(), 'b  '.rstrip() + '|')
#---
print(','.join(['a', 'b', 'c']), '-'.join('xyz'), ''.join([]))
#---
print('a,b,,c'.split(','), 'a b  c'.split(), 'a b c'.split(' ', 1), 'a-b-c'.rsplit('-', 1), '  '.split())
#---
print('abc'.startswith('ab'), 'abc'.endswith(('x', 'c')), 'banana'.count('a'), 'banana'.index('n'))
#---
print('Hi'.center(6, '*'), 'x'.ljust(3) + '|', 'x'.rjust(3, '0'), '42'.zfill(5), '-42'.zfill(5))
#---
print('123'.isdigit(), 'abc'.isalpha(), 'a1'.isalnum(), ' '.isspace(), 'ABC'.isupper(), 'abc'.islower())
#---
print('a=1'.partition('='), 'abc'.partition('x'), 'a.b.c'.rpartition('.'))
#---
print('line1\nline2\n'.splitlines(), 'Hello'.swapcase(), 'prefix_x'.removeprefix('prefix_'))
#---
x = 42; name = 'Ray'
print(f'{x}', f'{x:>5}|', f'{x:<5}|', f'{x:^5}|', f'{x:05}', f'{x:+}', f'{name!r}', f'{name:>6}')
#---
pi = 3.14159265
print(f'{pi:.2f}', f'{pi:10.3f}|', f'{pi:e}', f'{pi:.3g}', f'{1234567.891:,.2f}', f'{0.25:%}', f'{0.25:.1%}')
#---
print(f'{1000000:,}', f'{1000000:_}', f'{255:x}', f'{255:#x}', f'{255:X}', f'{5:b}', f'{8:o}', f'{65:c}')
#---
x = 10
print(f'{x * 2}', f'{x if x > 5 else 0}', f'{[i for i in range(3)]}', f'{ {"a": 1}["a"] }', f'{{literal}}')
#---
w = 8; p = 3
print(f'{3.14159:{w}.{p}f}|', f'{"s":{w}}|')
#---
x = 5
print(f'{x=}', f'{x = }', f'{x=:>4}')
#---
print('%d items' % 5, '%s and %r' % ('a', 'b'), '%5.2f|' % 3.14159, '%-5d|' % 42, '%05d' % 42, '%x %o %e' % (255, 8, 1234.5), '%%')
#---
print('%(a)s-%(b)d' % {'a': 'x', 'b': 2}, '%c' % 65, '%+d' % 5, '%.3s' % 'abcdef')
#---
print('{} {}'.format(1, 2), '{1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{:>4}|'.format(7), '{:.2f}'.format(2.5), '{!r}'.format('q'))
#---
print('{0[1]} {1[k]}'.format([5, 6], {'k': 'v'}), '{:,}'.format(1234567), '{:08.3f}'.format(-3.14159))
#---
print(format(3.5, '.1f'), format(42, 'd'), format('x', '>3'), format(1e-7, 'g'), format(123456789.0, 'g'), format(0.0001, 'g'))
#---
print(f'{1.0}', f'{1e20}', f'{1.5e-10}', f'{100.0:g}', f'{1e16:.3}', f'{123.456:.5}', f'{2.5:.0f}', f'{3.5:.0f}')
#---
print(str(None), str(True), str([1, 'a']), str({'k': (1, 2)}), repr(1.5), repr([None, True, 'x']))
#---
print(len('héllo'), 'é'.upper(), ord('a'), chr(97), chr(0x263a))
#---
print('abc' < 'abd', 'Z' < 'a', 'abc' == 'abc', 'a' in 'cat', 'x' not in 'cat', '' in 'abc')
#---
print('a' * 0, 'ab' * -1, 'abc'[5:], 'abc'[-10:2], 'abc'[1:1])
#---
print('abc'[5])
#---
'abc'[0] = 'x'
#---
print('{} {}'.format(1))
#---
print('%d' % 'x')
#---
print('%d %d' % (1,))
#---
print('%d' % (1, 2))
#---
print(f'{3:s}')
#---
print('abc'.index('z'))
#---
print(', '.join([1, 2]))
#---
print("a\
b")
#---
x = 'multi' \
    'line'
print(x)
#---
print(ascii('é'), f'{"é"!a}', repr('\u00e9'), repr('\x85'))
