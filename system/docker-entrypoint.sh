#!/usr/bin/env bash
# Spark on Kubernetes starts driver and executor containers with "driver"/"executor" as the first
# argument and expects Spark's entrypoint; everything else is the platform jar.
set -euo pipefail
case "${1:-}" in
  driver|driver-py|driver-r|executor)
    exec /opt/entrypoint.sh "$@" ;;
  spark-submit)
    shift; exec /opt/spark/bin/spark-submit "$@" ;;
  *)
    exec java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -jar /app/platform.jar "$@" ;;
esac
