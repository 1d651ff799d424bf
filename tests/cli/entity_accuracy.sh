# Accuracy floors of the named mentions (entities stage: lists + mention tagger) on GUM dev,
# scored by ../shared/eval/entity_eval.py. Skipped (exit 77) when ../shared is absent. The
# floors are the figures of docs/models.md ("Mention tagger"), rounded down: a drop below them
# is a regression.
source "$(dirname "$0")/lib.sh"

eval_dir="$SRC/../shared/eval"
if [ ! -f "$eval_dir/entity_eval.py" ] || [ ! -d "$SRC/../shared/data/treebanks/ud-gum" ]; then
  echo "skipped: no ../shared/eval/entity_eval.py"
  exit 77
fi

(cd "$eval_dir" && python3 entity_eval.py --system "$TKG extract" --json) > "$WORK/gum.txt"
python3 - "$WORK/gum.txt" <<'PY'
import json, sys
r = json.loads([l for l in open(sys.argv[1]) if l.startswith("{")][-1])
n = r["named"]
assert r["gold"]["named_mentions"] == 451, r["gold"]
floors = [
    ("exact span F1", n["exact"]["f1"], 0.76),
    ("relaxed span F1", n["relaxed"]["f1"], 0.845),
    ("relaxed span + type F1", n["relaxed_typed"]["f1"], 0.77),
    ("type accuracy (relaxed pairs)", n["type_accuracy"]["relaxed"]["accuracy"], 0.90),  # target
]
for name, got, floor in floors:
    print(f"{name}: {got:.4f} (floor {floor})")
bad = [f"{name} {got:.4f} < {floor}" for name, got, floor in floors if got < floor]
if bad:
    sys.exit("FAIL: " + "; ".join(bad))
PY
echo "ok"
