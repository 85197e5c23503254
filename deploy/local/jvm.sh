# shellcheck shell=bash
# The services' JVM as their containers run it (deploy/README.md, "Sizing"), for the local run, the resilience suite
# and the benchmarks alike. Sourced, not run.
# A heap of about three times the live set measured under load (pause-service 26-30 MB, website-sync 18-19 MB), the
# serial collector (one CPU per container), and at most two glibc malloc arenas: each thread that allocates natively
# may otherwise get an arena of its own, resident memory the JVM's own accounting never shows.
# shellcheck disable=SC2034 # used by the scripts that source this file
SERVICE_JAVA_OPTS=(-Xmx80m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError)
# shellcheck disable=SC2034
SERVICE_ENV=(MALLOC_ARENA_MAX=2)
