package dev.smtpexplain.examples.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The help's layout for every command: the terminal's width, an "Examples:" section, the version. */
final class Help {

    static final String SECTION_EXAMPLES = "examples";

    private Help() {
    }

    /** Applies the layout to {@code cl} and its subcommands (picocli's setters pass each setting on to them). */
    static void configure(CommandLine cl) {
        cl.setUsageHelpAutoWidth(true);
        // the examples after the options, right before "Exit status:"
        List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING), SECTION_EXAMPLES);
        cl.setHelpSectionKeys(keys);
        Map<String, CommandLine.IHelpSectionRenderer> sections = new HashMap<>(cl.getHelpSectionMap());
        sections.put(SECTION_EXAMPLES, new ExamplesSection());
        cl.setHelpSectionMap(sections);
        useTheVersion(cl);
    }

    // every subcommand's -V, --version (mixinStandardHelpOptions offers it) prints the tool's version
    private static void useTheVersion(CommandLine cl) {
        cl.getCommandSpec().versionProvider(new Main.Version());
        cl.getSubcommands().values().forEach(Help::useTheVersion);
    }

    // a class, not a lambda: JDK 17's dynamic class-data archive (the launcher's) crashes on a lambda proxy for an
    // interface of picocli's (its class files are of Java 5's format)
    private static final class ExamplesSection implements CommandLine.IHelpSectionRenderer {
        @Override
        public String render(CommandLine.Help help) {
            Object command = help.commandSpec().userObject();
            Examples examples = command == null ? null : command.getClass().getAnnotation(Examples.class);
            if (examples == null) {
                return "";
            }
            String nl = System.lineSeparator();
            StringBuilder sb = new StringBuilder(nl).append("Examples:").append(nl);
            for (String line : examples.value()) {
                sb.append("  ").append(line).append(nl);
            }
            return sb.toString();
        }
    }
}
