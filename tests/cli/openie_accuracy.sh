# Accuracy floors of the facts stage on the parse (open IE) on the shared
# development data: CaRB dev scored by ../shared/eval/carb_eval.py (PTB
# tokens as given, and detokenised text), BenchIE's dev half scored by
# tools/benchie_eval.py. Skipped (exit 77) when ../shared is absent. The
# floors are the figures of the README rounded down, less about 0.01 of room
# for parser retraining: a drop below them is a regression.
source "$(dirname "$0")/lib.sh"

eval_dir="$SRC/../shared/eval"
if [ ! -f "$eval_dir/carb_eval.py" ] || [ ! -d "$SRC/../shared/data/claims/benchie" ]; then
  echo "skipped: no ../shared/eval/carb_eval.py or BenchIE data"
  exit 77
fi

(cd "$eval_dir" && python3 carb_eval.py --system "$TKG extract" --json) > "$WORK/carb.txt"
(cd "$eval_dir" && python3 carb_eval.py --system "$TKG extract" --detok --json) \
  > "$WORK/carb_detok.txt"
python3 "$SRC/tools/benchie_eval.py" --system "$TKG extract" --json > "$WORK/benchie.txt"
python3 - "$WORK/carb.txt" "$WORK/carb_detok.txt" "$WORK/benchie.txt" <<'PY'
import json, sys
def last_json(path):
    return json.loads([l for l in open(path) if l.startswith("{")][-1])
carb, detok, benchie = (last_json(p) for p in sys.argv[1:4])
floors = [
    ("CaRB dev F1", carb["f1"], 0.52),
    ("CaRB dev AUC", carb["auc"], 0.34),
    ("CaRB dev --detok F1", detok["f1"], 0.52),
    ("CaRB dev --detok AUC", detok["auc"], 0.33),
    ("BenchIE dev half F1", benchie["f1"], 0.40),
]
bad = [f"{name} {got:.4f} < {floor}" for name, got, floor in floors if got < floor]
for name, got, floor in floors:
    print(f"{name}: {got:.4f} (floor {floor})")
if bad:
    sys.exit("FAIL: " + "; ".join(bad))
PY
echo "ok"
