#!/bin/sh
# The redis service's entrypoint: requirepass from the redis_password secret, then the image's docker-entrypoint.sh
# with the service's command line (`redis-server --appendonly yes …`). The password reaches redis-server as a
# configuration file on its standard input (`redis-server -`), so it is on no command line (`ps`) and in no
# environment. Refuses a missing or empty secret, .env.example's placeholder, and characters that a redis:// URL
# (the API's REDIS_URL) would need escaped. Nothing is echoed.
# REDIS_PASSWORD_FILE overrides the secret's path (the local stack runs this script outside a container).
set -eu

file="${REDIS_PASSWORD_FILE:-/run/secrets/redis_password}"
if [ ! -r "$file" ]; then
  echo "redis entrypoint: no password secret ($file)" >&2
  exit 64
fi
password="$(cat "$file")"
case "$password" in
  '') echo "redis entrypoint: the password secret is empty" >&2; exit 64 ;;
  *[!A-Za-z0-9._~-]*) echo "redis entrypoint: the password may hold only A-Z a-z 0-9 . _ ~ - (it goes into redis:// URLs)" >&2; exit 64 ;;
esac
if printf '%s' "$password" | grep -qiE 'change-me|replace-with'; then
  echo "redis entrypoint: the password secret is .env.example's placeholder" >&2
  exit 64
fi
if [ "${1:-}" != redis-server ]; then
  echo "redis entrypoint: the command must be redis-server …" >&2
  exit 64
fi
shift
exec docker-entrypoint.sh redis-server - "$@" <<CONF
requirepass $password
CONF
