#!/bin/sh
# Renders /etc/traefik/traefik.yml (a template, see the comment in it) into /tmp/traefik.yml and starts Traefik.
# The substituted values (public host name, ACME contact e-mail, ACME storage path) are not secrets; nothing is echoed.
set -eu

: "${PUBLIC_HOST:?PUBLIC_HOST must be set (the public DNS name served by Traefik)}"
: "${ACME_EMAIL:?ACME_EMAIL must be set (contact address for Let's Encrypt)}"
: "${ACME_STORAGE:=/letsencrypt/acme.json}"

for value in "$PUBLIC_HOST" "$ACME_EMAIL" "$ACME_STORAGE"; do
  case "$value" in
    *'|'* | *'"'* | *'\'* ) echo "traefik entrypoint: refusing a setting that contains | \" or \\" >&2; exit 64 ;;
  esac
done

mkdir -p "$(dirname "$ACME_STORAGE")"
sed -e "s|\${PUBLIC_HOST}|$PUBLIC_HOST|g" \
    -e "s|\${ACME_EMAIL}|$ACME_EMAIL|g" \
    -e "s|\${ACME_STORAGE}|$ACME_STORAGE|g" \
    /etc/traefik/traefik.yml > /tmp/traefik.yml

exec traefik --configFile=/tmp/traefik.yml "$@"
