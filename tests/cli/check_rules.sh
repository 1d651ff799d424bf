# tkg check-rules runs every example of the time rules: exit 0 when all pass,
# exit 1 naming the file, line and rule of each one that fails.
source "$(dirname "$0")/lib.sh"

expect_status 0 "$TKG" check-rules
expect_in "$WORK/out" "examples: all pass"
expect_in "$WORK/out" "time/rules.txt"

# A wrong expected value in a copy of the data.
cp -r "$SRC/extract/data" "$WORK/data"
rules="$WORK/data/en/time/rules.txt"
grep -q '| November 29, 2022 | 2022-11-29$' "$rules" || fail "fixture example missing"
sed -i 's/| November 29, 2022 | 2022-11-29$/| November 29, 2022 | 2022-11-30/' "$rules"
expect_status 1 "$TKG" check-rules --data "$WORK/data"
expect_in "$WORK/err" "rules.txt:"
expect_in "$WORK/err" "rule time.date.month_day_year: 'November 29, 2022' expected DATE 2022-11-30, got DATE 2022-11-29"
expect_in "$WORK/err" "1 of "
expect_not_in "$WORK/out" "all pass"

# A malformed rule: the file does not load.
printf 'rule broken\nmatch {month:MONTHS}\nvalue year(month)\nexample - | x | x | x\n' >> "$rules"
expect_status 1 "$TKG" check-rules --data "$WORK/data"
expect_in "$WORK/err" "unknown token class 'MONTHS'"
echo "ok"
