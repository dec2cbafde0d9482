#!/usr/bin/env python3
"""Where the CPU goes in a JFR recording: `jfr print --events jdk.ExecutionSample --stack-depth 96 FILE | jfr-top.py`.

Prints (1) the top self frames, (2) inclusive shares of the service's own methods (be.buurtstem.*), each counted once
per sample, and (3) inclusive shares of coarse areas (the store, JSON, HTTP server, logging, ...), so that a
flat profile still says which path costs what. Only samples of threads that were running Java code are in JFR's
execution samples."""
import re
import sys
from collections import Counter

AREAS = [
    ("embedded store: mongo-java-server (query, update, index)", "de.bwaldvogel.mongo.backend"),
    ("embedded store: H2 MVStore (pages, commit, compression)", "org.h2."),
    ("embedded store: wire protocol (BSON en/decoding, netty)", "de.bwaldvogel.mongo.wire"),
    ("MongoDB Java driver", "com.mongodb."),
    ("BSON (org.bson)", "org.bson."),
    ("Jackson JSON", "com.fasterxml.jackson"),
    ("Tomcat / servlet", "org.apache.catalina"),
    ("Tomcat connector", "org.apache.coyote"),
    ("Spring MVC", "org.springframework.web"),
    ("logging (logback, structured)", "ch.qos.logback"),
    ("Telegram library (telegrambots)", "org.telegram."),
    ("OkHttp (telegrambots client)", "okhttp3."),
    ("survey engine", "be.buurtstem.engine"),
    ("analysis (coding)", "be.buurtstem.analysis"),
    ("Java serialization (ObjectOutputStream)", "java.io.ObjectOutputStream"),
    ("regex", "java.util.regex"),
]

STARTUP = {"be.buurtstem.bot.Main.main", "be.buurtstem.bot.service.coding.Coders.bundled"}


def outermost(st, pattern):
    """The outermost frame (nearest the thread's start) matching the pattern, or None."""
    hit = None
    for f in st:
        if re.search(pattern, f):
            hit = f
    return hit


def caller_of(st, prefix):
    """The service's own frame that called into a library: the first be.buurtstem frame below its last frame."""
    last = -1
    for i, f in enumerate(st):
        if f.startswith(prefix):
            last = i
    if last < 0:
        return None
    for f in st[last + 1:]:
        if f.startswith("be.buurtstem.") and ".store.Store." not in f:
            return f
    return None


def main():
    samples = []
    cur = None
    for line in sys.stdin:
        s = line.strip()
        if s.startswith("jdk.ExecutionSample"):
            cur = []
            samples.append(cur)
        elif cur is not None and "line:" in s:
            m = re.match(r"([\w$.<>/\[\]]+)\(", s)
            if m:
                cur.append(m.group(1))
    startup = [st for st in samples if any(f in STARTUP for f in st)]
    samples = [st for st in samples if not any(f in STARTUP for f in st)]
    n = len(samples)
    print(f"{len(startup)} samples of start-up threads left out")
    if n == 0:
        print("no samples")
        return
    selfc = Counter(st[0] for st in samples if st)
    own = Counter()
    areas = Counter()
    for st in samples:
        for name in set(f for f in st if f.startswith("be.buurtstem.")):
            own[name] += 1
        for label, prefix in AREAS:
            if any(f.startswith(prefix) for f in st):
                areas[label] += 1
    print(f"{n} execution samples\n")
    print("| area (inclusive: a sample with any frame there) | share |\n|---|---|")
    for label, c in areas.most_common():
        print(f"| {label} | {100.0 * c / n:.1f} % |")
    print("\n| service method (inclusive) | share |\n|---|---|")
    for name, c in own.most_common(30):
        print(f"| `{name}` | {100.0 * c / n:.1f} % |")
    commands = Counter(outermost(st, r"de\.bwaldvogel\.mongo\.backend\.AbstractMongoDatabase\.command\w+") for st in samples)
    commands.pop(None, None)
    print("\n| store server: command (AbstractMongoDatabase.commandX) | share |\n|---|---|")
    for name, c in commands.most_common(15):
        print(f"| `{name}` | {100.0 * c / n:.1f} % |")
    callers = Counter(caller_of(st, "com.mongodb.") for st in samples)
    callers.pop(None, None)
    print("\n| driver time by the service method that called it (client side) | share |\n|---|---|")
    for name, c in callers.most_common(20):
        print(f"| `{name}` | {100.0 * c / n:.1f} % |")
    stores = Counter(outermost(st, r"^be\.buurtstem\.bot\.service\.store\.Store\.\w+$") for st in samples)
    stores.pop(None, None)
    print("\n| Store method (client side, inclusive) | share |\n|---|---|")
    for name, c in stores.most_common(20):
        print(f"| `{name}` | {100.0 * c / n:.1f} % |")
    print("\n| top frame (self) | share |\n|---|---|")
    for name, c in selfc.most_common(20):
        print(f"| `{name}` | {100.0 * c / n:.1f} % |")

main()
