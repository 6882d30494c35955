package io.netflixlakehouse.quality.messaging;

import io.netflixlakehouse.quality.domain.FlowStoppedException;
import io.netflixlakehouse.quality.domain.QualityFlow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN while a {@code fail} rule holds a dataset's flow stopped; the data names each stopped dataset. */
@Readiness
@ApplicationScoped
public class DatasetFlowHealth implements HealthCheck {

    private final QualityFlow flow;

    DatasetFlowHealth(QualityFlow flow) {
        this.flow = flow;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("quality-dataset-flows");
        Map<String, FlowStoppedException> stopped = flow.stoppedDatasets();
        stopped.forEach((dataset, alert) -> response.withData(dataset,
                "STOPPED " + RawRecordRouter.ALERT_CODE + ": " + alert.getMessage()));
        return response.status(stopped.isEmpty()).build();
    }
}
