# Shared by tools/kiosk.sh and tools/test.sh (POSIX sh; sourced, not run).
# lk_setup KIND SPEC [FOLDER...]: cd to the repository root, create .venv if missing and
# install SPEC (e.g. "." or ".[test]") and each FOLDER (a package with its own
# pyproject.toml), all editable, with the lock as constraints, unless nothing changed
# since the last install of that KIND.

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
    shift 2
    cd "$(dirname "$0")/.."
    lk_create_venv
    stamp=".venv/.lk-install-stamp-$kind"
    fresh=yes
    for input in pyproject.toml requirements-lock.txt; do
        [ -f "$stamp" ] && [ "$stamp" -nt "$input" ] || fresh=no
    done
    extra=""
    for folder in "$@"; do
        [ -f "$stamp" ] && [ "$stamp" -nt "$folder/pyproject.toml" ] || fresh=no
        extra="$extra -e $folder"
    done
    if [ "$fresh" = yes ]; then
        return 0
    fi
    lk_say "==> .venv/bin/pip install -c requirements-lock.txt -e \"$spec\"$extra"
    # shellcheck disable=SC2086 # $extra holds "-e FOLDER" pairs (repository folders, no spaces)
    .venv/bin/pip install --disable-pip-version-check -c requirements-lock.txt -e "$spec" $extra
    touch "$stamp"
}
