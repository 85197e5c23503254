package org.hlf.mentor.sync.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.hlf.mentor.testsupport.MonitoringContract;
import org.junit.jupiter.api.Test;

/** How MonitoringContract finds the metric names in PromQL: functions, label lists and matchers are not metrics. */
class PromQlNamesTest {

    @Test
    void findsMetricsAndLeavesOutFunctionsLabelsAndKeywords() {
        assertThat(MonitoringContract.metricNames(
                "sum by (namespace, reason) (increase(website_sync_dead_letters_total{job=\"x\", a=~\"b.*\"}[15m])) > 0"))
                .containsExactly("website_sync_dead_letters_total");
        assertThat(MonitoringContract.metricNames(
                "time() - max by (namespace) (website_sync_reconcile_last_finished_seconds) > 3 * 3600"))
                .containsExactly("website_sync_reconcile_last_finished_seconds");
        assertThat(MonitoringContract.metricNames("absent(up{job=\"pause-service\"}) or absent(up{job=\"w\"})"))
                .containsExactly("up");
        assertThat(MonitoringContract.metricNames("sum(rate(a_sum{ns=\"$namespace\"}[$__rate_interval])) / "
                + "sum without (pod) (rate(a_count[5m] offset 1h)) and on (job) b_gauge unless c > bool 1"))
                .containsExactly("a_count", "a_sum", "b_gauge", "c");
        assertThat(MonitoringContract.metricNames("website_sync_consecutive_failures >= 5"))
                .containsExactly("website_sync_consecutive_failures");
    }

    @Test
    void readsTheRulesAndTheDashboard() {
        assertThat(MonitoringContract.expressions()).containsKey("rule WebsiteSyncConsumerLag")
                .anySatisfy((where, expr) -> assertThat(where).startsWith("panel "));
        assertThat(MonitoringContract.usedMetrics()).containsKeys("website_sync_consecutive_failures",
                "kafka_consumer_fetch_manager_records_lag_max", "hlf_outbox_oldest_unpublished_seconds", "up");
    }
}
