#!/bin/sh
# Writes pgbouncer's auth_file from the environment, then execs pgbouncer.
# The passwords are written with the shell's printf builtin (no child process, so they never appear in `ps`),
# into a tmpfs file readable only by the pgbouncer user, and are removed from the environment before exec.
# Nothing secret is echoed: errors name the variable, never its value. Refuses .env.example's placeholder values.
# PGBOUNCER_RUN_DIR / PGBOUNCER_CONFIG override the two paths (the local stack runs this script outside a container).
set -eu
umask 077

userlist="${PGBOUNCER_RUN_DIR:-/run/pgbouncer}/userlist.txt"
config="${PGBOUNCER_CONFIG:-/etc/pgbouncer/pgbouncer.ini}"
tmp="$userlist.tmp"
roles="ct_engine ct_api ct_readonly"

# Check every variable before writing anything.
for role in $roles; do
  var="$(printf '%s' "$role" | tr '[:lower:]' '[:upper:]')_PASSWORD"
  eval "pw=\${$var:-}"
  if [ -z "$pw" ]; then
    echo "pgbouncer: $var is not set" >&2
    exit 64
  fi
  case "$pw" in
    *change-me* | *replace-with* | *CHANGE-ME* | *REPLACE-WITH*)
      echo "pgbouncer: $var is .env.example's placeholder" >&2
      exit 64 ;;
    *'"'* | *'
'*) echo "pgbouncer: $var must not contain a double quote or a newline" >&2; exit 64 ;;
  esac
done

: > "$tmp"
for role in $roles; do
  var="$(printf '%s' "$role" | tr '[:lower:]' '[:upper:]')_PASSWORD"
  eval "pw=\${$var}"
  printf '"%s" "%s"\n' "$role" "$pw" >> "$tmp"
  unset "$var"
done
pw=''
mv "$tmp" "$userlist"
echo "pgbouncer: auth_file written for ct_engine, ct_api, ct_readonly" >&2

exec pgbouncer "$config"
