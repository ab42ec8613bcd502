# A throwaway S3-compatible server on 127.0.0.1 for the tests of the bucket spool, sourced by .ci/run
# (and usable by hand: `bash -c 'source .ci/s3.sh; start_s3; cargo test spool'`): moto's server mode,
# installed from PyPI into a virtual environment of its own. start_s3 exports EASEL_TEST_S3_ENDPOINT
# and adds stopping it to the EXIT trap.

start_s3() {
  command -v python3 >/dev/null 2>&1 || {
    export DEBIAN_FRONTEND=noninteractive
    apt-get update && apt-get install -y --no-install-recommends python3 python3-venv
  }
  s3_dir=$(mktemp -d "${TMPDIR:-/tmp}/easel-ci-s3.XXXXXX")
  python3 -m venv "$s3_dir/venv"
  "$s3_dir/venv/bin/pip" install --quiet --disable-pip-version-check 'moto[server]>=5,<6'
  local previous
  previous=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
  trap "stop_s3${previous:+; $previous}" EXIT

  local port
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      continue
    fi
    "$s3_dir/venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$s3_dir/server.log" 2>&1 &
    s3_pid=$!
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        export EASEL_TEST_S3_ENDPOINT="http://127.0.0.1:$port"
        echo "CI: moto $("$s3_dir/venv/bin/pip" show moto | sed -n 's/^Version: //p') (S3) on 127.0.0.1:$port for the bucket spool's tests"
        return 0
      fi
      sleep 0.1
    done
    kill "$s3_pid" 2>/dev/null || true
  done
  cat "$s3_dir/server.log" >&2
  echo "CI: the S3 server did not start" >&2
  exit 1
}

stop_s3() {
  if [ -n "${s3_pid:-}" ]; then kill "$s3_pid" 2>/dev/null || true; fi
  if [ -n "${s3_dir:-}" ]; then rm -rf "$s3_dir"; fi
}
