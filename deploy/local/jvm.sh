# shellcheck shell=bash
# The services' JVM as their containers run it (deploy/README.md, "Sizing"), for the local run, the resilience suite
# and the benchmarks alike. Sourced, not run.
# A heap of about three times the live set measured under load (pause-service 26-30 MB, website-sync 18-19 MB), the
# serial collector (one CPU per container), and at most two glibc malloc arenas: each thread that allocates natively
# may otherwise get an arena of its own, resident memory the JVM's own accounting never shows.
# No tiered compilation: hot code goes from the interpreter straight to C2, so no profiled C1 code fills the code
# cache and no compiler thread works on a tier that is thrown away; under load both services used
# less CPU and 20-40 MB less memory (docs/benchmarks.md, "The JIT"), and start about half a second later. One
# compiler thread, as the JVM picks in a one-CPU container: two compiling at once held another 15-30 MB of C2's
# working memory at the peak, for no more throughput once warm.
# shellcheck disable=SC2034 # used by the scripts that source this file
SERVICE_JAVA_OPTS=(-Xmx80m -XX:+UseSerialGC -XX:-TieredCompilation -XX:CICompilerCount=1 -XX:+ExitOnOutOfMemoryError)
# shellcheck disable=SC2034
SERVICE_ENV=(MALLOC_ARENA_MAX=2)
