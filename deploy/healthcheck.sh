#!/usr/bin/env bash
# Container health probe without curl (the aspnet image has none): an HTTP/1.1 GET over bash's /dev/tcp.
# Usage: healthcheck [port] [path]; healthy when the first status line is 200.
# The gRPC services speak HTTP/2 only on their gRPC port, so compose gives them a second, HTTP/1.1 port for this probe.
set -eu
port="${1:-8080}"
path="${2:-/healthz}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status_line <&3
case "$status_line" in
  "HTTP/1.1 200"*) exit 0 ;;
  *) echo "unhealthy: ${status_line:-no answer} from :${port}${path}" >&2; exit 1 ;;
esac
