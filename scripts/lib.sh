# Shared by scripts/backup.sh and scripts/restore.sh.

# libpq's variables from Hearth's: the owner role, because it owns every schema. PG* variables already set win.
connection_from_env() {
	local url=${HEARTH_DB_URL:-}
	[ -n "$url" ] || [ -n "${PGDATABASE:-}" ] || die "set HEARTH_DB_URL (or PGHOST, PGPORT, PGDATABASE)"
	if [ -n "$url" ]; then
		local pattern='^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+)'
		[[ $url =~ $pattern ]] || die "cannot read HEARTH_DB_URL $url; set PGHOST, PGPORT and PGDATABASE instead"
		export PGHOST=${PGHOST:-${BASH_REMATCH[1]}}
		export PGPORT=${PGPORT:-${BASH_REMATCH[3]:-5432}}
		export PGDATABASE=${PGDATABASE:-${BASH_REMATCH[4]}}
	fi
	local user=${HEARTH_DB_OWNER_USER:-${HEARTH_DB_USER:-}}
	local password=${HEARTH_DB_PASSWORD:-}
	[ -z "${HEARTH_DB_OWNER_USER:-}" ] || password=${HEARTH_DB_OWNER_PASSWORD:-}
	[ -z "$user" ] || export PGUSER=${PGUSER:-$user}
	[ -z "$password" ] || export PGPASSWORD=${PGPASSWORD:-$password}
}
