#!/usr/bin/env bash
# Backs up a Hearth installation: the database (pg_dump, one consistent snapshot), then the document store, then —
# to a separate place — the transparency log's signing key. Reads the same HEARTH_* variables as Hearth itself.
#
#   scripts/backup.sh BACKUP_DIR [KEY_DIR]
#
# BACKUP_DIR (created, must not exist) receives database.dump, documents.tar, backup.properties and SHA256SUMS.
# KEY_DIR, if given, receives a copy of the signing key; keep it apart from BACKUP_DIR (docs/operations.md).
# The database is dumped before the documents: documents are written before the rows that name them, so every
# document the dump refers to is in the archive. pg_dump must be of the server's major version or newer.
set -euo pipefail
umask 077

die() { echo "backup: $*" >&2; exit 1; }
[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: $0 BACKUP_DIR [KEY_DIR]"
out=$1
key_dir=${2:-}
[ ! -e "$out" ] || die "$out exists; choose a new directory for each backup"

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/lib.sh
. "$here/lib.sh"
connection_from_env

data_dir=${HEARTH_DATA_DIR:-./data}
store=${HEARTH_DOCUMENT_STORE:-filesystem}
key=${HEARTH_TRANSPARENCY_KEY:-$data_dir/transparency/log-signing.key}

mkdir -p "$out"
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
pg_dump --format=custom --no-password --file="$out/database.dump"
server=$(psql --no-password -XAtqc 'SHOW server_version')

case "$store" in
filesystem)
	[ -d "$data_dir/documents" ] || mkdir -p "$data_dir/documents"
	tar -C "$data_dir" -cf "$out/documents.tar" documents
	documents=$(tar -tf "$out/documents.tar" | grep -cv '/$' || true)
	;;
s3)
	# The bucket is backed up by the object store (versioning, replication); names never change, so any copy
	# taken after this dump holds every document it refers to.
	documents="in the S3 bucket ${HEARTH_S3_BUCKET:-?}"
	;;
*) die "unknown HEARTH_DOCUMENT_STORE: $store" ;;
esac

cat >"$out/backup.properties" <<PROPERTIES
started=$started
finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)
database=$PGDATABASE
server_version=$server
pg_dump_version=$(pg_dump --version)
document_store=$store
documents=$documents
PROPERTIES
(cd "$out" && sha256sum -- * >SHA256SUMS)

if [ -n "$key_dir" ]; then
	[ -r "$key" ] || die "no signing key at $key (HEARTH_TRANSPARENCY_KEY)"
	mkdir -p "$key_dir"
	cp -p "$key" "$key_dir/log-signing.key"
	(cd "$key_dir" && sha256sum log-signing.key >log-signing.key.sha256)
	echo "backup: signing key copied to $key_dir; store it apart from $out"
else
	echo "backup: signing key not copied; it must be backed up separately ($key)"
fi
echo "backup: $out holds the database ($(du -h "$out/database.dump" | cut -f1)) and $documents documents"
