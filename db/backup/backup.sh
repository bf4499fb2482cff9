#!/usr/bin/env bash
# Nightly logical backup of the coursetable database: pg_dump in custom format (-Fc, compressed, restorable
# table by table with pg_restore), written atomically, then rotation.
#
#   BACKUP_DIR=/backups KEEP_DAILY=14 KEEP_WEEKLY=8 db/backup/backup.sh
#
# Connection: the standard libpq variables (PGHOST, PGPORT, PGUSER, PGDATABASE) and a password file
# (PGPASSFILE, or PGPASSWORD_FILE pointing at a file holding only the password, e.g. a Docker secret).
# It connects directly to Postgres (not through pgbouncer: pg_dump needs one session and a snapshot), as ct_owner,
# which owns every object. The password is never put on a command line or printed; `set -x` is never used.
#
# Rotation: keeps the newest KEEP_DAILY dumps, plus the newest dump of each of the last KEEP_WEEKLY ISO weeks.
# Restore procedure: docs/operations.md.
set -euo pipefail
umask 077

BACKUP_DIR="${BACKUP_DIR:-/backups}"
KEEP_DAILY="${KEEP_DAILY:-14}"
KEEP_WEEKLY="${KEEP_WEEKLY:-8}"
export PGHOST="${PGHOST:-db}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-ct_owner}" PGDATABASE="${PGDATABASE:-coursetable}"
export PGAPPNAME=backup PGCONNECT_TIMEOUT=10

log() { printf '%s backup: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }

if [[ -n "${PGPASSWORD_FILE:-}" && -z "${PGPASSFILE:-}" ]]; then
  # Build a private .pgpass from the secret file; libpq reads it, nothing reaches argv or the log.
  passfile="$(mktemp)"
  trap 'rm -f "$passfile"' EXIT
  pw="$(<"$PGPASSWORD_FILE")"
  pw="${pw//\\/\\\\}"
  pw="${pw//:/\\:}"
  printf '%s:%s:%s:%s:%s\n' "$PGHOST" "$PGPORT" "$PGDATABASE" "$PGUSER" "$pw" > "$passfile"
  unset pw
  export PGPASSFILE="$passfile"
fi
unset PGPASSWORD

mkdir -p "$BACKUP_DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$BACKUP_DIR/${PGDATABASE}-${stamp}.dump"
partial="$target.partial"

log "dumping database $PGDATABASE from $PGHOST:$PGPORT as $PGUSER"
# Everything but the Hasura catalog (hdb_catalog, rebuilt from hasura/metadata at start). Not `--schema=public`:
# that adds CREATE SCHEMA public to the dump, which then fails to restore into a new database (it has public).
pg_dump --format=custom --compress=6 --no-password --exclude-schema=hdb_catalog --file="$partial" \
  || { rm -f "$partial"; log "pg_dump failed"; exit 1; }
# A dump that pg_restore cannot list is not a backup.
pg_restore --list "$partial" > /dev/null
mv "$partial" "$target"
sha256sum "$target" | sed "s|  .*/|  |" > "$target.sha256"
log "wrote $(basename "$target") ($(du -h "$target" | cut -f1))"

# Rotation ---------------------------------------------------------------------------------------------------------
mapfile -t dumps < <(ls -1 "$BACKUP_DIR"/"${PGDATABASE}"-*.dump 2>/dev/null | sort -r)
declare -A keep=()
declare -A weeks=()
for i in "${!dumps[@]}"; do
  f="${dumps[$i]}"
  if (( i < KEEP_DAILY )); then keep["$f"]=1; fi
  ts="$(basename "$f" .dump)"; ts="${ts##*-}"              # 20261124T031500Z
  week="$(date -u -d "${ts:0:8}" +%G-W%V 2>/dev/null || echo unknown)"
  if [[ -z "${weeks[$week]:-}" && ${#weeks[@]} -lt $KEEP_WEEKLY ]]; then
    weeks["$week"]=1
    keep["$f"]=1
  fi
done
removed=0
for f in "${dumps[@]}"; do
  if [[ -z "${keep[$f]:-}" ]]; then
    rm -f -- "$f" "$f.sha256"
    removed=$((removed + 1))
  fi
done
log "rotation: kept ${#keep[@]} dump(s), removed $removed"
