package dev.smtpexplain.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The documented-reply corpus in {@code src/test/resources/dev/smtpexplain/core/documented/}: real
 * failure replies from providers' documentation, MTA sources and gateways, each labeled with the
 * category its source documents and a citation.
 */
final class DocumentedCorpus {

    static final List<String> FILES = List.of("providers.tsv", "mta.tsv", "bounces.tsv", "intl.tsv", "services.tsv",
            "servers.tsv", "forums.tsv", "isps.tsv", "native.tsv", "majors.tsv", "appbounces.tsv", "selfhosted.tsv",
            "native2.tsv", "regional.tsv", "threads.tsv", "manuals.tsv", "answers.tsv", "threads2.tsv", "products.tsv",
            "languages.tsv", "gateways.tsv", "telecoms.tsv", "platforms.tsv", "sources2.tsv", "sources3.tsv",
            "listbounces.tsv", "parsers.tsv", "enterprise.tsv", "milters.tsv", "answers2.tsv", "senders.tsv",
            "forwarders.tsv", "eastasia.tsv", "regions2.tsv", "i18n2.tsv", "plugins.tsv", "smallservers.tsv",
            "scanners.tsv", "devblogs.tsv", "marketing.tsv", "ndrtexts.tsv", "submission.tsv", "winservers.tsv",
            "bouncerules.tsv", "testsuites.tsv", "panels.tsv", "verifiers.tsv", "clients.tsv", "libthreads.tsv",
            "appthreads.tsv", "configs.tsv", "milters2.tsv", "mtasrc4.tsv", "langs3.tsv", "gateways2.tsv",
            "senders2.tsv", "recent.tsv", "pastes.tsv", "regions3.tsv", "clienttests.tsv", "listarchive.tsv",
            "forumarchive.tsv", "wikis.tsv", "oldmta.tsv", "classifiers2.tsv", "panels2.tsv", "commercial2.tsv",
            "classifiers3.tsv", "asiaservers.tsv", "euproviders.tsv", "eastasia2.tsv", "worldhosts.tsv", "hostseu2.tsv",
            "servermanuals.tsv", "issues3.tsv", "stringhunt.tsv", "longtail.tsv", "cfglangs.tsv", "ossservers.tsv",
            "gateways3.tsv", "coldemail.tsv", "clientlibs2.tsv", "forums2.tsv", "forums3.tsv", "ossservers2.tsv", "issues4.tsv",
            "ossservers3.tsv", "filters3.tsv",
            "esps3.tsv", "langs4.tsv", "vendors4.tsv",
            "blocklists2.tsv", "cloudmail2.tsv", "isps3.tsv",
            "saashelp.tsv", "campusit.tsv",
            "mtasource5.tsv", "clients3.tsv",
            "zhderu.tsv", "commercial3.tsv",
            "tlsfail.tsv", "marketing2.tsv", "helpdesks.tsv",
            "hostsasia.tsv", "bouncelibs2.tsv", "isps4.tsv",
            "milters3.tsv", "ossservers4.tsv",
            "issues5.tsv", "pastes2.tsv",
            "german2.tsv", "japanese2.tsv", "chinese2.tsv", "gateways4.tsv", "russian2.tsv",
            "bouncelibs3.tsv", "romance2.tsv", "clients4.tsv", "legacy2.tsv",
            "issues6.tsv", "esps4.tsv", "mtasource6.tsv", "providers5.tsv", "langs5.tsv",
            "clientsl10n.tsv", "ndrl10n.tsv", "asiaproviders.tsv",
            "forums4.tsv", "cloudrelays.tsv", "selfhostdocs.tsv",
            "androidmail.tsv", "cmsplugins.tsv",
            "erpl10n.tsv", "gnomekde.tsv",
            "cjk3.tsv", "nordiceast.tsv", "worldlangs.tsv", "dachcis.tsv", "smtplibs.tsv",
            "srvc.tsv", "srvgo.tsv", "srvgo2.tsv", "srvpython.tsv", "srvjsphpnet.tsv", "srvrustjvm.tsv",
            "srvmisc.tsv", "maptexts.tsv", "srvruby.tsv", "lmtp.tsv",
            "mtadocs2.tsv", "milters5.tsv",
            "bouncefixtures.tsv", "langs6.tsv", "mtasource7.tsv", "threads3.tsv", "errortables.tsv",
            "srvgo3.tsv", "srvmisc2.tsv", "gateways5.tsv", "isps5.tsv", "listarchive2.tsv",
            "clients5.tsv", "clientsl10n2.tsv", "clientsl10n3.tsv", "appsl10n.tsv", "webapps2.tsv", "libsmobile.tsv",
            "providernotices.tsv", "deliveryl10n.tsv", "familiesl10n.tsv", "groupware.tsv",
            "termclients.tsv", "panels3.tsv", "selfhostapps.tsv", "osmailapps.tsv",
            "esphelp.tsv", "eastasia3.tsv", "commercial4.tsv",
            "longtail2.tsv", "longtail3.tsv", "longtail4.tsv", "longtail5.tsv", "longtail6.tsv");

    /** One labeled reply. */
    record Row(String file, int line, String code, String status, String text, Category category, String lang,
            boolean ambiguous, String source) {

        SmtpReply reply() {
            Integer c = code.isEmpty() ? null : Integer.valueOf(code);
            return SmtpReply.of(c, status.isEmpty() ? null : status, text);
        }
    }

    private DocumentedCorpus() {
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String file : FILES) {
            InputStream in = DocumentedCorpus.class.getResourceAsStream("/dev/smtpexplain/core/documented/" + file);
            if (in == null) {
                continue;
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (n == 1 || line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    if (f.length != 7) {
                        throw new IllegalStateException(file + " line " + n + ": expected 7 columns, found " + f.length);
                    }
                    rows.add(new Row(file, n, f[0].strip(), f[1].strip(), f[2], Category.fromId(f[3].strip()), f[4].strip(),
                            f[5].strip().equals("yes"), f[6].strip()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }
}
