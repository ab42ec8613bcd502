#!/usr/bin/env bash
# Sets up a real ComfyUI on CPU (no model weights) for Easel's opt-in real-ComfyUI tests
# (README: "Testing against a real ComfyUI"). Needs the ComfyUI source (step 1), PyPI, ~6 GB of disk.
# Every path is a variable; by default everything goes beside this repository.
set -euo pipefail
EASEL=${EASEL:-$(cd "$(dirname "$0")/../.." && pwd)}
COMFY=${COMFY:-$EASEL/../comfyui}
VENV=${VENV:-$EASEL/../comfyui-venv}
PORT=${PORT:-8188}
LOG=${LOG:-$EASEL/../comfyui.log}
PIDFILE=${PIDFILE:-$EASEL/../comfyui.pid}

# 1. Source: `git clone https://github.com/Comfy-Org/ComfyUI "$COMFY"` (tested with 0.3.64), or set
#    GIT_DIR to a bare snapshot of it, whose blobs are copied one by one (a snapshot may lack a blob
#    that `git archive` would stop on; such files are named and skipped).
if [ ! -f "$COMFY/main.py" ]; then
  : "${GIT_DIR:?clone ComfyUI into \$COMFY, or set GIT_DIR to a bare snapshot of it}"
  mkdir -p "$COMFY"
  git --git-dir="$GIT_DIR" ls-tree -r -z HEAD | while IFS= read -r -d '' line; do
    meta=${line%%$'\t'*}; path=${line#*$'\t'}; set -- $meta
    [ "$2" = blob ] || continue
    mkdir -p "$COMFY/$(dirname "$path")"
    if [ "$1" = 120000 ]; then ln -sfn "$(git --git-dir="$GIT_DIR" cat-file blob "$3")" "$COMFY/$path"
    elif git --git-dir="$GIT_DIR" cat-file blob "$3" > "$COMFY/$path" 2>/dev/null; then [ "$1" = 100755 ] && chmod +x "$COMFY/$path" || true
    else rm -f "$COMFY/$path"; echo "missing from the snapshot: $path"; fi
  done
fi

# 2. Python. download.pytorch.org (the CPU-only wheels) is not reachable here: the PyPI torch wheel
#    brings its CUDA libraries (~4.5 GB installed) but runs fine with --cpu. Pin torchaudio, or pip
#    picks a newer one that does not match torch 2.8.0.
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q torch==2.8.0 torchvision==0.23.0 torchaudio==2.8.0
"$VENV/bin/pip" install -q -r "$COMFY/requirements.txt" 'transformers<5' websocket-client

# 3. Easel's weight-free test nodes (a copy, not a link).
cp "$EASEL/tests/comfyui/easel_test_nodes.py" "$COMFY/custom_nodes/"

# 4. Start, detached, and wait until it answers.
cd "$COMFY"
setsid nohup "$VENV/bin/python" main.py --cpu --listen 127.0.0.1 --port "$PORT" --preview-method auto \
  > "$LOG" 2>&1 < /dev/null &
echo $! > "$PIDFILE"
for _ in $(seq 90); do curl -sf "http://127.0.0.1:$PORT/system_stats" > /dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/object_info/EaselProgressImage" > /dev/null && echo "ComfyUI up on :$PORT (pid $(cat "$PIDFILE"))"
