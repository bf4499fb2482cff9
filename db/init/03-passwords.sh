#!/usr/bin/env bash
# Sets the role passwords from secret files (docker secrets or any directory), never from the command line.
# Usage: CT_SECRETS_DIR=/run/secrets db/init/03-passwords.sh   (expects ct_owner_password, ct_engine_password, …)
# Runs psql as the current superuser connection settings (PGHOST/PGUSER/…); nothing is echoed.
set -euo pipefail
dir="${CT_SECRETS_DIR:-/run/secrets}"
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
