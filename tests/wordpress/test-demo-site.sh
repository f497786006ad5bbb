#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tools/demo-site, which `tools/run --demo-site` runs around the app, run
# here around commands that look at what the app would find: the testbed
# is the default site, its password is in the keyring (the session's, or a
# private one when there is none) and nowhere in the demo's files, the seed
# draft publishes for real, and WordPress is stopped when the command ends,
# on Ctrl+C and on kill. Starts WordPress itself (several times): needs
# root, like tests/wordpress/testbed.
#
# Needs BYLINE_CLI and BYLINE_SOURCE_ROOT (the test environment sets them).
# Output is TAP.

set -uo pipefail

readonly NAME=test-demo-site
N=0
FAILED=0

bail() {
	echo "Bail out! $*"
	exit 1
}

# ok STATUS DESCRIPTION [DIAGNOSTIC...]
ok() {
	local status=$1 description=$2 line
	shift 2
	N=$((N + 1))
	if [[ $status == 0 ]]; then
		echo "ok $N - $description"
	else
		echo "not ok $N - $description"
		FAILED=$((FAILED + 1))
		for line in "$@"; do
			[[ -n $line ]] && printf '#   %s\n' "${line//$'\n'/$'\n#   '}"
		done
	fi
	return 0
}

check() {
	local description=$1
	shift
	if "$@"; then ok 0 "$description"; else ok 1 "$description" "failed: $*"; fi
}

[[ -n ${BYLINE_CLI:-} && -n ${BYLINE_SOURCE_ROOT:-} ]] || bail "BYLINE_CLI and BYLINE_SOURCE_ROOT must be set"
readonly DEMO=$BYLINE_SOURCE_ROOT/tools/demo-site
readonly KEYRING_RUN=$BYLINE_SOURCE_ROOT/tests/keyring-run

TMP=$(mktemp -d "${TMPDIR:-/tmp}/byline-demo-test.XXXXXX")
# The testbed's mariadbd runs as nobody and must reach DIR/wordpress: it
# can in $TMP/demo. $TMP/private/demo is out of its reach, as in a
# checkout under /root: there the demo puts WordPress under /tmp.
chmod 711 "$TMP"
mkdir -m 700 "$TMP/private"
readonly TMP OUT=$TMP/out

cleanup() {
	local d wp
	for d in "$TMP/demo" "$TMP/private/demo"; do
		wp=$(realpath -m -- "$d/wordpress")
		"$BYLINE_SOURCE_ROOT/tests/wordpress/testbed" stop "$wp" >/dev/null 2>&1
		[[ $wp == "$d/wordpress" ]] || rm -rf "$wp"
	done
	rm -rf "$TMP"
}
trap cleanup EXIT

# The demo folder of the cases running; the look command reads it too.
DIR=$TMP/demo

# True if PID runs (a zombie waiting for a slow init does not).
alive() {
	local stat
	{ read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
	stat=${stat##*) }
	[[ ${stat%% *} != Z ]]
}

# The command the demo runs instead of the app: it records what the app
# would see, and the testbed's processes, into $OUT. With "publish", it
# publishes the seed draft as the app's Publish button does.
cat >"$TMP/look" <<'SH'
#!/bin/sh
out=$1
mkdir -p "$out"
cat "$DEMO_DIR"/wordpress/run/*.pid >"$out/pids"
echo $$ >>"$out/pids"
echo "$BYLINE_DEMO_SITE_ID" >"$out/site-id"
echo "$BYLINE_DEMO_DRAFT_ID" >"$out/draft-id"
echo "${DBUS_SESSION_BUS_ADDRESS:-}" >"$out/bus"
env >"$out/environ"
"$BYLINE_CLI" site list --json >"$out/sites.json" 2>"$out/sites.err"
if [ "${2:-}" = publish ]; then
	"$BYLINE_CLI" publish "$BYLINE_DEMO_DRAFT_ID" >"$out/link" 2>"$out/publish.err"
	curl -q --noproxy '*' --silent --max-time 10 "$(cat "$out/link")" >"$out/post.html"
fi
gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \
	--method org.freedesktop.Secret.Service.SearchItems \
	"{'xdg:schema': 'io.github.bylinedesk.Byline.Site'}" >"$out/secrets" 2>&1
touch "$out/ready"
[ "${2:-}" = wait ] && exec sleep 300
exit "${3:-0}"
SH
chmod +x "$TMP/look"
export DEMO_DIR=$DIR BYLINE_CLI

# Every testbed process recorded by look is gone, and so is its config in
# /etc/wordpress.
testbed_gone() {
	local out=$1 pid
	while read -r pid; do
		alive "$pid" && return 1
	done <"$out/pids"
	! grep -qsF "'$(realpath -- "$DIR/wordpress")/wordpress-config.php'" /etc/wordpress/config-byline-*.php
}

port_closed() {
	! curl -q --noproxy '*' --silent --max-time 5 --output /dev/null "$1"
}

# The password of the demo's author, from the testbed's own env file.
author_password() {
	(
		# shellcheck source=/dev/null
		. "$DIR/wordpress/env"
		printf '%s' "$BYLINE_WP_AUTHOR_APP_PASSWORD"
	)
}

wp_url() {
	(
		# shellcheck source=/dev/null
		. "$DIR/wordpress/env"
		printf '%s' "$BYLINE_WP_URL"
	)
}

# --- 1. No session bus: a private bus and keyring; publish for real. ---
out=$OUT/private
env -u DBUS_SESSION_BUS_ADDRESS "$DEMO" --cli "$BYLINE_CLI" "$DIR" "$TMP/look" "$out" publish \
	>"$TMP/private.log" 2>&1
status=$?
[[ -f $out/ready ]] || bail "the demo never ran its command: $(tail -n 20 "$TMP/private.log")"
url=$(wp_url)
password=$(author_password)
ok "$status" "the demo ends with its command's status" "$(tail -n 5 "$TMP/private.log")"
check "the command ran on a private bus" test -s "$out/bus"
python3 - "$out/sites.json" "$(cat "$out/site-id")" "$url" <<'PY'
import json, sys
sites = json.load(open(sys.argv[1]))
assert len(sites) == 1, sites
assert sites[0]["id"] == sys.argv[2], sites
assert sites[0]["url"] == sys.argv[3], sites
assert sites[0]["is_default"] is True, sites
assert sites[0]["user"] == "nguyenthu", sites
PY
ok $? "the testbed is the only site, the default one, as the author" "$(cat "$out/sites.json" "$out/sites.err")"
check "its password is in the private keyring" grep -q "/org/freedesktop/secrets/collection/" "$out/secrets"
link=$(cat "$out/link" 2>/dev/null)
[[ $link == "$url"* ]]
ok $? "the seed draft publishes to the testbed" "link: $link" "$(cat "$out/publish.err")"
check "the post is on the site" grep -q "Kiểm tra Chương trình hành động" "$out/post.html"
check "WordPress is stopped after the command" testbed_gone "$out"
check "its port is closed" port_closed "$url"
check "the private keyring's files are gone" test ! -e "$DIR/keyring"
[[ -n $(find "$DIR/profile/config" -name sites.json -size +0) ]]
ok $? "the demo's sites are in DIR/profile"
! grep -rqF -- "$password" "$DIR/profile"
ok $? "the password is in no file of the profile"
! grep -qF -- "$password" "$out/environ"
ok $? "the password is not in the command's environment"

# --- 2. A session bus with a keyring: used, and the site forgotten after. ---
# Reuses DIR: a previous demo's folder is replaced.
out=$OUT/session
cat >"$TMP/in-session" <<'SH'
#!/bin/sh
# In keyring-run's session: the demo, then what it left in the keyring.
demo=$1 dir=$2 look=$3 out=$4
"$demo" --cli "$BYLINE_CLI" "$dir" "$look" "$out" look 7
echo $? >"$out.status"
gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \
	--method org.freedesktop.Secret.Service.SearchItems \
	"{'xdg:schema': 'io.github.bylinedesk.Byline.Site'}" >"$out.secrets-after" 2>&1
echo "$DBUS_SESSION_BUS_ADDRESS" >"$out.bus"
SH
chmod +x "$TMP/in-session"
"$KEYRING_RUN" "$TMP/in-session" "$DEMO" "$DIR" "$TMP/look" "$out" >"$TMP/session.log" 2>&1
[[ -f $out/ready ]] || bail "the demo never ran its command: $(tail -n 20 "$TMP/session.log")"
check "the command's exit status comes back (7)" grep -qx 7 "$out.status"
check "the command ran on the session's bus" cmp -s "$out/bus" "$out.bus"
check "the password was in the session's keyring" grep -q "/org/freedesktop/secrets/collection/" "$out/secrets"
check "it is gone from there after the demo" grep -qF "(@ao [], @ao [])" "$out.secrets-after"
check "WordPress is stopped" testbed_gone "$out"
check "the previous demo's WordPress was replaced" test "$(wp_url)" != "$url"

# --- 3. kill, then 4. Ctrl+C, while the app runs, out of nobody's reach. ---
DIR=$TMP/private/demo
export DEMO_DIR=$DIR
interrupt() {
	local how=$1 out=$OUT/$1
	python3 - "$how" "$out" "$DEMO" "$BYLINE_CLI" "$DIR" "$TMP/look" <<'PY'
import os, pty, signal, sys, time
how, out, demo, cli, d, look = sys.argv[1:]
env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
pid, fd = pty.fork()
if pid == 0:
    os.execve(demo, [demo, "--cli", cli, d, look, out, "wait"], env)
for _ in range(1200):
    if os.path.exists(os.path.join(out, "ready")):
        break
    time.sleep(0.1)
else:
    sys.exit("the demo never ran its command")
if how == "ctrl-c":
    os.write(fd, b"\x03")  # the terminal's interrupt character: SIGINT
else:
    os.kill(pid, signal.SIGTERM)
log = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    log += chunk
_, status = os.waitpid(pid, 0)
open(out + ".log", "wb").write(log)
sys.exit(os.waitstatus_to_exitcode(status))
PY
	echo $?
}
first_wp=
for how in kill ctrl-c; do
	out=$OUT/$how
	[[ -L $DIR/wordpress ]] && first_wp=$(realpath -- "$DIR/wordpress")
	status=$(interrupt "$how")
	[[ -f $out/ready ]] || bail "$how: the demo never ran its command"
	expected=143
	[[ $how == ctrl-c ]] && expected=130
	ok "$((status != expected))" "$how: the demo exits with $expected" "status $status" "$(tail -n 5 "$out.log" 2>/dev/null)"
	check "$how: WordPress is stopped" testbed_gone "$out"
	check "$how: its port is closed" port_closed "$(wp_url)"
	wp=$(realpath -- "$DIR/wordpress")
	[[ -L $DIR/wordpress && $wp == "${TMPDIR:-/tmp}"/byline-demo-site.* ]]
	ok $? "$how: WordPress ran under /tmp, linked from the demo folder" "$wp"
done
[[ -n $first_wp && ! -e $first_wp ]]
ok $? "the previous demo's WordPress folder under /tmp is gone" "$first_wp"

# --- 5. A folder that is not a demo's is refused, and left alone. ---
mkdir -p "$TMP/not-a-demo"
echo precious >"$TMP/not-a-demo/file"
"$DEMO" --cli "$BYLINE_CLI" "$TMP/not-a-demo" true >"$TMP/refused.log" 2>&1
status=$?
ok "$((status == 0))" "a folder that is not a demo's is refused" "$(cat "$TMP/refused.log")"
check "and left alone" grep -qx precious "$TMP/not-a-demo/file"

echo "1..$N"
echo "$NAME: $((N - FAILED)) of $N passed" >&2
((FAILED == 0))
