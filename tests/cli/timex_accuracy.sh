# Accuracy floors of the time stage on the shared development data (TBAQ and
# MEANTIME apple, scored by ../shared/eval/timex_eval.py). Skipped (exit 77)
# when ../shared is absent. The floors are the figures of the README, rounded
# down: a drop below them is a regression.
source "$(dirname "$0")/lib.sh"

eval_dir="$SRC/../shared/eval"
if [ ! -f "$eval_dir/timex_eval.py" ] || [ ! -d "$SRC/../shared/data/timex" ]; then
  echo "skipped: no ../shared/eval/timex_eval.py"
  exit 77
fi

(cd "$eval_dir" && python3 timex_eval.py --system "$TKG extract" --json) > "$WORK/tbaq.txt"
"$SRC/scripts/meantime-scope.py" --system "$TKG extract" --eval "$eval_dir" --json > "$WORK/meantime.txt"
python3 - "$WORK/tbaq.txt" "$WORK/meantime.txt" <<'PY'
import json, sys
def last_json(path):
    return json.loads([l for l in open(path) if l.startswith("{")][-1])
tbaq, mt = last_json(sys.argv[1]), last_json(sys.argv[2])
floors = [
    ("TBAQ strict F1", tbaq["strict_f1"], 0.88),
    ("TBAQ relaxed F1", tbaq["relaxed_f1"], 0.94),
    ("TBAQ type accuracy", tbaq["type_accuracy"], 0.95),
    ("TBAQ value F1", tbaq["value_f1"], 0.815),
    ("MEANTIME (annotated sentences) value F1", mt["value_f1"], 0.82),
]
bad = [f"{name} {got:.4f} < {floor}" for name, got, floor in floors if got < floor]
for name, got, floor in floors:
    print(f"{name}: {got:.4f} (floor {floor})")
if bad:
    sys.exit("FAIL: " + "; ".join(bad))
PY
echo "ok"
