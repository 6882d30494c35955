package io.netflixlakehouse.benchmark.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class KaggleCsvDialectTest {

  @Test
  void shouldRewriteTheShippedFileByteForByte() throws Exception {
    String original = Files.readString(RealSource.PATH, StandardCharsets.UTF_8);
    RealSource.Parsed parsed = RealSource.parse(original);

    StringBuilder rewritten = new StringBuilder(original.length());
    KaggleCsvDialect.appendRecord(rewritten, parsed.header());
    for (CSVRecord record : parsed.records()) {
      List<String> values = new ArrayList<>();
      record.forEach(values::add);
      KaggleCsvDialect.appendRecord(rewritten, values);
    }

    assertThat(parsed.header()).isEqualTo(KaggleCsvDialect.HEADER);
    assertThat(parsed.records()).hasSize(8807);
    assertThat(rewritten.toString()).isEqualTo(original);
  }

  @Test
  void shouldQuoteOnlyFieldsWithCommaQuoteOrLineBreak() {
    StringBuilder out = new StringBuilder();
    KaggleCsvDialect.appendRecord(out,
        new String[] {"s1", " August 4, 2017", "say \"hi\"", "two\nlines", "#Alive", " lead", "", "plain"});

    assertThat(out).hasToString("s1,\" August 4, 2017\",\"say \"\"hi\"\"\",\"two\nlines\",#Alive, lead,,plain\n");
  }
}
