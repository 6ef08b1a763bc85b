#!/usr/bin/env bash
# Times Praxis and Brian2 2.9 (C++ standalone, 1 thread) on the same COBA/CUBA network,
# interleaving runs so both see the same machine load. Brian2 lives in a scratch venv and is
# never a dependency of the package. Usage: Benchmarks/compare-brian2.sh [coba|cuba] [N] [runs]
set -euo pipefail
kind=${1:-coba}; n=${2:-4000}; runs=${3:-7}
here=$(cd "$(dirname "$0")" && pwd); root=$(dirname "$here")
venv=${BRIAN_VENV:-/tmp/brian2-venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "numpy<2.4" "brian2==2.9.0"
fi
out=$(mktemp -d)
"$venv/bin/python" "$here/brian2_reference.py" "$kind" "$n" "$out/brian" >/dev/null
(cd "$root" && swift build -c release --product praxis >/dev/null)
praxis=("$root/.build/release/praxis" bench "$kind" --neurons "$n" --json)
for i in $(seq "$runs"); do
  (cd "$out/brian" && ./main >/dev/null && cut -d' ' -f1 results/last_run_info.txt) >> "$out/brian.txt"
  "${praxis[@]}" | tail -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["wall_s"])' >> "$out/praxis.txt"
done
python3 - "$out" "$kind" "$n" <<'PY'
import statistics, sys
out, kind, n = sys.argv[1:]
b = [float(x) for x in open(f"{out}/brian.txt")]; p = [float(x) for x in open(f"{out}/praxis.txt")]
mb, mp = statistics.median(b), statistics.median(p)
print(f"{kind} N={n}: Praxis median {mp:.4f} s, Brian2 cpp_standalone median {mb:.4f} s, "
      f"ratio Praxis/Brian2 {mp/mb:.2f} ({len(p)} interleaved runs each)")
PY
