package io.orderhooks.benchmarks;

import java.util.List;

/**
 * The "Parts" section of the results: which part of {@code benchmarks/run-all.sh} ran when, how long it took, the
 * machine's load average at its start and end, the commit and the before jar, from {@code parts.tsv} (one line per
 * part: part, start, end, seconds, load at start, load at end, commit, before, status). Parts may come from
 * different runs (PARTS=...), which is why each says its own time and load.
 */
final class PartsSection {

    private PartsSection() {}

    static void write(StringBuilder md, List<String[]> parts) {
        if (parts.isEmpty()) {
            return;
        }
        md.append("## Parts\n\n| part | started (UTC) | took | load avg at start | load avg at end | commit | before | status |\n");
        md.append("|---|---|---:|---|---|---|---|---|\n");
        long total = 0;
        for (String[] p : parts) {
            long seconds = Long.parseLong(p[3]);
            total += seconds;
            md.append("| ").append(p[0]).append(" | ").append(p[1]).append(" | ").append(duration(seconds)).append(" | ")
                    .append(p[4]).append(" | ").append(p[5]).append(" | ").append(p[6]).append(" | ").append(p[7])
                    .append(" | ").append(p[8]).append(" |\n");
        }
        md.append("\nAll parts together: ").append(duration(total)).append(". Load averages are 1/5/15-minute figures; the ")
                .append("machine has ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, and a part that started at a load near that shared the CPUs with other work.\n\n");
    }

    static String duration(long seconds) {
        return seconds >= 60 ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
    }
}
