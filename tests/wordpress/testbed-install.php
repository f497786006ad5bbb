<?php
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Installs WordPress into a fresh testbed database and creates what Byline's
// tests log in with. Run by tests/wordpress/testbed with the PHP CLI: Debian
// ships no wp-cli, so this calls the same functions the web installer does.
//
// Input (environment, nothing secret):
//   BYLINE_TESTBED_CONFIG  the id X of /etc/wordpress/config-X.php
//   BYLINE_TESTBED_HOST    127.0.0.1:PORT of the plain-HTTP server
// Output: KEY=value lines on stdout, read by the testbed script. The passwords
// travel this way, never through any process's argv.

$config = getenv( 'BYLINE_TESTBED_CONFIG' );
$host   = getenv( 'BYLINE_TESTBED_HOST' );
if ( ! $config || ! $host ) {
	fwrite( STDERR, "testbed-install.php: BYLINE_TESTBED_CONFIG and BYLINE_TESTBED_HOST must be set\n" );
	exit( 2 );
}

// Debian's /usr/share/wordpress/wp-config.php picks the config file from
// $_SERVER['WORDPRESS_CONFIG'] and reads HTTP_HOST in any case; the CLI sets
// neither, so pretend to be a request to the site.
$_SERVER['WORDPRESS_CONFIG'] = $config;
$_SERVER['HTTP_HOST']        = $host;
$_SERVER['SERVER_NAME']      = '127.0.0.1';
$_SERVER['SERVER_PORT']      = (string) parse_url( 'http://' . $host, PHP_URL_PORT );
$_SERVER['REQUEST_METHOD']   = 'GET';
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['SERVER_PROTOCOL']  = 'HTTP/1.1';

define( 'WP_INSTALLING', true );

// wp_install() mails the admin; there is no MTA. This is pluggable, so
// defining it before upgrade.php is loaded replaces it.
function wp_new_blog_notification( $blog_title, $blog_url, $user_id, $password ) {
}

require_once '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

function byline_fail( $what, $error = null ) {
	$detail = is_wp_error( $error ) ? ': ' . $error->get_error_message() : '';
	fwrite( STDERR, "testbed-install.php: $what$detail\n" );
	exit( 1 );
}

// wp_install() tries pretty permalinks by requesting a post over HTTP and
// keeps them if that works. The testbed wants plain permalinks (the API root
// is ?rest_route=/, as on many real sites), so no HTTP while installing.
add_filter(
	'pre_http_request',
	static function () {
		return new WP_Error( 'byline_testbed_installing', 'no HTTP while installing' );
	}
);

if ( is_blog_installed() ) {
	byline_fail( 'WordPress is already installed in this database' );
}

// Nobody logs in with these passwords; the tests use application passwords.
$admin_user = 'byline-admin';
$result     = wp_install( 'Byline testbed', $admin_user, 'admin@byline.test', false, '', wp_slash( wp_generate_password( 32, false ) ) );
$admin_id   = (int) $result['user_id'];
if ( $admin_id <= 0 ) {
	byline_fail( 'wp_install() created no administrator' );
}
if ( get_option( 'permalink_structure' ) !== '' ) {
	byline_fail( 'expected plain permalinks, got ' . get_option( 'permalink_structure' ) );
}

// Nothing in the testbed should try to ping other sites.
update_option( 'default_pingback_flag', 0 );
update_option( 'default_ping_status', 'closed' );

// An ordinary reporter: the 'author' role may publish its own posts and
// upload media, but not edit others' posts or manage categories. The display
// name exercises Vietnamese text end to end.
$author_user = 'nguyenthu';
$author_id   = wp_insert_user(
	wp_slash(
		array(
			'user_login'   => $author_user,
			'user_pass'    => wp_generate_password( 32, false ),
			'user_email'   => 'thu@byline.test',
			'first_name'   => 'Thu',
			'last_name'    => 'Nguyễn',
			'nickname'     => 'Nguyễn Thu',
			'display_name' => 'Nguyễn Thu',
			'role'         => 'author',
		)
	)
);
if ( is_wp_error( $author_id ) ) {
	byline_fail( 'could not create the author', $author_id );
}

foreach ( array( 'Thời sự', 'Kinh tế', 'Xã hội' ) as $category ) {
	$term = wp_insert_term( $category, 'category' );
	if ( is_wp_error( $term ) ) {
		byline_fail( "could not create category $category", $term );
	}
}

// Application Passwords need HTTPS or WP_ENVIRONMENT_TYPE 'local'; say so
// here rather than let every REST call fail with 401 later.
if ( ! wp_is_application_passwords_available() ) {
	byline_fail( 'Application Passwords are not available (is WP_ENVIRONMENT_TYPE local?)' );
}

function byline_app_password( $user_id ) {
	$created = WP_Application_Passwords::create_new_application_password( $user_id, array( 'name' => 'Byline tests' ) );
	if ( is_wp_error( $created ) ) {
		byline_fail( "could not create an application password for user $user_id", $created );
	}
	return $created[0];
}

$theme = wp_get_theme();
if ( ! $theme->exists() ) {
	byline_fail( 'the active theme ' . get_stylesheet() . ' does not exist', $theme->errors() );
}
fwrite( STDERR, sprintf( "testbed-install.php: WordPress %s installed, theme %s\n", get_bloginfo( 'version' ), get_stylesheet() ) );

printf( "admin_user=%s\n", $admin_user );
printf( "admin_app_password=%s\n", byline_app_password( $admin_id ) );
printf( "author_user=%s\n", $author_user );
printf( "author_app_password=%s\n", byline_app_password( $author_id ) );
