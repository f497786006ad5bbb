#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Proves a WordPress testbed (tests/wordpress/testbed) works the way Byline
# uses a real site: the author's application password opens the REST API,
# a wrong one is refused, and the same holds over TLS with the testbed's CA
# (and only with it).
#
# Reads the variables of the testbed's env file: from $BYLINE_WP_ENV if set,
# else from the environment. Without them it fails; it never skips.
#
#   tests/wordpress/testbed start "$d" && BYLINE_WP_ENV="$d/env" tests/wordpress/test-users-me.sh
#
# Output is TAP. Passwords go to curl in a config file (-K), never on argv.

set -euo pipefail

readonly NAME=test-users-me
PASSED=0
FAILED=0
N=0

bail() {
	echo "Bail out! $*"
	echo "$NAME: FAIL: $*" >&2
	exit 1
}

# ok STATUS DESCRIPTION [DIAGNOSTIC...]: one TAP line, passing if STATUS is
# 0; the diagnostics are shown on failure.
ok() {
	local status=$1 description=$2 line
	shift 2
	N=$((N + 1))
	if [[ $status == 0 ]]; then
		echo "ok $N - $description"
		PASSED=$((PASSED + 1))
	else
		echo "not ok $N - $description"
		FAILED=$((FAILED + 1))
		for line in "$@"; do
			[[ -n $line ]] && printf '#   %s\n' "${line//$'\n'/$'\n#   '}"
		done
	fi
	return 0
}

load_env() {
	local var
	if [[ -n ${BYLINE_WP_ENV:-} ]]; then
		[[ -f $BYLINE_WP_ENV && -r $BYLINE_WP_ENV ]] ||
			bail "BYLINE_WP_ENV=$BYLINE_WP_ENV is not a readable file"
		# A name without a slash would be looked up in PATH by `source`.
		[[ $BYLINE_WP_ENV == */* ]] || BYLINE_WP_ENV=./$BYLINE_WP_ENV
		# shellcheck source=/dev/null
		source "$BYLINE_WP_ENV"
	fi
	for var in BYLINE_WP_URL BYLINE_WP_HTTPS_URL BYLINE_WP_CA BYLINE_WP_API_ROOT \
		BYLINE_WP_AUTHOR_USER BYLINE_WP_AUTHOR_APP_PASSWORD; do
		[[ -n ${!var:-} ]] ||
			bail "$var is not set: start a testbed (tests/wordpress/testbed start DIR) and set BYLINE_WP_ENV=DIR/env"
	done
	[[ -r $BYLINE_WP_CA ]] || bail "BYLINE_WP_CA=$BYLINE_WP_CA is not readable"
}

# Writes a curl config file that sends USER:PASSWORD as basic auth; the
# config file syntax wants \ and " escaped inside double quotes.
credentials() {
	local file=$1 value="$2:$3"
	value=${value//\\/\\\\}
	value=${value//\"/\\\"}
	(umask 077 && printf 'user = "%s"\n' "$value" >"$file")
}

# get OUTPUT URL [CURL-ARGS...]: prints the HTTP status (000 if none); curl's
# exit status is that of the function. -q and --noproxy keep ~/.curlrc and
# http_proxy out of it; php -S does not answer `Expect: 100-continue`.
get() {
	local output=$1 url=$2
	shift 2
	curl -q --noproxy '*' --silent --show-error --max-time 20 -H 'Expect:' \
		--output "$output" --write-out '%{http_code}' "$@" "$url"
}

# Checks the users/me JSON in FILE: roles has "author", username is USER and
# slug is its lowercase form. Prints what is wrong, if anything.
check_me() {
	EXPECTED_USER=$2 python3 - "$1" <<-'PY'
		import json, os, sys
		user = os.environ["EXPECTED_USER"]
		try:
		    with open(sys.argv[1], encoding="utf-8") as f:
		        me = json.load(f)
		except (OSError, ValueError) as e:
		    sys.exit(f"no users/me JSON: {e}")
		if not isinstance(me, dict):
		    sys.exit(f"users/me is not an object: {me!r:.200}")
		problems = []
		if "author" not in (me.get("roles") or []):
		    problems.append(f"roles {me.get('roles')!r} has no 'author'")
		if me.get("username") != user:
		    problems.append(f"username {me.get('username')!r}, expected {user!r}")
		if me.get("slug") != user.lower():
		    problems.append(f"slug {me.get('slug')!r}, expected {user.lower()!r}")
		sys.exit("; ".join(problems) or None)
	PY
}

# The API root a client discovers from the Link header of the home page.
discover_api_root() {
	local url=$1 line root
	shift
	while IFS= read -r line; do
		line=${line%$'\r'}
		if [[ ${line,,} == link:* && $line == *'rel="https://api.w.org/"'* ]]; then
			root=${line#*<}
			printf '%s\n' "${root%%>*}"
			return 0
		fi
	done < <(curl -q --noproxy '*' --silent --show-error --max-time 20 \
		--dump-header - --output /dev/null "$@" "$url")
	return 1
}

main() {
	local code why rc curl_rc https_root
	load_env
	# Global, not local: the EXIT trap runs after main has returned.
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	credentials "$tmp/author" "$BYLINE_WP_AUTHOR_USER" "$BYLINE_WP_AUTHOR_APP_PASSWORD"
	credentials "$tmp/wrong" "$BYLINE_WP_AUTHOR_USER" "not-${BYLINE_WP_AUTHOR_APP_PASSWORD}"

	echo "1..7"

	# Plain HTTP, as discovered by the testbed.
	code=$(get "$tmp/me.json" "${BYLINE_WP_API_ROOT}wp/v2/users/me&context=edit" -K "$tmp/author" \
		2>"$tmp/http.err") || true
	[[ $code == 200 ]] && rc=0 || rc=$?
	ok "$rc" "author GET users/me over http: 200" \
		"got HTTP $code from ${BYLINE_WP_API_ROOT}wp/v2/users/me&context=edit" "$(cat "$tmp/http.err")" \
		"$(head -c 500 "$tmp/me.json" 2>/dev/null)"
	why=$(check_me "$tmp/me.json" "$BYLINE_WP_AUTHOR_USER" 2>&1) && rc=0 || rc=$?
	ok "$rc" "users/me is $BYLINE_WP_AUTHOR_USER with role author" "$why"

	code=$(get "$tmp/wrong.json" "${BYLINE_WP_API_ROOT}wp/v2/users/me&context=edit" -K "$tmp/wrong" 2>/dev/null) || true
	[[ $code == 401 ]] && rc=0 || rc=$?
	ok "$rc" "wrong application password: 401" \
		"got HTTP $code" "$(head -c 500 "$tmp/wrong.json" 2>/dev/null)"

	# HTTPS through the proxy: the site must announce its https API root
	# there, as a site behind a TLS proxy does.
	https_root=$(discover_api_root "$BYLINE_WP_HTTPS_URL" --cacert "$BYLINE_WP_CA" 2>"$tmp/discover.err") || true
	[[ $https_root == "$BYLINE_WP_HTTPS_URL"* ]] && rc=0 || rc=$?
	ok "$rc" "https Link header announces an https API root" \
		"got '${https_root}' from $BYLINE_WP_HTTPS_URL" "$(cat "$tmp/discover.err")"
	[[ -n $https_root ]] || https_root="${BYLINE_WP_HTTPS_URL}index.php?rest_route=/"

	code=$(get "$tmp/me-tls.json" "${https_root}wp/v2/users/me&context=edit" -K "$tmp/author" \
		--cacert "$BYLINE_WP_CA" 2>"$tmp/tls.err") || true
	why=$(check_me "$tmp/me-tls.json" "$BYLINE_WP_AUTHOR_USER" 2>&1) && rc=0 || rc=$?
	[[ $code == 200 && $rc == 0 ]] && rc=0 || rc=$?
	ok "$rc" "author GET users/me over https with the testbed CA: 200, author" \
		"got HTTP $code from ${https_root}wp/v2/users/me&context=edit" "$(cat "$tmp/tls.err")" "$why"

	# Without the CA, verification must fail (curl: 60), not connect or 200.
	curl_rc=0
	get /dev/null "${https_root}wp/v2/users/me&context=edit" -K "$tmp/author" \
		>/dev/null 2>"$tmp/noca.err" || curl_rc=$?
	[[ $curl_rc == 60 ]] && rc=0 || rc=$?
	ok "$rc" "https without the testbed CA fails verification" \
		"curl exit status $curl_rc, expected 60" "$(cat "$tmp/noca.err")"

	# The same wrong password over https, so the proxy passes Authorization
	# through and does not turn a 401 into something else.
	code=$(get "$tmp/wrong-tls.json" "${https_root}wp/v2/users/me&context=edit" -K "$tmp/wrong" \
		--cacert "$BYLINE_WP_CA" 2>/dev/null) || true
	[[ $code == 401 ]] && rc=0 || rc=$?
	ok "$rc" "wrong application password over https: 401" "got HTTP $code"

	echo "# $PASSED passed, $FAILED failed"
	((FAILED == 0))
}

main "$@"
