# A throwaway PostgreSQL on 127.0.0.1 for the Postgres store's tests, sourced by .ci/run (and usable by
# hand: `bash -c 'source .ci/postgres.sh; start_postgres; cargo test stores'`). start_postgres exports
# EASEL_TEST_DATABASE_URL and sets an EXIT trap that stops the server and removes its directory.

# The directory holding initdb, pg_ctl and postgres: PATH first, then Debian's newest version.
postgres_bin() {
  local initdb
  if initdb=$(command -v initdb 2>/dev/null); then
    dirname "$(readlink -f "$initdb")"
    return 0
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# A throwaway CA and a certificate for `localhost` signed by it, in $1 (the server's TLS, for the tests
# of Easel's TLS connections: EASEL_TEST_DATABASE_CA).
make_tls() {
  local dir=$1
  command -v openssl >/dev/null 2>&1 || {
    export DEBIAN_FRONTEND=noninteractive
    apt-get update && apt-get install -y --no-install-recommends openssl
  }
  mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$dir/ca.key" -out "$dir/ca.pem" -days 2 \
    -subj "/CN=Easel CI CA" >/dev/null 2>&1
  openssl req -newkey rsa:2048 -nodes -keyout "$dir/server.key" -out "$dir/server.csr" \
    -subj "/CN=localhost" >/dev/null 2>&1
  printf 'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$dir/ext.cnf"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
    -out "$dir/server.pem" -days 2 -extfile "$dir/ext.cnf" >/dev/null 2>&1
  chmod 600 "$dir/server.key"
}

# Starts a throwaway server (TLS on, beside plain connections) and exports EASEL_TEST_DATABASE_URL and
# EASEL_TEST_DATABASE_CA; the EXIT trap stops it.
start_postgres() {
  local bin
  if ! bin=$(postgres_bin); then
    echo "CI: installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    # Only the binaries: postgresql-common first, told not to make a cluster of its own (which would try
    # to start a service), then the server (as the official Postgres images do).
    apt-get install -y --no-install-recommends postgresql-common
    sed -ri 's/^#?[[:space:]]*(create_main_cluster)[[:space:]]*=.*$/\1 = false/' /etc/postgresql-common/createcluster.conf
    apt-get install -y --no-install-recommends postgresql
    bin=$(postgres_bin) || { echo "CI: PostgreSQL installed, but no initdb found" >&2; exit 1; }
  fi

  # initdb and postgres refuse to run as root: as root, run them as an unprivileged user.
  as_pg=()
  pg_bin=$bin
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/easel-ci-pg.XXXXXX")
  trap stop_postgres EXIT
  chmod 755 "$pg_dir"
  if [ "$(id -u)" = 0 ]; then
    local user=postgres
    if ! id -u "$user" >/dev/null 2>&1; then
      user=easel-ci-pg
      id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    fi
    chown "$user" "$pg_dir"
    if command -v runuser >/dev/null 2>&1; then
      as_pg=(runuser -u "$user" --)
    else
      as_pg=(setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups --)
    fi
  fi
  make_tls "$pg_dir/tls"
  if [ "$(id -u)" = 0 ]; then chown -R "$user" "$pg_dir/tls"; fi
  "${as_pg[@]}" "$bin/initdb" -D "$pg_dir/data" -U easel --auth=trust -E UTF8 --locale=C >"$pg_dir/initdb.log" 2>&1 ||
    { cat "$pg_dir/initdb.log" >&2; exit 1; }

  # A free port: try random ones until the server starts on one.
  local port started=""
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      continue
    fi
    # Durability is worthless for a throwaway server: fsync off makes the suite faster.
    if "${as_pg[@]}" "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c ssl=on -c ssl_cert_file=$pg_dir/tls/server.pem -c ssl_key_file=$pg_dir/tls/server.key" \
      start >/dev/null; then
      started=yes
      break
    fi
  done
  if [ -z "$started" ]; then
    echo "CI: PostgreSQL did not start:" >&2
    cat "$pg_dir/server.log" >&2 || true
    exit 1
  fi
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U easel easel_test
  export EASEL_TEST_DATABASE_URL="postgres://easel@127.0.0.1:$port/easel_test"
  export EASEL_TEST_DATABASE_CA="$pg_dir/tls/ca.pem"
  echo "CI: $("$bin/postgres" --version) on 127.0.0.1:$port for the Postgres store's tests"
}

stop_postgres() {
  [ -f "$pg_dir/data/postmaster.pid" ] && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}

