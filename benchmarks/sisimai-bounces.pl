#!/usr/bin/perl
# Times Sisimai (Debian package libsisimai-perl, 4.25) on the same bounce files as BounceReadBenchmark:
#   perl benchmarks/sisimai-bounces.pl ../shared/eval/bounces/emails/*.eml
# Prints three rounds: messages per CPU-second of this process and per wall-clock second.
use strict; use warnings; use Sisimai; use Time::HiRes qw(time);
my @files = @ARGV;
for my $r (1..3) {
  my @t0 = times; my $w0 = time; my $n = 0;
  for my $f (@files) { my $v = Sisimai->make($f); $n++; }
  my @t1 = times; my $cpu = ($t1[0] - $t0[0]) + ($t1[1] - $t0[1]);
  printf "round %d: %d messages, %.0f msg per CPU-second, %.0f msg/s wall\n", $r, $n, $n / $cpu, $n / (time - $w0);
}
