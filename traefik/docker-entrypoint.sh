#!/bin/sh
# Renders the static configuration template (/etc/traefik/traefik.yml, see the comment in it) into
# /tmp/traefik.yml and starts Traefik. The substituted values (public host name, ACME contact e-mail, ACME storage
# path, the orchestrator's provider) are not secrets; nothing is echoed. Refuses .env.example's placeholder values.
# TRAEFIK_TEMPLATE / TRAEFIK_RENDERED override the two paths (the local stack runs this script outside a container).
set -eu

: "${PUBLIC_HOST:?PUBLIC_HOST must be set (the public DNS name served by Traefik)}"
: "${ACME_EMAIL:?ACME_EMAIL must be set (contact address for Let's Encrypt)}"
: "${ACME_STORAGE:=/letsencrypt/acme.json}"
: "${TRAEFIK_PROVIDER:=docker}"
template="${TRAEFIK_TEMPLATE:-/etc/traefik/traefik.yml}"
rendered="${TRAEFIK_RENDERED:-/tmp/traefik.yml}"
users="${TRAEFIK_DASHBOARD_USERS_FILE:-/run/secrets/traefik_dashboard_users}"

case "$TRAEFIK_PROVIDER" in
  docker | swarm) ;;
  *) echo "traefik entrypoint: TRAEFIK_PROVIDER must be docker or swarm" >&2; exit 64 ;;
esac
for value in "$PUBLIC_HOST" "$ACME_EMAIL" "$ACME_STORAGE"; do
  case "$value" in
    *'|'* | *'"'* | *'\'* ) echo "traefik entrypoint: refusing a setting that contains | \" or \\" >&2; exit 64 ;;
  esac
done
if [ -r "$users" ] && grep -qiE 'change-me|replace-with' "$users"; then
  echo "traefik entrypoint: the dashboard users secret is .env.example's placeholder" >&2
  exit 64
fi

export TRAEFIK_PROVIDER
mkdir -p "$(dirname "$ACME_STORAGE")" "$(dirname "$rendered")"
sed -e "s|\${PUBLIC_HOST}|$PUBLIC_HOST|g" \
    -e "s|\${ACME_EMAIL}|$ACME_EMAIL|g" \
    -e "s|\${ACME_STORAGE}|$ACME_STORAGE|g" \
    -e "s|\${TRAEFIK_PROVIDER}|$TRAEFIK_PROVIDER|g" \
    "$template" > "$rendered"

exec traefik --configFile="$rendered" "$@"
