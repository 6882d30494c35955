package io.netflixlakehouse.launcher.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = {"Re-validate a dataset's quarantined records with the rules the quality-service runs now",
                "(after a rule fix and a restart) and send the ones that pass to the validated topic, exactly once:",
                "the service reads the quarantine topic in its own consumer group and commits what it read together",
                "with what it sent, so running it twice sends nothing twice."})
final class RedriveCommand implements Callable<Integer> {

    @Option(names = "--quality-url", required = true,
            description = "Base URL of a running quality-service, e.g. http://127.0.0.1:8082")
    URI qualityUrl;

    @Option(names = "--dataset", defaultValue = "titles", description = "Dataset to re-drive (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--timeout", defaultValue = "10m", description = "How long to wait for the answer (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        URI url = qualityUrl.resolve("/quality/redrive?dataset=" + java.net.URLEncoder.encode(dataset, java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(url).timeout(timeout).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            System.out.println(response.body());
            return 0;
        }
        System.err.println("FAILED (HTTP " + response.statusCode() + "): " + response.body());
        return 1;
    }
}
