#!/usr/bin/env python3
"""The execution samples of a webhook run's steady state, for jfr-top.py:
`jfr print --events jdk.ExecutionSample --stack-depth 96 service.jfr | jfr-window.py SKIP LENGTH | jfr-top.py`.

Keeps the samples from SKIP seconds after the first sample in the webhook's handler (the warm-up's first request)
for LENGTH seconds: e.g. `15 20` for `--warmup 5` and the load harness's default steady window of a 30 s run
(`--steady-skip 10`, to the last intended send), so that start-up, JIT warm-up and the drain's tail are left out."""
import re
import sys


def seconds(t):
    h, m, s = t.split(':')
    return int(h) * 3600 + int(m) * 60 + float(s)


def main():
    skip, length = float(sys.argv[1]), float(sys.argv[2])
    blocks, cur = [], []
    for line in sys.stdin:
        if line.startswith('jdk.ExecutionSample'):
            cur = [line]
            continue
        cur.append(line)
        if line.startswith('}'):
            blocks.append(''.join(cur))
            cur = []
    first = None
    for b in blocks:
        if 'TelegramWebhookController.' in b:
            first = seconds(re.search(r'startTime = (\S+)', b).group(1))
            break
    if first is None:
        sys.exit('no sample in TelegramWebhookController: not a webhook run?')
    lo, hi = first + skip, first + skip + length
    kept = 0
    for b in blocks:
        if lo <= seconds(re.search(r'startTime = (\S+)', b).group(1)) <= hi:
            sys.stdout.write(b + '\n')
            kept += 1
    sys.stderr.write(f'{kept} samples between {skip} s and {skip + length} s after the first webhook request\n')


if __name__ == '__main__':
    main()
