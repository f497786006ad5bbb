<?php
/**
 * Plugin Name: Byline testbed guard
 * Description: Keeps the throwaway test WordPress of tests/wordpress/testbed off the network.
 */
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Copied by tests/wordpress/testbed into <DIR>/wp-content/mu-plugins/.
//
// The testbed has no internet and must not try to reach it: the tests would
// then hang on DNS or time out instead of failing fast. WP_HTTP_BLOCK_EXTERNAL
// alone is not enough, because WordPress's oEmbed code resolves the host names
// it finds in post content before WP_Http's own check. This filter runs first
// and refuses every host but loopback.

add_filter(
	'pre_http_request',
	static function ( $preempt, $args, $url ) {
		$host = strtolower( trim( (string) parse_url( $url, PHP_URL_HOST ), '[]' ) );
		if ( in_array( $host, array( '127.0.0.1', '::1', 'localhost' ), true ) ) {
			return $preempt;
		}
		return new WP_Error(
			'byline_testbed_offline',
			sprintf( 'Byline testbed: no network here; refused a request to %s', '' === $host ? $url : $host )
		);
	},
	10,
	3
);

// There is no mail transfer agent either: report the mail as not sent (and log
// it) rather than let PHPMailer run a sendmail that does not exist.
add_filter(
	'pre_wp_mail',
	static function ( $short_circuit, $atts ) {
		error_log( sprintf( 'Byline testbed: mail not sent (no MTA): %s', isset( $atts['subject'] ) ? $atts['subject'] : '' ) );
		return false;
	},
	10,
	2
);
