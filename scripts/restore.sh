#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a fresh, empty database and data directory, as named by the
# same HEARTH_* variables Hearth will start with. The database and its two roles are created first, as for a new
# installation (docs/operations.md); the roles must have the names they had, because the dump grants to them.
#
#   scripts/restore.sh BACKUP_DIR [KEY_FILE]
#
# KEY_FILE is the signing key's copy (KEY_DIR/log-signing.key from the backup); without it the key must already be
# at HEARTH_TRANSPARENCY_KEY. Refuses to write into a database or document directory that holds anything.
set -euo pipefail
umask 077

die() { echo "restore: $*" >&2; exit 1; }
[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: $0 BACKUP_DIR [KEY_FILE]"
backup=$1
key_copy=${2:-}

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/lib.sh
. "$here/lib.sh"
connection_from_env

data_dir=${HEARTH_DATA_DIR:-./data}
key=${HEARTH_TRANSPARENCY_KEY:-$data_dir/transparency/log-signing.key}

(cd "$backup" && sha256sum --quiet -c SHA256SUMS) || die "$backup does not match its SHA256SUMS"
if [ -n "$key_copy" ]; then
	(cd "$(dirname "$key_copy")" && sha256sum --quiet -c "$(basename "$key_copy").sha256") \
		|| die "$key_copy does not match its checksum"
fi

schemas=$(psql --no-password -XAtqc "SELECT count(*) FROM pg_namespace
	WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\_%'")
[ "$schemas" = 0 ] || die "database $PGDATABASE is not empty ($schemas schemas); restore into a new one"

if [ -f "$backup/documents.tar" ]; then
	if [ -d "$data_dir/documents" ] && [ -n "$(ls -A "$data_dir/documents")" ]; then
		die "$data_dir/documents is not empty"
	fi
fi
if [ -e "$key" ] && [ -n "$key_copy" ] && ! cmp -s "$key" "$key_copy"; then
	die "a different signing key is already at $key"
fi

# One transaction: a failure leaves the database empty, not half restored.
pg_restore --no-password --exit-on-error --single-transaction --dbname="$PGDATABASE" "$backup/database.dump"

if [ -f "$backup/documents.tar" ]; then
	mkdir -p "$data_dir"
	tar -C "$data_dir" -xf "$backup/documents.tar"
fi
if [ -n "$key_copy" ] && [ ! -e "$key" ]; then
	mkdir -p "$(dirname "$key")"
	cp -p "$key_copy" "$key"
	chmod 600 "$key"
fi
echo "restore: $PGDATABASE restored from $backup ($(grep '^started=' "$backup/backup.properties" | cut -d= -f2));" \
	"start Hearth and run its verifier (docs/operations.md)"
