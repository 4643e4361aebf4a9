#!/bin/sh
# Starts the packaged forum with the JVM settings described in README.md ("Start-up and memory") and, when the
# build trained one, the class-data archive app-cds.jsa next to this script.
#
#   target/quarkus-app/thesenforum.sh                       # configuration as usual: FORUM_* variables, .env
#   JAVA_OPTS='-Xmx2g' target/quarkus-app/thesenforum.sh    # more or other JVM options (they come last and win)
#
# The archive only fits the JVM build that trained it and this folder at this path: after a JDK update or a
# move, the JVM prints a warning and starts without it (as fast as `java -jar`); `mvn package` trains it anew.
set -e
dir="$(cd "$(dirname "$0")" && pwd -P)"
if [ -n "$JAVA_HOME" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi

case "${FORUM_CDS_TRAINING:-}" in
    "") if [ -f "$dir/app-cds.jsa" ]; then cds="-XX:SharedArchiveFile=$dir/app-cds.jsa -Xshare:auto"; else cds=""; fi ;;
    # Used by the packaging step only (src/main/launcher/train-cds.sh): the JVM writes the archive when it exits.
    # The class-load log lets the application link, as it stops, the classes the archive would otherwise leave out
    # (web/ArchiveTraining); it is written into the working folder, the training's scratch folder.
    full) cds="-XX:ArchiveClassesAtExit=$dir/app-cds.jsa -Xlog:class+load=info:file=cds-classes.log -Dthesenforum.cds.class-log=cds-classes.log" ;;
    # Without a database to start against: Quarkus stops right after its static initialisation.
    static) cds="-XX:ArchiveClassesAtExit=$dir/app-cds.jsa -Dquarkus.appcds.generate=true" ;;
    *) echo "FORUM_CDS_TRAINING is full or static" >&2; exit 64 ;;
esac

# Memory (see README.md, "Start-up and memory"): a heap that starts small and grows as needed up to the JVM's default
# maximum (a quarter of the machine's memory), the serial collector unless JAVA_OPTS names another, and at most two
# malloc arenas instead of eight per core.
# Only a collector selection (one option -XX:+Use...GC: G1, Parallel, Z, Shenandoah) counts, not a tuning flag such
# as -XX:MaxGCPauseMillis or -XX:+UseGCOverheadLimit.
gc="-XX:+UseSerialGC"
set -f
for opt in ${JAVA_OPTS:-}; do
    case "$opt" in -XX:+Use*GC) gc="" ;; esac
done
set +f
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# Hands memory that the JVM has freed (mostly the JIT compilers' work space after start-up) back to the system
# every 10 s. JDK 17.0.9+ and 21.0.1+ know the option, older ones refuse to start with it: the version comes from
# the JDK's release file, read without starting a JVM; when it cannot be read, the option is left out.
trim=""
# Experimental in the first updates that have it (JDK-8293114), a product option later (JDK-8325496): unlocking
# experimental options first is harmless where it no longer is one.
trim_opts="-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=10000"
home="${JAVA_HOME:-}"
if [ -z "$home" ] && command -v readlink >/dev/null 2>&1; then
    resolved="$(readlink -f "$(command -v "$java" 2>/dev/null || echo /nonexistent)" 2>/dev/null || true)"
    [ -n "$resolved" ] && home="$(dirname "$(dirname "$resolved")")"
fi
if [ -n "$home" ] && [ -f "$home/release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$home/release")"
    major="${version%%.*}"
    update="$(echo "$version" | cut -s -d. -f3)"
    case "$major" in
        17) [ "${update:-0}" -ge 9 ] 2>/dev/null && trim="$trim_opts" ;;
        21) [ "${update:-0}" -ge 1 ] 2>/dev/null && trim="$trim_opts" ;;
        2[2-9] | [3-9][0-9]) trim="$trim_opts" ;;
    esac
fi
# shellcheck disable=SC2086
exec "$java" $cds -Xms32m $gc $trim ${JAVA_OPTS:-} -jar "$dir/quarkus-run.jar" "$@"
