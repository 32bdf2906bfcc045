# A scene sets its own hold on reaping: scene 10 (zombies) holds it, and
# the scene loaded after it lets it go, so that scene finishes as it would
# on its own -- a hold left over would keep its children zombies and the
# run from ever ending.  Loading scene 10 again holds it again.
. tests/e2e/lib.sh
. tests/e2e/tui.bash

tui_start 120 40 --scene 10
tm_wait_for 'reaping held: ended children stay zombies'
tm_wait_for 'Process-1 +[0-9]+ zombie'
tm send-keys -t t 1
tm_wait_for 'scene 1: the classic'
WAIT_S=20 tm_wait_for '^elapsed .* finished'
tm_screen | grep -q 'reaping held' && fail "scene 1 still holds reaping"
tm_screen | grep -qE 'Process-[0-9] +[0-9]+ zombie' && fail "scene 1 left zombies"
tm send-keys -t t 0
tm_wait_for 'scene 10: zombies'
tm_wait_for 'reaping held: ended children stay zombies'
family=$(tui_family)
tm send-keys -t t q
tm_wait_for '^\[exit 0\]$'
WAIT_S=3 wait_until tui_all_gone $family || fail "processes left behind"
exit 0
