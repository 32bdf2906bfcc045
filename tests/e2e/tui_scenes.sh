# The ready scenes: each key 1-9 loads its scene -- its counts, workload,
# sleep and seed in the header and its caption of two lines below -- and a
# key that changes the counts leaves the scene, caption and all.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

n=$("$PTVIZ" --scenes | grep -cE '^[0-9]+  ')
[ "$n" -eq 14 ] || fail "--scenes lists $n scenes, not 14"
tui_start 120 40 --scene 1
tm_wait_for '^ptviz — 5 processes × 3 threads — sleep ≤ 3 s — seed 183'
tm_wait_for '^Scene 1 ▸ Five processes of three threads'
tm_wait_for '^ +Ask: which process finishes first'
for k in 2 3 4 5 6 7 8 9; do
	line=$("$PTVIZ" --scenes | grep -A1 "^$k  " | tail -n 1)
	set -- $(echo "$line" | sed 's/.*: -p \([0-9]*\) -t \([0-9]*\) -s \([0-9.]*\) --seed \([0-9]*\) -w \([a-z-]*\).*/\1 \2 \3 \4 \5/')
	p=$1 t=$2 s=$3 seed=$4 w=$5
	[ "$w" = semaphore ] && w="semaphore of 2"
	tm send-keys -t t "$k"
	tm_wait_for "^ptviz — $p processes × $t threads — $w ≤ $s s — seed $seed"
	tm_wait_for "^Scene $k ▸ "
	tm_wait_for '^ +Ask: '
done
# Key 0, the tenth: zombies, reaping held from the start.
tm send-keys -t t 0
tm_wait_for '^ptviz — 4 processes × 2 threads — sleep ≤ 2 s — seed 9'
tm_wait_for '^Scene 10 ▸ Reaping is held'
tm_wait_for 'reaping held: ended children stay zombies'
WAIT_S=10 tm_wait_for '^  Process-[0-9] +[0-9]+ zombie'
tm send-keys -t t z
WAIT_S=10 tm_wait_for '^elapsed .* finished'
tm send-keys -t t 9
tm_wait_for '^Scene 9 ▸ '
# The deadlock scene is on: a key that changes the counts leaves it.
tm send-keys -t t '+'
tm_wait_for '^ptviz — 3 processes × 3 threads — deadlock'
tm_screen | grep -q '^Scene ' && fail "the caption stayed after the counts changed"
family=$(tui_family)
tm send-keys -t t q
tm_wait_for '^\[exit [01]\]$'
WAIT_S=5 wait_until tui_all_gone $family || fail "left behind: $family"

# A scene whose sleeps lie far apart prints the same lines every run.
a=$("$PTVIZ" --scene 1 --plain 2>/dev/null) || fail "--scene 1 --plain failed"
b=$("$PTVIZ" --scene 1 --plain 2>/dev/null) || fail "--scene 1 --plain failed"
[ "$a" = "$b" ] || fail "scene 1 printed other lines the second time"
[ "$(echo "$a" | wc -l)" -eq 21 ] || fail "scene 1: $(echo "$a" | wc -l) lines"
# A scene fixes the run: no counts beside it, and only scenes that exist.
for bad in "--scene 0" "--scene 15" "--scene x" "--scene 1 -p 3" \
    "--scene 2 --seed 4" "--scene 3 -w cpu"; do
	"$PTVIZ" $bad --plain >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	[ $rc -eq 2 ] && [ ! -s "$TMPD/out" ] && [ "$(wc -l <"$TMPD/err")" -eq 1 ] ||
		fail "$bad: exit $rc: $(cat "$TMPD/err")"
done
exit 0
