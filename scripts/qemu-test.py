#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Boot the test guest in QEMU, follow its console and judge the run.

Each boot gets a random token, handed to the guest's init in a small cpio
archive appended to the initramfs; init reads it, deletes the file and
keeps it in a variable that no test script inherits.  Only console lines
carrying the token are markers (scripts/guest/init, scripts/guest/lib.sh):

  SMMU3[token]: BOOTED ...        the guest's init started
  SMMU3[token]: STEP <what>       what it is doing now (named on a hang)
  SMMU3[token]: RESULT <name> PASS|FAIL|SKIP [detail]
  SMMU3[token]: KTAP-BEGIN <module> <suite> ... KTAP-END <module> <suite>
  SMMU3[token]: TRACE-CHECK <name> <min> <regex>
  SMMU3[token]: DONE              everything ran; the guest powers off

A run without DONE is a crash or a hang and fails, naming the log and the
last step.  KTAP blocks are judged by the kernel's own kunit.py parser, one
verdict per test case.  Kernel reports (BUG, WARNING, Oops, KASAN, lockdep,
hung tasks, panics) anywhere on the console fail the run.  Whether every
promised verdict was reported is judged afterwards by scripts/manifest.py.

Verdicts go to stdout as "PASS name", "FAIL name: why", "SKIP name: why",
and are appended to --results when given.  Exit status: 0 when every
verdict passed, 3 when the run was judged and something failed, anything
else when this program itself failed.
"""

import argparse
import json
import os
import re
import secrets
import select
import signal
import subprocess
import sys
import time

MARK = 'SMMU3: '     # replaced by the boot's own prefix in main()

# Kernel reports that fail a run wherever they appear.
KERNEL_REPORTS = [
    (re.compile(r'BUG: KASAN'), 'KASAN report'),
    (re.compile(r'BUG: KFENCE'), 'KFENCE report'),
    (re.compile(r'possible (circular|recursive) locking|inconsistent lock state|'
                r'suspicious RCU usage|lock held when returning'), 'lockdep report'),
    (re.compile(r'BUG: sleeping function called from invalid context'),
     'sleep in atomic context'),
    (re.compile(r'BUG: soft lockup|rcu_.*detected stalls'), 'CPU stall'),
    (re.compile(r'INFO: task .* blocked for more than'), 'hung task'),
    (re.compile(r'Unable to handle kernel|Internal error: Oops|\bOops\b'), 'kernel Oops'),
    (re.compile(r'Kernel panic'), 'kernel panic'),
    (re.compile(r'\bBUG: |kernel BUG at'), 'kernel BUG'),
    (re.compile(r'WARNING: |------------\[ cut here \]'), 'kernel WARNING'),
    (re.compile(r'UBSAN: '), 'UBSAN report'),
    (re.compile(r'list_(add|del) corruption'), 'list corruption'),
    # The emulated SMMU's checker (strict mode): a driver protocol violation
    (re.compile(r'smmu3.emu.*: checker: class [0-9]'), 'emulator checker report'),
]

TIMESTAMP = re.compile(r'^\[\s*\d+\.\d+\]\s?')


class Run:
    def __init__(self, args):
        self.args = args
        self.verdicts = []          # (verdict, name, detail)
        self.results_file = args.results

    def verdict(self, v, name, detail=''):
        name = f'{self.args.machine}:{name}'
        self.verdicts.append((v, name, detail))
        line = f'{v} {name}' + (f': {detail}' if detail else '')
        print(line, flush=True)
        if self.results_file:
            with open(self.results_file, 'a') as f:
                f.write(line + '\n')


def qemu_command(args):
    mopts = 'virt,gic-version=3' + (',iommu=smmuv3' if args.machine in ('smmuv3', 'smmuv3-acpi')
                                     else '')
    append = ['console=ttyAMA0', 'panic=-1', 'deferred_probe_timeout=-1',
              f'smmu3.plan={args.plan}', f'smmu3.machine={args.machine}']
    # Quiet console for judged runs: KUnit results are read from debugfs,
    # warnings and errors (level <= 4) still reach the console.
    append.append('loglevel=5' if args.plan == 'check' else 'loglevel=4')
    if args.shell:
        append.append('smmu3.shell=1')
    if args.append:
        append.append(args.append)
    cmd = ['qemu-system-aarch64', '-machine', mopts, '-cpu', 'max,pauth-impdef=on',
           '-smp', str(args.smp), '-m', args.memory,
           '-kernel', args.kernel, '-initrd', args.initrd,
           '-append', ' '.join(append), '-no-reboot', '-nographic', '-nic', 'none']
    # UEFI firmware: it loads the kernel (EFI stub) and hands it QEMU's ACPI
    # tables; otherwise the kernel boots directly with the DTB
    cmd += ['-bios', args.bios] if args.bios else ['-dtb', args.dtb]
    if args.nvme:
        cmd += ['-drive', f'if=none,id=nvm,format=raw,file={args.nvme}',
                '-device', 'nvme,serial=smmu3nvme,drive=nvm']
    for pattern in args.trace or []:
        cmd += ['-trace', f'enable={pattern},file={args.trace_file}']
    return cmd


def follow(run, cmd, log_path):
    """Run QEMU, copy its console to the log, show progress; return
    (lines, reason) where reason is None for a normal exit."""
    args = run.args
    lines = []
    run.steps = []              # (host time, step) as each STEP arrives
    show_all = args.plan != 'check'
    with open(log_path, 'w') as log:
        log.write('# ' + ' '.join(cmd) + '\n')
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + args.timeout
        buf = b''
        reason = None
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                reason = 'timeout'
                break
            ready, _, _ = select.select([proc.stdout], [], [], min(left, 1.0))
            if not ready:
                continue
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            buf += chunk
            *complete, buf = buf.split(b'\n')
            for raw in complete:
                line = raw.decode('utf-8', 'replace').rstrip('\r')
                lines.append(line)
                log.write(line + '\n')
                if show_all:
                    if not line.startswith(MARK):
                        print(line, flush=True)
                elif MARK + 'STEP ' in line:
                    what = line.split(MARK + 'STEP ', 1)[1]
                    run.steps.append((time.monotonic(), what))
                    print('  .. ' + what, flush=True)
        if buf:
            line = buf.decode('utf-8', 'replace')
            lines.append(line)
            log.write(line + '\n')
        if reason == 'timeout':
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        log.write(f'# qemu exit status {proc.returncode}\n')
    return lines, reason, proc.returncode


def kunit_verdicts(run, blocks, logdir):
    """Judge each KTAP block with kunit.py parse."""
    ktapdir = os.path.join(logdir, f'ktap-{run.args.machine}')
    os.makedirs(ktapdir, exist_ok=True)
    for (module, suite), text in blocks.items():
        base = os.path.join(ktapdir, suite)
        with open(base + '.ktap', 'w') as f:
            f.write('\n'.join(text) + '\n')
        p = subprocess.run([sys.executable, run.args.kunit_py, 'parse',
                            '--json=' + os.path.abspath(base + '.json'),
                            os.path.abspath(base + '.ktap')],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        with open(base + '.parse.txt', 'w') as f:
            f.write(p.stdout)
        try:
            with open(base + '.json') as f:
                tree = json.load(f)
        except (OSError, ValueError):
            run.verdict('FAIL', f'kunit:{suite}', f'kunit.py could not parse the results '
                        f'(see {base}.parse.txt)')
            continue
        cases = []

        def walk(group, prefix):
            for c in group.get('test_cases', []):
                cases.append((f'{prefix}.{c["name"]}', c['status']))
            for g in group.get('sub_groups', []):
                walk(g, f'{prefix}.{g["name"]}' if prefix else g['name'])
        walk(tree, '')
        for name, status in cases:
            name = 'kunit:' + name.lstrip('.')
            if status == 'PASS':
                run.verdict('PASS', name)
            elif status == 'SKIP':
                run.verdict('SKIP', name, 'skipped by the test')
            else:
                # A parameterised case's messages carry the case's name,
                # not the parameter's
                why = []
                for case in name.split('.')[:0:-1]:
                    why = [l.split(f'# {case}: ', 1)[1].strip() for l in text
                           if f'# {case}: ' in l]
                    if why:
                        break
                run.verdict('FAIL', name, f'{status}: {" / ".join(why[:3]) or "no message"}'
                            f' (see {base}.ktap)')
        if not cases:
            run.verdict('FAIL', f'kunit:{suite}', f'no test case result (see {base}.ktap)')
        elif p.returncode != 0 and all(s in ('PASS', 'SKIP') for _, s in cases):
            run.verdict('FAIL', f'kunit:{suite}', 'kunit.py reported an incomplete or '
                        f'malformed run (see {base}.parse.txt)')


def trace_verdicts(run, checks):
    """Judge "SMMU3: TRACE-CHECK <name> <min> <regex>" requests of the guest:
    at least <min> lines of QEMU's trace must match <regex>."""
    args = run.args
    for name, minimum, regex in checks:
        tag = f'trace:{name}'
        if not args.trace:
            run.verdict('FAIL', tag, 'QEMU tracing is not enabled (--trace)')
            continue
        try:
            pattern = re.compile(regex)
            want = int(minimum)
        except (re.error, ValueError) as e:
            run.verdict('FAIL', tag, f'malformed trace check: {e}')
            continue
        try:
            with open(args.trace_file, errors='replace') as f:
                hits = sum(1 for line in f if pattern.search(line))
        except OSError as e:
            run.verdict('FAIL', tag, f'cannot read {args.trace_file}: {e}')
            continue
        detail = f'{hits} trace lines match /{regex}/ (need {want})'
        run.verdict('PASS' if hits >= want else 'FAIL', tag, detail)


def judge(run, lines, reason, rc, log_path):
    args = run.args
    booted = done = False
    last_step = 'kernel boot'
    blocks = {}
    current = None
    reports = {}
    trace_checks = []
    for raw in lines:
        line = TIMESTAMP.sub('', raw)
        at = line.find(MARK)
        if at > 0 and current is None:
            line = line[at:]    # a marker printed after partial kernel output
        if current is not None:
            if line.startswith(MARK + 'KTAP-END'):
                current = None
            else:
                blocks[current].append(line)
            continue
        if line.startswith(MARK):
            words = line[len(MARK):].split(' ', 3)
            kind = words[0]
            if kind == 'BOOTED':
                booted = True
                last_step = 'guest init'
            elif kind == 'STEP':
                last_step = line[len(MARK) + 5:]
            elif kind == 'DONE':
                done = True
            elif kind == 'KTAP-BEGIN' and len(words) >= 3:
                current = (words[1], words[2])
                blocks[current] = []
            elif kind == 'TRACE-CHECK' and len(words) == 4:
                # the regex is the rest of the line, trailing blanks and all
                trace_checks.append((words[1], words[2], words[3]))
            elif kind == 'RESULT' and len(words) >= 3:
                name, verdict = words[1], words[2]
                detail = words[3] if len(words) > 3 else ''
                if verdict not in ('PASS', 'FAIL', 'SKIP'):
                    verdict, detail = 'FAIL', f'malformed verdict {line!r}'
                run.verdict(verdict, name, detail)
            continue
        for pattern, what in KERNEL_REPORTS:
            if pattern.search(line):
                reports.setdefault(what, []).append(raw)
                break
    if current is not None:
        run.verdict('FAIL', f'kunit:{current[1]}', 'KTAP output cut off')
    trace_verdicts(run, trace_checks)
    kunit_verdicts(run, blocks, os.path.dirname(log_path))

    tag = 'boot'
    if reason == 'timeout':
        run.verdict('FAIL', tag, f'guest hung: no end after {args.timeout} s, during '
                    f'"{last_step}" (log: {log_path})')
    elif not booted:
        run.verdict('FAIL', tag, f'guest never reached init (QEMU exit {rc}; log: {log_path})')
    elif not done:
        run.verdict('FAIL', tag, f'guest died during "{last_step}" (QEMU exit {rc}; '
                    f'log: {log_path})')
    else:
        run.verdict('PASS', tag)
    for what, hits in reports.items():
        run.verdict('FAIL', 'kernel',
                    f'{what} x{len(hits)}: "{hits[0].strip()}" (log: {log_path})')
    if not reports:
        run.verdict('PASS', 'kernel')


def with_token(args, token):
    """The initramfs with a newc cpio archive holding /smmu3-token appended
    (the kernel unpacks concatenated archives; zeros between them are
    skipped, and an archive must start on a 4-byte boundary)."""
    def entry(name, mode, data):
        name = name.encode() + b'\0'
        hdr = ('070701' + ''.join(f'{v:08x}' for v in (
            0, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name), 0))).encode()
        out = hdr + name
        out += b'\0' * (-len(out) % 4) + data
        return out + b'\0' * (-len(out) % 4)
    with open(args.initrd, 'rb') as f:
        image = f.read()
    image += b'\0' * (-len(image) % 4)
    image += entry('smmu3-token', 0o100600, token.encode() + b'\n')
    image += entry('TRAILER!!!', 0, b'')
    path = os.path.join(args.logdir, f'initrd-{args.machine}-{args.plan}.img')
    with open(path, 'wb') as f:
        f.write(image + b'\0' * (-len(image) % 512))
    return path


def slowest(run, end):
    """The steps that took longest, by the host's clock."""
    spans = [(b[0] - a[0], a[1]) for a, b in zip(run.steps, run.steps[1:] + [(end, '')])]
    return sorted(spans, reverse=True)


def main():
    global MARK
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--machine', choices=['plain', 'smmuv3', 'smmuv3-acpi', 'stock'],
                    default='plain',
                    help='stock: the plain machine booting Debian\'s stock kernel; '
                    'smmuv3-acpi: the smmuv3 machine booting through UEFI with ACPI (--bios)')
    ap.add_argument('--plan', choices=['check', 'run', 'shell'], default='check')
    ap.add_argument('--kernel', required=True)
    ap.add_argument('--initrd', required=True)
    fw = ap.add_mutually_exclusive_group(required=True)
    fw.add_argument('--dtb', help='boot the kernel directly with this DTB')
    fw.add_argument('--bios', help='boot through this UEFI firmware (ACPI), no DTB')
    ap.add_argument('--nvme', help='raw disk image for a PCI NVMe drive')
    ap.add_argument('--kunit-py', required=True)
    ap.add_argument('--logdir', required=True)
    ap.add_argument('--results')
    ap.add_argument('--timeout', type=int, default=900)
    ap.add_argument('--smp', type=int, default=2)
    ap.add_argument('--memory', default='2G')
    ap.add_argument('--append', default='')
    ap.add_argument('--trace', action='append',
                    help='QEMU trace event pattern, e.g. smmuv3_* (repeatable)')
    ap.add_argument('--shell', action='store_true',
                    help='interactive: give a guest shell after the plan')
    args = ap.parse_args()
    os.makedirs(args.logdir, exist_ok=True)
    args.trace_file = os.path.join(args.logdir, f'trace-{args.machine}.log')
    # QEMU appends to its trace file: each boot judges its own trace only
    if args.trace and os.path.exists(args.trace_file):
        os.remove(args.trace_file)
    token = secrets.token_hex(8)
    MARK = f'SMMU3[{token}]: '
    args.initrd = with_token(args, token)
    cmd = qemu_command(args)
    log_path = os.path.join(args.logdir, f'console-{args.machine}-{args.plan}.log')

    if args.shell:
        # The terminal belongs to the guest; nothing to judge.
        return subprocess.call(cmd)

    run = Run(args)
    t0 = time.monotonic()
    lines, reason, rc = follow(run, cmd, log_path)
    if args.plan == 'check':
        judge(run, lines, reason, rc, log_path)
        failed = sum(1 for v, _, _ in run.verdicts if v == 'FAIL')
        end = time.monotonic()
        spans = slowest(run, end)
        with open(os.path.join(args.logdir, f'timing-{args.machine}.txt'), 'w') as f:
            for secs, what in spans:
                f.write(f'{secs:8.1f} s  {what}\n')
        print(f'  {args.machine} guest: {end - t0:.0f} s wall, console log {log_path}; '
              'slowest: ' + ', '.join(f'{w} {s:.0f} s' for s, w in spans[:5]), flush=True)
        return 3 if failed else 0
    if reason == 'timeout':
        print(f'error: guest did not finish within {args.timeout} s (log: {log_path})')
        return 1
    if not any(MARK + 'DONE' in l for l in lines):
        print(f'error: guest did not finish (log: {log_path})')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
