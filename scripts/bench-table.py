#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The table of make bench (scripts/bench.sh).

  bench-table.py [--rst] [--seconds N] RESULTS

RESULTS has one line a configuration and boot, as scripts/bench.sh
collects them from the guests (scripts/guest/bench.sh):

  <machine> <driver> <DMA|DMA-FQ> <threads> <pages> <map us> <unmap us>

Each cell is the median over the boots of the mean latency that
dma_map_benchmark reported.  smmuv3 machine: smmu3 and arm_smmu_v3
(upstream) side by side, with the ratio smmu3 / upstream (below 1: smmu3
is faster).  plain machine: smmu3 on the emulated SMMUv3.  The spread line
gives, over all cells, the largest (max - min) / median of the boots: how
far apart the boots of one configuration were.  --rst prints the tables
in reStructuredText (Documentation/driver.rst).
"""

import argparse
import statistics
import sys

TYPES = ('DMA', 'DMA-FQ')
THREADS = ('1', '2')
PAGES = ('1', '16')


def load(path):
    """{(machine, driver, type, threads, pages): ([map], [unmap])}"""
    cells = {}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            words = line.split()
            if not words:
                continue
            if len(words) != 7:
                sys.exit(f'{path}:{n}: malformed line {line.strip()!r}')
            key = tuple(words[:5])
            maps, unmaps = cells.setdefault(key, ([], []))
            try:
                maps.append(float(words[5]))
                unmaps.append(float(words[6]))
            except ValueError:
                sys.exit(f'{path}:{n}: latencies are not numbers: {line.strip()!r}')
    return cells


def median(xs):
    return statistics.median(xs) if xs else None


def spread(xs):
    m = median(xs)
    return (max(xs) - min(xs)) / m if xs and m else 0.0


def fmt(x, digits=2):
    return 'n/a' if x is None else f'{x:.{digits}f}'


def ratio(a, b):
    return None if a is None or not b else a / b


def render(title, head, rows, rst):
    out = []
    if rst:
        widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
        rule = '  '.join('=' * w for w in widths)
        out += [title, '', rule, '  '.join(h.ljust(w) for h, w in zip(head, widths)), rule]
        out += ['  '.join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
        out += [rule, '']
    else:
        widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
        out += [title]
        out += ['  '.join(h.rjust(w) if i > 2 else h.ljust(w)
                          for i, (h, w) in enumerate(zip(head, widths)))]
        out += ['  '.join(c.rjust(w) if i > 2 else c.ljust(w)
                          for i, (c, w) in enumerate(zip(r, widths))) for r in rows]
        out += ['']
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('results')
    ap.add_argument('--rst', action='store_true')
    ap.add_argument('--seconds', help='seconds each configuration ran (for the titles)')
    args = ap.parse_args()
    cells = load(args.results)
    each = f', {args.seconds} s each' if args.seconds else ''
    lines = []

    def boots(machine, driver):
        return max((len(v[0]) for k, v in cells.items() if k[:2] == (machine, driver)), default=0)

    # QEMU's SMMUv3: smmu3 against upstream
    n3, nu = boots('smmuv3', 'smmu3'), boots('smmuv3', 'arm_smmu_v3')
    if n3 or nu:
        rows, worst = [], 0.0
        for t in TYPES:
            for th in THREADS:
                for p in PAGES:
                    a = cells.get(('smmuv3', 'smmu3', t, th, p), ([], []))
                    b = cells.get(('smmuv3', 'arm_smmu_v3', t, th, p), ([], []))
                    worst = max([worst] + [spread(x) for x in a + b])
                    ma, mb, ua, ub = median(a[0]), median(b[0]), median(a[1]), median(b[1])
                    rows.append([t, th, p, fmt(ma), fmt(mb), fmt(ratio(ma, mb)),
                                 fmt(ua), fmt(ub), fmt(ratio(ua, ub))])
        head = ['mode', 'threads', 'pages', 'map smmu3', 'map upstream', 'ratio',
                'unmap smmu3', 'unmap upstream', 'ratio']
        title = (f'QEMU SMMUv3 (virt,iommu=smmuv3), NVMe drive: median latency in us of '
                 f'{n3} boots of smmu3 and {nu} of upstream arm_smmu_v3{each}; '
                 f'ratio = smmu3 / upstream')
        lines += render(title, head, rows, args.rst)
        lines += [f'spread: boots of one configuration differ by up to {worst:.0%} of their median',
                  '']

    # The emulated SMMUv3: smmu3 alone
    ne = boots('plain', 'smmu3')
    if ne:
        rows, worst = [], 0.0
        for t in TYPES:
            for th in THREADS:
                for p in PAGES:
                    a = cells.get(('plain', 'smmu3', t, th, p), ([], []))
                    worst = max([worst] + [spread(x) for x in a])
                    rows.append([t, th, p, fmt(median(a[0])), fmt(median(a[1]))])
        head = ['mode', 'threads', 'pages', 'map smmu3', 'unmap smmu3']
        title = (f'Emulated SMMUv3 (plain machine), testdev-a: median latency in us of '
                 f'{ne} boots of smmu3{each}')
        lines += render(title, head, rows, args.rst)
        lines += [f'spread: boots of one configuration differ by up to {worst:.0%} of their median',
                  '']
    if not lines:
        sys.exit(f'{args.results}: no results')
    print('\n'.join(lines).rstrip('\n'))


if __name__ == '__main__':
    main()
