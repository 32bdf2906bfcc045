# A signal ignored when ptviz starts stays ignored, in ptviz and in its
# children: under nohup ptviz survives the terminal closing, and a
# background job of a script (SIGINT ignored) does not die of SIGINT.
. tests/e2e/lib.sh

# Background jobs of a non-interactive shell start with SIGINT ignored.
bash -c "'$PTVIZ' --plain -p 2 -t 2 -s 1.5 --seed 9 >'$TMPD/out' 2>&1 & echo \$! >'$TMPD/pid'; wait"&
shell=$!
wait_until test -s "$TMPD/pid" || fail "no pid"
main=$(cat "$TMPD/pid")
all_started() { [ "$(descendants "$main" | wc -l)" -eq 2 ]; }
wait_until all_started || fail "the children did not start"
kill -INT "$main" $(descendants "$main")
wait $shell
grep -q '^Main process done\.$' "$TMPD/out" ||
	fail "SIGINT ended a run that ignored it: $(cat "$TMPD/out")"
[ "$(grep -c '^>thread ' "$TMPD/out")" -eq 4 ] || fail "a thread was lost"

# nohup, and the terminal closes: the run goes on to its end.
command -v tmux >/dev/null || skip "no tmux"
tm_start 80 24 "nohup '$PTVIZ' --plain -p 2 -t 2 -s 2 --seed 9 >'$TMPD/nohup.out' 2>&1"
main=
find_main() { main=$(pgrep -f -n -x "$PTVIZ --plain -p 2 -t 2 -s 2 --seed 9"); [ -n "$main" ]; }
wait_until find_main || fail "ptviz did not start"
wait_until all_started || fail "the children did not start under nohup"
tm kill-server
gone() { ! alive "$main"; }
WAIT_S=10 wait_until gone || fail "ptviz never ended"
grep -q '^Main process done\.$' "$TMPD/nohup.out" ||
	fail "the terminal closing ended a nohup run: $(cat "$TMPD/nohup.out")"
[ "$(grep -c '^>thread ' "$TMPD/nohup.out")" -eq 4 ] || fail "a thread was lost"
[ -z "$(orphans)" ] || fail "left behind: $(orphans)"
exit 0
