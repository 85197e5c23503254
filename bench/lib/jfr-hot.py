#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording (JDK 17's `jfr` tool): the hottest frames, the share of samples
that pass through each library (inclusive: a sample counts for every library on its stack), and the threads.
Usage: jfr-hot.py recording.jfr [top]"""
import collections
import re
import subprocess
import sys

LIBRARIES = [
    ("JWT parsing and verification (smallrye-jwt, jose4j)", ("org.jose4j.", "io.smallrye.jwt.")),
    ("JSON (Jackson)", ("com.fasterxml.jackson.",)),
    ("Hibernate Reactive / ORM", ("org.hibernate.",)),
    ("PostgreSQL client (Vert.x SQL client)", ("io.vertx.pgclient.", "io.vertx.sqlclient.")),
    ("Kafka client", ("org.apache.kafka.", "io.smallrye.reactive.messaging.kafka.")),
    ("REST layer (RESTEasy Reactive, Vert.x HTTP)", ("org.jboss.resteasy.reactive.", "io.vertx.core.http.",
                                                     "io.quarkus.vertx.http.")),
    ("Netty I/O", ("io.netty.",)),
    ("security (Quarkus, SmallRye)", ("io.quarkus.security.", "io.quarkus.smallrye.jwt.")),
    ("metrics (Micrometer)", ("io.micrometer.",)),
    ("logging", ("org.jboss.logmanager.", "org.jboss.logging.")),
    ("Bean Validation (Hibernate Validator)", ("org.hibernate.validator.",)),
    ("our code (org.hlf)", ("org.hlf.",)),
]


def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                         check=True, capture_output=True, text=True).stdout
    thread, frames, in_stack = None, [], False
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("jdk.ExecutionSample"):
            thread, frames, in_stack = None, [], False
        elif s.startswith("sampledThread"):
            m = re.search(r'"([^"]*)"', s)
            thread = m.group(1) if m else "?"
        elif s.startswith("stackTrace = ["):
            in_stack = True
        elif in_stack and s == "]":
            in_stack = False
        elif in_stack and s and s != "...":
            frames.append(re.sub(r"\s+line:.*$", "", s))
        elif s == "}" and frames:
            yield thread, frames
            frames = []


JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.")


def owner(frames):
    """The package (three levels) of the first frame that is not the JDK's: who asked for the work."""
    for frame in frames:
        if not frame.startswith(JDK):
            return ".".join(frame.split("(")[0].split(".")[:3])
    return "JDK only: " + ".".join(frames[0].split("(")[0].split(".")[:3])


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    total = 0
    self_frames = collections.Counter()
    libraries = collections.Counter()
    threads = collections.Counter()
    owners = collections.Counter()
    for thread, frames in samples(path):
        total += 1
        self_frames[frames[0]] += 1
        owners[owner(frames)] += 1
        threads[re.sub(r"[-#]?\d+$", "", thread or "?")] += 1
        for label, prefixes in LIBRARIES:
            if any(f.startswith(prefixes) for f in frames):
                libraries[label] += 1
    if total == 0:
        print(f"{path}: no CPU samples")
        return
    print(f"{path}: {total} CPU samples of pause-service")
    print("share of samples per library (inclusive; a sample counts for every library on its stack):")
    for label, n in libraries.most_common():
        print(f"  {100 * n / total:5.1f}%  {label}")
    print("samples by the code that spends them (the first frame outside the JDK, by package):")
    for name, n in owners.most_common(top):
        print(f"  {100 * n / total:5.1f}%  {name}")
    print(f"hottest frames (self, top {top}):")
    for frame, n in self_frames.most_common(top):
        print(f"  {100 * n / total:5.1f}%  {frame}")
    print("samples per thread:")
    for name, n in threads.most_common(8):
        print(f"  {100 * n / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
