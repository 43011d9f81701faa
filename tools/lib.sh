# Shared by tools/kiosk.sh and tools/test.sh (POSIX sh; sourced, not run).
# lk_setup KIND SPEC: cd to the repository root, create .venv if missing and
# install SPEC (e.g. "." or ".[test]") with the lock as constraints, unless nothing
# changed since the last install of that KIND.

lk_say() {
    printf '%s\n' "$*" >&2
}

lk_find_python() {
    for candidate in "${PYTHON:-}" python3 python3.13 python3.12 python3.11 python3.10; do
        [ -n "$candidate" ] || continue
        command -v "$candidate" >/dev/null 2>&1 || continue
        if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
}

lk_create_venv() {
    if [ -x .venv/bin/python ]; then
        return 0
    fi
    if ! python=$(lk_find_python); then
        lk_say "Cần Python 3.10 trở lên / Python 3.10 or newer is needed. Cài bằng lệnh / Install it with:"
        lk_say "    sudo apt-get install -y python3 python3-venv"
        exit 1
    fi
    lk_say "==> $python -m venv .venv"
    if ! "$python" -m venv .venv; then
        rm -rf .venv
        lk_say "Không tạo được môi trường ảo (thiếu ensurepip) / Could not create the virtual environment (ensurepip is missing)."
        lk_say "Cài bằng lệnh / Install it with:"
        lk_say "    sudo apt-get install -y python3-venv"
        exit 1
    fi
}

lk_setup() {
    kind=$1
    spec=$2
    cd "$(dirname "$0")/.."
    lk_create_venv
    stamp=".venv/.lk-install-stamp-$kind"
    if [ -f "$stamp" ] && [ "$stamp" -nt pyproject.toml ] && [ "$stamp" -nt requirements-lock.txt ]; then
        return 0
    fi
    lk_say "==> .venv/bin/pip install -c requirements-lock.txt -e \"$spec\""
    .venv/bin/pip install --disable-pip-version-check -c requirements-lock.txt -e "$spec"
    touch "$stamp"
}
