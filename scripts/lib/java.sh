# shellcheck shell=bash
# Which java the scripts run, decided in one place: sourced by scripts/concbench, scripts/bench and
# scripts/startup-cost (the others run java through scripts/concbench). Sets `java`: $JAVA (a java binary)
# if set, else $JAVA_HOME/bin/java if JAVA_HOME is set, else the java on the PATH.
# shellcheck disable=SC2034 # java is for the script that sources this
if [ -n "${JAVA:-}" ]; then
  java=$JAVA
elif [ -n "${JAVA_HOME:-}" ]; then
  java=$JAVA_HOME/bin/java
else
  java=java
fi

# The feature version of the JDK that $1 (a java binary, or a name on the PATH) belongs to, from the release
# file of its home (symbolic links followed: /usr/bin/java usually is one); prints nothing if it cannot be read.
java_feature() {
  local binary line version
  binary=$(command -v "$1" 2>/dev/null) || return 0
  binary=$(readlink -f "$binary" 2>/dev/null) || return 0
  [ -r "${binary%/bin/java}/release" ] || return 0
  while IFS= read -r line; do
    case $line in
      JAVA_VERSION=*)
        version=${line#JAVA_VERSION=}
        version=${version//\"/}
        version=${version%%[.+_-]*}
        [ "$version" = 1 ] && version=8 # 1.8.0_392: older than anything that matters here
        [[ $version =~ ^[0-9]+$ ]] && echo "$version"
        return 0
        ;;
    esac
  done <"${binary%/bin/java}/release"
}

# JVM options for $1 that only some JDKs take, one a line: from JDK 23, --sun-misc-unsafe-memory-access=allow,
# or Hazelcast (the cluster executor's client) makes the JDK print a four-line warning about sun.misc.Unsafe;
# JDK 17-22 refuse the option and would not start, so a java whose version is not known gets nothing.
java_version_options() {
  local feature
  feature=$(java_feature "$1")
  if [ -n "$feature" ] && [ "$feature" -ge 23 ]; then
    echo "--sun-misc-unsafe-memory-access=allow"
  fi
}
