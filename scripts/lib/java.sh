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
