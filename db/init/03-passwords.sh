#!/usr/bin/env bash
# Sets the role passwords from secret files (docker secrets or any directory), never from the command line.
# Usage: CT_SECRETS_DIR=/run/secrets db/init/03-passwords.sh   (expects ct_owner_password, ct_engine_password, …)
# Runs psql as the current superuser connection settings (PGHOST/PGUSER/…); nothing is echoed.
# Refuses .env.example's placeholder values (before changing anything).
# --check: only the refusal, nothing changed (the db service's entrypoint runs it on every start, docker-compose.yml).
set -euo pipefail
dir="${CT_SECRETS_DIR:-/run/secrets}"
placeholder() { grep -qiE 'change-me|replace-with' "$1"; }
if [[ -n "${POSTGRES_PASSWORD:-}" ]] && placeholder <(printf '%s' "$POSTGRES_PASSWORD"); then
  echo "03-passwords: POSTGRES_PASSWORD is .env.example's placeholder" >&2
  exit 64
fi
for role in ct_owner ct_engine ct_api ct_readonly; do
  file="$dir/${role}_password"
  if [[ -r "$file" ]] && placeholder "$file"; then
    echo "03-passwords: the secret for $role is .env.example's placeholder" >&2
    exit 64
  fi
done
[[ "${1:-}" == --check ]] && exit 0
for role in ct_owner ct_engine ct_api ct_readonly; do
  file="$dir/${role}_password"
  if [[ ! -r "$file" ]]; then
    echo "03-passwords: no secret for $role ($file), leaving its password unchanged" >&2
    continue
  fi
  # psql reads the file itself (backtick command), so the password is never in `ps` output or argv.
  psql -v ON_ERROR_STOP=1 -q -v role="$role" -v pwfile="$file" -d postgres <<'SQL'
\set pw `cat :'pwfile'`
set log_statement = 'none';
alter role :"role" password :'pw';
SQL
done
