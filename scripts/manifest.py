#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The verdicts make check promises, and the closing line.

  manifest.py expect --machine M --tests DIR [KUNIT.ko...]
      Print the names of the verdicts guest M must report, one a line:
      every e2e script of DIR whose "# machines:" line names M, every trace
      check its "# trace:" lines declare, every KUnit suite and case
      compiled into the given modules (read from their ELF objects; none
      on smmuv3-acpi, which runs no KUnit), the boot, the kernel log and
      kmemleak.  A script whose machines line is missing or names an
      unknown machine is an error (exit 2, the other names are printed
      all the same): it would otherwise never run and never be missed.

  manifest.py kunit KUNIT.ko...
      Print the KUnit suites and cases of the modules (a debugging aid).

  manifest.py close --results FILE --expect FILE... --skips FILE
      Judge a run: every expected verdict that was not reported becomes
      "FAIL <name>: missing", every SKIP that is not on the allowed list
      becomes a FAIL, and the failures and one closing line
      "N passed, N failed, N skipped" are printed.  Exit status 1 on any
      failure or when nothing passed.

A KUnit case is reported as "kunit:<suite>.<case>", or, for a
parameterised case, one verdict a parameter "kunit:<suite>.<case>.<param>";
either satisfies the expected name "kunit:<suite>.<case>".
"""

import argparse
import os
import re
import struct
import sys

MACHINES = ('plain', 'smmuv3', 'smmuv3-acpi', 'stock')
SHOW_FAILURES = 60             # failures listed at the end; all are in the results

# struct kunit_suite and struct kunit_case of Linux 6.12 on a 64-bit
# kernel (include/kunit/test.h): the suite's name is an array at offset 0,
# its test_cases pointer follows name[256] and four function pointers; a
# case is run_case, name, generate_params, attr + status, module_name, log.
SUITE_CASES_OFFSET = 256 + 4 * 8
CASE_SIZE = 48
CASE_NAME_OFFSET = 8


class Elf:
    """Just enough of a 64-bit little-endian relocatable ELF object to
    follow pointers through its RELA relocations."""

    def __init__(self, path):
        with open(path, 'rb') as f:
            self.data = f.read()
        d = self.data
        if d[:4] != b'\x7fELF' or d[4] != 2 or d[5] != 1:
            raise ValueError(f'{path}: not a 64-bit little-endian ELF object')
        shoff, = struct.unpack_from('<Q', d, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from('<HHH', d, 0x3a)
        self.sections = []
        for i in range(shnum):
            (name, stype, flags, addr, off, size, link, info, align,
             entsize) = struct.unpack_from('<IIQQQQIIQQ', d, shoff + i * shentsize)
            self.sections.append({'name_off': name, 'type': stype, 'off': off,
                                  'size': size, 'link': link, 'info': info})
        strtab = self.sections[shstrndx]
        for s in self.sections:
            s['name'] = self._cstr(strtab['off'] + s['name_off'])
        self.by_name = {s['name']: i for i, s in enumerate(self.sections)}
        symtab = next(s for s in self.sections if s['type'] == 2)     # SHT_SYMTAB
        self.symbols = [struct.unpack_from('<IBBHQQ', d, symtab['off'] + i * 24)
                        for i in range(symtab['size'] // 24)]
        # relocations by (target section, offset) -> (section, offset)
        self.relocs = {}
        for s in self.sections:
            if s['type'] != 4:                                       # SHT_RELA
                continue
            for i in range(s['size'] // 24):
                r_off, r_info, addend = struct.unpack_from('<QQq', d, s['off'] + i * 24)
                sym = self.symbols[r_info >> 32]
                self.relocs[(s['info'], r_off)] = (sym[3], sym[4] + addend)

    def _cstr(self, off):
        end = self.data.index(b'\0', off)
        return self.data[off:end].decode('utf-8', 'replace')

    def pointer(self, sec, off):
        """The (section, offset) a pointer at (sec, off) points to, or None."""
        return self.relocs.get((sec, off))

    def string(self, sec, off):
        return self._cstr(self.sections[sec]['off'] + off)


def kunit_suites(path):
    """[(suite, [case, ...]), ...] compiled into the module at path."""
    elf = Elf(path)
    sec = elf.by_name.get('.kunit_test_suites')
    if sec is None:
        return []
    suites = []
    for off in range(0, elf.sections[sec]['size'], 8):
        target = elf.pointer(sec, off)
        if target is None:
            continue
        ssec, soff = target
        name = elf.string(ssec, soff)
        cases = []
        arr = elf.pointer(ssec, soff + SUITE_CASES_OFFSET)
        if arr is not None:
            csec, coff = arr
            while elf.pointer(csec, coff) is not None:      # run_case; {} ends
                cname = elf.pointer(csec, coff + CASE_NAME_OFFSET)
                if cname is None:
                    raise ValueError(f'{path}: suite {name}: a case without a name')
                cases.append(elf.string(*cname))
                coff += CASE_SIZE
        if not cases:
            raise ValueError(f'{path}: suite {name}: no test case found')
        suites.append((name, cases))
    return suites


def script_headers(path):
    """(machines, traces) declared by an e2e script's header lines."""
    machines, traces = None, []
    with open(path) as f:
        for line in f:
            m = re.match(r'#\s*machines:(.*)', line)
            if m:
                machines = m.group(1).split()
            m = re.match(r'#\s*trace:\s*(\S+)\s*$', line)
            if m:
                traces.append(m.group(1))
    return machines, traces


def expect(args):
    names, errors = [], []
    for f in sorted(os.listdir(args.tests)):
        if not f.endswith('.sh'):
            continue
        machines, traces = script_headers(os.path.join(args.tests, f))
        if not machines:
            errors.append(f'{f}: no "# machines:" line')
            continue
        bad = [m for m in machines if m not in MACHINES]
        if bad:
            errors.append(f'{f}: unknown machine(s) {" ".join(bad)} in "# machines:"')
            continue
        if args.machine in machines:
            names.append(f'e2e:{f[:-3]}')
            names += [f'trace:{t}' for t in traces]
    # The ACPI guest runs no KUnit (scripts/guest/check.sh)
    for ko in args.kunit if args.machine != 'smmuv3-acpi' else []:
        for suite, cases in kunit_suites(ko):
            names += [f'kunit:{suite}.{c}' for c in cases]
    if args.machine == 'stock':
        names.append('kunit')
    names += ['boot', 'kernel', 'kmemleak']
    # The names are promised even when a script's header is wrong: what
    # goes missing besides is then reported as well
    for n in names:
        print(f'{args.machine}:{n}')
    for e in errors:
        print(f'manifest: {e}', file=sys.stderr)
    return 2 if errors else 0


def parse_results(path):
    out = []
    with open(path) as f:
        for line in f:
            line = line.rstrip('\n')
            # "VERDICT name[: detail]"; a name may hold blanks (a KUnit
            # parameter's description), never ": "
            m = re.match(r'(PASS|FAIL|SKIP) (.*?)(?:: (.*))?$', line)
            if m:
                out.append([m.group(1), m.group(2), m.group(3) or ''])
            elif line.strip():
                out.append(['FAIL', 'results', f'malformed line {line!r}'])
    return out


def close(args):
    results = parse_results(args.results)
    allowed = {}
    with open(args.skips) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                name, _, why = line.partition(' ')
                allowed[name] = why.strip()
    added = []
    for r in results:
        if r[0] == 'SKIP' and r[1] not in allowed:
            r[0], r[2] = 'FAIL', f'skip not on the allowed list ({r[2]})'
            added.append(r)
    reported = {r[1] for r in results}
    kunit = [n for n in reported if ':kunit:' in n]
    for path in args.expect:
        with open(path) as f:
            for name in (l.strip() for l in f):
                if not name or name in reported:
                    continue
                if ':kunit:' in name and any(n.startswith(name + '.') for n in kunit):
                    continue
                r = ['FAIL', name, 'missing: expected but never reported']
                results.append(r)
                added.append(r)
    with open(args.results, 'a') as f:
        for r in added:
            f.write(f'{r[0]} {r[1]}: {r[2]}\n')
    count = {v: sum(1 for r in results if r[0] == v) for v in ('PASS', 'FAIL', 'SKIP')}
    if count['SKIP']:
        print('Skipped (allowed):')
        for r in results:
            if r[0] == 'SKIP':
                print(f'  {r[1]}: {allowed[r[1]]}')
    if count['FAIL']:
        print('Failures:')
        fails = [r for r in results if r[0] == 'FAIL']
        for r in fails[:SHOW_FAILURES]:
            print(f'  FAIL {r[1]}' + (f': {r[2]}' if r[2] else ''))
        if len(fails) > SHOW_FAILURES:
            print(f'  ... and {len(fails) - SHOW_FAILURES} more, all in {args.results}')
    print(f"{count['PASS']} passed, {count['FAIL']} failed, {count['SKIP']} skipped")
    return 1 if count['FAIL'] or not count['PASS'] else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    e = sub.add_parser('expect')
    e.add_argument('--machine', choices=MACHINES, required=True)
    e.add_argument('--tests', required=True)
    e.add_argument('kunit', nargs='*')
    k = sub.add_parser('kunit')
    k.add_argument('kunit', nargs='+')
    c = sub.add_parser('close')
    c.add_argument('--results', required=True)
    c.add_argument('--expect', action='append', default=[])
    c.add_argument('--skips', required=True)
    args = ap.parse_args()
    try:
        if args.cmd == 'expect':
            return expect(args)
        if args.cmd == 'kunit':
            for ko in args.kunit:
                for suite, cases in kunit_suites(ko):
                    print(f'{os.path.basename(ko)}: {suite}: {len(cases)} cases: '
                          + ' '.join(cases))
            return 0
        return close(args)
    except (OSError, ValueError, StopIteration) as e:
        print(f'manifest: {e}', file=sys.stderr)
        return 2


if __name__ == '__main__':
    sys.exit(main())
