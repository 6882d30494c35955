package io.netflixlakehouse.launcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReconciliationTest {

    @Test
    void shouldHoldWhenEveryLandedRecordIsInSilverOrQuarantineOnce() {
        Reconciliation r = Reconciliation.of(8807, LakeReport.parse(LakeReportTest.REPORT));

        assertThat(r.bronze()).isEqualTo(8807);
        assertThat(r.silver()).isEqualTo(8790);
        assertThat(r.quarantined()).isEqualTo(17);
        assertThat(r.checks()).allSatisfy(check -> assertThat(check.ok()).as(check.name()).isTrue());
        assertThat(r.ok()).isTrue();
    }

    @Test
    void shouldFailWhenTheLandedCountDiffers() {
        Reconciliation r = Reconciliation.of(8808, LakeReport.parse(LakeReportTest.REPORT));

        assertThat(r.ok()).isFalse();
        assertThat(r.checks().get(0).detail())
                .isEqualTo("landed 8808 = bronze 8807 = silver 8790 + quarantined 17");
    }

    @Test
    void shouldFailOnOverlap() {
        Reconciliation r = Reconciliation.of(8807,
                LakeReport.parse(LakeReportTest.REPORT.replace("\"overlap\": 0", "\"overlap\": 2")));

        assertThat(r.ok()).isFalse();
        assertThat(r.checks()).filteredOn(c -> c.name().startsWith("overlap"))
                .singleElement().satisfies(c -> assertThat(c.ok()).isFalse());
    }

    @Test
    void shouldNotHoldWhenTheReportLacksACounter() {
        Reconciliation r = Reconciliation.of(8807,
                LakeReport.parse(LakeReportTest.REPORT.replace("\"missing\": 0,", "")));

        assertThat(r.ok()).isFalse();
        assertThat(r.checks()).filteredOn(c -> c.name().startsWith("missing"))
                .singleElement().satisfies(c -> assertThat(c.known()).isFalse());
    }
}
