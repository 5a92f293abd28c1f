#!/usr/bin/env bash
# Installs, configures and starts a throw-away Postfix on 127.0.0.1:2525 for the jakarta-mail-adapter
# Postfix tests. Nothing leaves the machine: accepted mail is discarded, except mail for bounce.test,
# which Postfix relays to 127.0.0.1:2526 (a server the bounce test starts, refusing every recipient),
# and the bounces (DSNs) Postfix then writes to senders at bounces.test, which go to the maildir
# /var/mail/vhosts/bounces.test/<user>/ (owned by the checkout's owner, so the tests can read them).
# Idempotent: safe to run again; it rewrites the test maps and reloads a running Postfix.
# Needs root and apt (Debian/Ubuntu). Recipe: ../shared/notes/jakarta-mail.md §7.
set -euo pipefail

if [ "$(id -u)" != 0 ]; then
  echo "postfix-setup: needs root; skipping (the Postfix test will be skipped)" >&2
  exit 0
fi

if ! dpkg -s postfix >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
  echo "postfix postfix/mailname string mx.test.local" | debconf-set-selections
  apt-get install -y -qq --no-install-recommends postfix >/dev/null
fi

# the test policy the adapter's Postfix test asserts against
printf '%s\n' \
  'nouser@example.test 550 5.1.1 User unknown in local recipient table' \
  'full@example.test 452 4.2.2 Mailbox full' > /etc/postfix/rcpt_access
printf '%s\n' 'blocked@example.test 553 5.7.1 not owned by user' > /etc/postfix/sender_access
printf '%s\n' \
  '/^Subject:.*REJECTME/ REJECT 5.7.1 Message content rejected by test policy' \
  '/^Subject:.*OVERSIZED/ REJECT 5.3.4 Message too big for test policy' > /etc/postfix/header_checks
# the bounce test: bounce.test is relayed to a test server on 127.0.0.1:2526; senders at bounces.test
# get their bounces in a maildir
printf '%s\n' 'bounce.test smtp:[127.0.0.1]:2526' > /etc/postfix/transport
printf '%s\n' 'sender@bounces.test bounces.test/sender/' > /etc/postfix/vmailbox
mailbox_owner="${BOUNCE_MAILBOX_OWNER:-$(stat -c %u "$(dirname "$0")/..")}"
[ "$mailbox_owner" = 0 ] && mailbox_owner="$(id -u nobody)"
mailbox_group="$(id -g "$mailbox_owner" 2>/dev/null || id -g nobody)"
mkdir -p /var/mail/vhosts/bounces.test
chown -R "$mailbox_owner:$mailbox_group" /var/mail/vhosts/bounces.test
postmap /etc/postfix/rcpt_access /etc/postfix/sender_access /etc/postfix/transport /etc/postfix/vmailbox

# message_size_limit: 200 kB, above header_size_limit (102400) so Postfix accepts the setting;
# smtpd_delay_reject=no: a rejected sender fails at MAIL FROM, not at the first RCPT
postconf -e \
  'myhostname = mx.test.local' \
  'inet_interfaces = loopback-only' \
  'inet_protocols = ipv4' \
  'mydestination =' \
  'relay_domains = example.test bounce.test' \
  'transport_maps = hash:/etc/postfix/transport' \
  'virtual_mailbox_domains = bounces.test' \
  'virtual_mailbox_base = /var/mail/vhosts' \
  'virtual_mailbox_maps = hash:/etc/postfix/vmailbox' \
  "virtual_uid_maps = static:$mailbox_owner" \
  "virtual_gid_maps = static:$mailbox_group" \
  'virtual_transport = virtual' \
  'bounce_queue_lifetime = 0' \
  'smtp_connect_timeout = 5s' \
  'mynetworks = 127.0.0.0/8' \
  'default_transport = discard:test sink' \
  'relay_transport = discard:test sink' \
  'local_transport = discard:test sink' \
  'smtpd_delay_reject = no' \
  'smtpd_sender_restrictions = check_sender_access hash:/etc/postfix/sender_access' \
  'smtpd_recipient_restrictions = check_recipient_access hash:/etc/postfix/rcpt_access, permit_mynetworks, reject_unauth_destination' \
  'header_checks = regexp:/etc/postfix/header_checks' \
  'message_size_limit = 200000' \
  'maillog_file = /var/log/postfix-test.log' \
  'compatibility_level = 3.6'
# no listener on port 25; one on 2525 without chroot
postconf -M smtp/inet >/dev/null 2>&1 && postconf -M# smtp/inet
postconf -M 2525/inet='2525 inet n - n - - smtpd'

postfix check
if postfix status >/dev/null 2>&1; then
  postfix reload
else
  postfix start
fi

for _ in $(seq 1 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/2525) 2>/dev/null; then
    echo "postfix-setup: Postfix listens on 127.0.0.1:2525"
    exit 0
  fi
  sleep 0.2
done
echo "postfix-setup: Postfix did not start listening on 127.0.0.1:2525" >&2
exit 1
