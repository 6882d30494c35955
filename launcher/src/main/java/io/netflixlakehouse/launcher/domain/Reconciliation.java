package io.netflixlakehouse.launcher.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Checks that every landed record reached the lake exactly once: {@code landed N = bronze B = silver S +
 * quarantined Q}, nothing in both silver and quarantine, nothing lost, one silver row per show_id, and gold counts
 * that add up to the silver (title, country) pairs.
 *
 * @param landed records the ingest manifest counted
 * @param bronze distinct record ids in bronze
 * @param silver record ids in silver
 * @param quarantined distinct record ids in quarantine
 * @param checks every check, in print order
 */
public record Reconciliation(long landed, long bronze, long silver, long quarantined, List<Check> checks) {

    /** One named equality. {@code known} is false when the report lacks a number it needs. */
    public record Check(String name, String detail, boolean known, boolean ok) {
    }

    public Reconciliation {
        checks = List.copyOf(checks);
    }

    public static Reconciliation of(long landed, LakeReport report) {
        long bronze = first(report.counter("bronzeDistinctRecordIds"), report.counter("bronzeRows"),
                report.table("bronze_titles"));
        long silver = first(report.counter("silverDistinctRecordIds"), report.counter("silverRecordIds"),
                report.counter("silverRows"), report.table("silver_titles"));
        long quarantined = first(report.counter("quarantineDistinctRecordIds"), report.counter("quarantineRows"),
                report.table("quarantine_titles"));
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("landed = bronze = silver + quarantined",
                "landed " + landed + " = bronze " + bronze + " = silver " + silver + " + quarantined " + quarantined,
                bronze >= 0 && silver >= 0 && quarantined >= 0,
                landed == bronze && bronze == silver + quarantined));
        checks.add(equalsZero("overlap", "records in both silver and quarantine", report.counter("overlap")));
        checks.add(equalsZero("missing", "bronze records in neither silver nor quarantine", report.counter("missing")));
        checks.add(equal("bronze rows = distinct record ids", "bronze rows", report.counter("bronzeRows"),
                "distinct record ids", report.counter("bronzeDistinctRecordIds")));
        checks.add(equal("silver rows = distinct show_ids", "silver rows", report.counter("silverRows"),
                "distinct show_ids", report.counter("silverDistinctShowIds")));
        checks.add(equal("gold content_count sum = silver title x country pairs", "gold sum",
                report.counter("goldContentCountSum"), "pairs", report.counter("silverTitleCountryPairs")));
        return new Reconciliation(landed, bronze, silver, quarantined, checks);
    }

    /** True when every check is known and holds. */
    public boolean ok() {
        return checks.stream().allMatch(c -> c.known() && c.ok());
    }

    private static Check equalsZero(String name, String what, OptionalLong value) {
        return new Check(name + " = 0",
                what + ": " + (value.isPresent() ? value.getAsLong() : "not reported"),
                value.isPresent(), value.isPresent() && value.getAsLong() == 0L);
    }

    private static Check equal(String name, String leftName, OptionalLong left, String rightName, OptionalLong right) {
        boolean known = left.isPresent() && right.isPresent();
        return new Check(name,
                leftName + " " + text(left) + " = " + rightName + " " + text(right),
                known, known && left.getAsLong() == right.getAsLong());
    }

    private static String text(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "?";
    }

    private static long first(OptionalLong... candidates) {
        for (OptionalLong candidate : candidates) {
            if (candidate.isPresent()) {
                return candidate.getAsLong();
            }
        }
        return -1L;
    }
}
