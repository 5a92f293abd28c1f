#!/usr/bin/perl
# Times Sisimai's reply-text matcher, Sisimai::Reason->match($text) (Debian package libsisimai-perl, 4.25),
# on the texts of a file, one per line. ./bench writes the corpus's replies there exactly as
# CorpusDiagnoseBenchmark's diagnose(String) variants get them:
#   perl benchmarks/sisimai-replies.pl benchmarks/target/corpus-replies.txt [ROUNDS [SECONDS]]
# After one unmeasured pass over the file, each of ROUNDS rounds (default 5) matches the whole file again
# and again until at least SECONDS (default 1) have passed. Prints, per round, the texts matched, the
# wall time and the CPU time of this process (user + system); BenchSuite reads these lines.
use strict; use warnings;
use Sisimai; use Sisimai::Reason; use Time::HiRes qw(time);

my ($file, $rounds, $seconds) = @ARGV;
die "usage: $0 TEXTS-FILE [ROUNDS [SECONDS]]\n" unless defined $file;
$rounds //= 5; $seconds //= 1;
# bytes, as Sisimai gets a bounce's text from a message file
open my $in, '<:raw', $file or die "$0: cannot read $file: $!\n";
my @texts = <$in>;
close $in;
chomp @texts;
die "$0: no texts in $file\n" unless @texts;

my $reasons = 0;
for my $t (@texts) { my $r = Sisimai::Reason->match($t); $reasons++ if defined $r && $r ne 'undefined'; }
printf "sisimai %s: %d texts, %d matched to a reason other than 'undefined'\n", $Sisimai::VERSION, scalar @texts, $reasons;

for my $r (1 .. $rounds) {
  my @t0 = times; my $w0 = time; my $n = 0; my $wall;
  do {
    for my $t (@texts) { Sisimai::Reason->match($t); }
    $n += @texts;
    $wall = time - $w0;
  } while ($wall < $seconds);
  my @t1 = times; my $cpu = ($t1[0] - $t0[0]) + ($t1[1] - $t0[1]);
  printf "round %d: %d texts, %.3f s wall, %.3f s CPU (%.0f texts/s wall, %.0f per CPU-second)\n",
    $r, $n, $wall, $cpu, $n / $wall, $cpu > 0 ? $n / $cpu : 0;
}
