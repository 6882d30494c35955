package io.netflixlakehouse.quality.domain.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExpressionCompilerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final ExpressionCompiler COMPILER = new ExpressionCompiler(List.of("a", "b", "cast"), CLOCK);

    /** Columns: expression | record (col=value;col=value, NULL for SQL NULL, unlisted columns are NULL) | expected. */
    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a IS NULL                                  | a=NULL             | TRUE
            a IS NULL                                  | a=x                | FALSE
            a IS NOT NULL                              | a=NULL             | FALSE
            a IS NOT NULL                              | a=                 | TRUE
            a = 'x'                                    | a=x                | TRUE
            a = 'x'                                    | a=y                | FALSE
            a = 'x'                                    | a=NULL             | NULL
            a <> 'x'                                   | a=y                | TRUE
            a != 'x'                                   | a=x                | FALSE
            a <> 'x'                                   | a=NULL             | NULL
            NOT a = 'x'                                | a=NULL             | NULL
            NOT (a = 'x')                              | a=y                | TRUE
            a = NULL                                   | a=x                | NULL
            NULL IS NULL                               | a=x                | TRUE
            TRUE                                       | a=x                | TRUE
            a = 'x' AND b = 'y'                        | a=x;b=y            | TRUE
            a = 'x' AND b = 'y'                        | a=x;b=NULL         | NULL
            a = 'x' AND b = 'y'                        | a=z;b=NULL         | FALSE
            a = 'x' OR b = 'y'                         | a=x;b=NULL         | TRUE
            a = 'x' OR b = 'y'                         | a=z;b=NULL         | NULL
            a = 'x' OR b = 'y'                         | a=z;b=z            | FALSE
            NOT (a = 'x' OR b = 'y')                   | a=z;b=NULL         | NULL
            a = 'x' OR b = 'y' AND a = 'z'             | a=x;b=q            | TRUE
            (a = 'x' OR b = 'y') AND a = 'z'           | a=x;b=q            | FALSE
            a IN ('x', 'y')                            | a=y                | TRUE
            a IN ('x', 'y')                            | a=z                | FALSE
            a IN ('x', 'y')                            | a=NULL             | NULL
            a IN ('x', NULL)                           | a=x                | TRUE
            a IN ('x', NULL)                           | a=z                | NULL
            a NOT IN ('x', 'y')                        | a=z                | TRUE
            a NOT IN ('x', NULL)                       | a=z                | NULL
            a IN (1, 2)                                | a=2.0              | TRUE
            CAST(a AS INT) BETWEEN 1900 AND 2021       | a=2019             | TRUE
            CAST(a AS INT) BETWEEN 1900 AND 2021       | a=1899             | FALSE
            CAST(a AS INT) BETWEEN 1900 AND 2021       | a=2021.9           | TRUE
            CAST(a AS INT) BETWEEN 1900 AND 2021       | a=abc              | NULL
            CAST(a AS INT) BETWEEN 1900 AND 2021       | a=NULL             | NULL
            a NOT BETWEEN 1 AND 5                      | a=7                | TRUE
            a NOT BETWEEN 1 AND 5                      | a=3                | FALSE
            a BETWEEN 'a' AND 'c'                      | a=b                | TRUE
            a > 10                                     | a=9                | FALSE
            a > '10'                                   | a=9                | TRUE
            a = 1                                      | a=1.0              | TRUE
            a = 1                                      | a=abc              | NULL
            a >= 1.5                                   | a=1.5              | TRUE
            a < b                                      | a=10;b=9           | TRUE
            a + 1 = 3                                  | a=2                | TRUE
            a + 1 = 3                                  | a=NULL             | NULL
            a - 1 = 1                                  | a=x                | NULL
            a * 2 > b                                  | a=3;b=5            | TRUE
            a / 0 IS NULL                              | a=5                | TRUE
            a / 4 = 1.25                               | a=5                | TRUE
            a % 2 = 0                                  | a=4                | TRUE
            -a < 0                                     | a=4                | TRUE
            "a || b = 'xy'"                            | a=x;b=y            | TRUE
            "a || b IS NULL"                           | a=x;b=NULL         | TRUE
            a LIKE '% min'                             | a=90 min           | TRUE
            a LIKE '% min'                             | a=TV-MA            | FALSE
            a LIKE '% min'                             | a=NULL             | NULL
            a NOT LIKE '% min'                         | a=74 min           | FALSE
            a IS NULL OR a NOT LIKE '% min'            | a=NULL             | TRUE
            a LIKE 's_'                                | a=s1               | TRUE
            a LIKE 's_'                                | a=s10              | FALSE
            a LIKE 'S%'                                | a=s1               | FALSE
            a LIKE '100\\%'                            | a=100%             | TRUE
            a LIKE '100\\%'                            | a=1000             | FALSE
            a LIKE 'x!_y' ESCAPE '!'                   | a=x_y              | TRUE
            a LIKE 'x!_y' ESCAPE '!'                   | a=xzy              | FALSE
            a LIKE 'a.c'                               | a=abc              | FALSE
            a ILIKE 'MOVIE'                            | a=movie            | TRUE
            a RLIKE '^s[0-9]+$'                        | a=s123             | TRUE
            a RLIKE '^s[0-9]+$'                        | a=s12x             | FALSE
            a RLIKE '[0-9]'                            | a=ab3c             | TRUE
            a REGEXP 'min'                             | a=90 min           | TRUE
            a NOT RLIKE 'min'                          | a=NULL             | NULL
            a NOT RLIKE 'min'                          | a=TV-14            | TRUE
            length(a) = 3                              | a=abc              | TRUE
            length(a) = 3                              | a=NULL             | NULL
            length(a) = 0                              | a=                 | TRUE
            lower(a) = 'movie'                         | a=Movie            | TRUE
            upper(a) = 'TV SHOW'                       | a=TV Show          | TRUE
            coalesce(a, 'none') = 'none'               | a=NULL             | TRUE
            coalesce(a, b) IS NULL                     | a=NULL;b=NULL      | TRUE
            coalesce(a, b) = 'y'                       | a=NULL;b=y         | TRUE
            year(a) = 2021                             | a=2021-09-25       | TRUE
            year(a) = 2021                             | a=September 25, 2021 | NULL
            year(current_date()) = 2026                | a=x                | TRUE
            year(current_date) = 2026                  | a=x                | TRUE
            current_date() > CAST(a AS DATE)           | a=2020-01-01       | TRUE
            CAST(a AS DATE) = '2020-01-01'             | a=2020-1-1         | TRUE
            CAST(a AS DATE) IS NULL                    | a=2020-13-01       | TRUE
            CAST(a AS BIGINT) = 5000000000             | a=5000000000       | TRUE
            CAST(a AS INT) IS NULL                     | a=5000000000       | TRUE
            CAST(a AS DOUBLE) = 1.5                    | a=1.50             | TRUE
            CAST(a AS DOUBLE) IS NULL                  | a=1.5x             | TRUE
            CAST(a AS STRING) = 'x'                    | a=x                | TRUE
            CAST(CAST(a AS INT) AS STRING) = '7'       | a=7.9              | TRUE
            'it''s' = a                                | a=it's             | TRUE
            `cast` IS NOT NULL                         | cast=Jane Doe      | TRUE
            cast = 'Jane Doe'                          | cast=Jane Doe      | TRUE
            A = 'x'                                    | a=x                | TRUE
            """)
    void shouldEvaluateWithSqlThreeValuedLogic(String expression, String record, String expected) {
        assertThat(render(COMPILER.compile(expression).evaluate(record(record)))).isEqualTo(expected);
    }

    /** The issue's example expressions over title columns; values in a map, null is SQL NULL. */
    static Stream<Arguments> issueExamples() {
        return Stream.of(
                Arguments.of("length(title) > 0", titleRow("title", "Norm"), "TRUE"),
                Arguments.of("length(title) > 0", titleRow("title", ""), "FALSE"),
                Arguments.of("length(title) > 0", titleRow("title", null), "NULL"),
                Arguments.of("rating NOT LIKE '%min'", titleRow("rating", "74 min"), "FALSE"),
                Arguments.of("rating NOT LIKE '%min'", titleRow("rating", "TV-MA"), "TRUE"),
                Arguments.of("rating NOT LIKE '%min'", titleRow("rating", null), "NULL"),
                Arguments.of("duration RLIKE '^[0-9]+ (min|Seasons?)$'", titleRow("duration", "90 min"), "TRUE"),
                Arguments.of("duration RLIKE '^[0-9]+ (min|Seasons?)$'", titleRow("duration", "1 Season"), "TRUE"),
                Arguments.of("duration RLIKE '^[0-9]+ (min|Seasons?)$'", titleRow("duration", "3 Seasons"), "TRUE"),
                Arguments.of("duration RLIKE '^[0-9]+ (min|Seasons?)$'", titleRow("duration", "90 minutes"), "FALSE"),
                Arguments.of("duration RLIKE '^[0-9]+ (min|Seasons?)$'", titleRow("duration", null), "NULL"),
                Arguments.of("CAST(release_year AS INT) <= year(current_date())", titleRow("release_year", "2026"), "TRUE"),
                Arguments.of("CAST(release_year AS INT) <= year(current_date())", titleRow("release_year", "2027"), "FALSE"),
                Arguments.of("CAST(release_year AS INT) <= year(current_date())", titleRow("release_year", "n/a"), "NULL"),
                Arguments.of("show_id IS NOT NULL AND (type = 'Movie' OR type = 'TV Show')", titleRow("type", "Movie"), "TRUE"),
                Arguments.of("show_id IS NOT NULL AND (type = 'Movie' OR type = 'TV Show')", titleRow("type", "Film"), "FALSE"),
                Arguments.of("show_id IS NOT NULL AND (type = 'Movie' OR type = 'TV Show')", titleRow("type", null), "NULL"),
                Arguments.of("NOT (type = 'Movie') OR show_id IS NULL", titleRow("type", null), "NULL"),
                Arguments.of("type IS NULL OR NOT (type = 'Movie')", titleRow("type", null), "TRUE"),
                Arguments.of("release_year BETWEEN 1900 AND 2025 AND NOT (rating LIKE '% min')", titleRow("release_year", "1899"), "FALSE"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("issueExamples")
    void shouldEvaluateTheIssuesExamples(String expression, Map<String, String> row, String expected) {
        ExpressionCompiler titles = new ExpressionCompiler(
                List.of("show_id", "type", "title", "release_year", "rating", "duration"), CLOCK);
        assertThat(render(titles.compile(expression).evaluate(row))).isEqualTo(expected);
    }

    private static Map<String, String> titleRow(String column, String value) {
        Map<String, String> row = new java.util.HashMap<>(Map.of("show_id", "s1", "type", "Movie", "title", "Norm",
                "release_year", "2019", "rating", "TV-PG", "duration", "90 min"));
        row.put(column, value);
        return row;
    }

    static Stream<Arguments> whitespaceAndNewlines() {
        return Stream.of(
                Arguments.of("trim(a) = 'x'", "  x  ", "TRUE"),
                Arguments.of("trim(a) = 'x'", "\tx", "FALSE"),
                Arguments.of("CAST(a AS INT) = 2000", " 2000 ", "TRUE"),
                Arguments.of("a LIKE 'x%'", "x\ny", "TRUE"),
                Arguments.of("a RLIKE '^y'", "x\ny", "FALSE"),
                Arguments.of("length(a) = 2", "\uD83C\uDFAC!", "TRUE"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("whitespaceAndNewlines")
    void shouldHandleWhitespaceNewlinesAndCodePoints(String expression, String value, String expected) {
        Map<String, String> row = new HashMap<>();
        row.put("a", value);
        assertThat(render(COMPILER.compile(expression).evaluate(row))).isEqualTo(expected);
    }

    @Test
    void shouldListTheColumnsAnExpressionReadsInOrderOfFirstUse() {
        assertThat(COMPILER.compile("b IS NULL OR (A = 'x' AND b <> a)").columns()).containsExactly("b", "a");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a BETWEEN 1 AND                 | syntax error at line 1, column 16: unexpected end of expression
            a IS NULL AND                   | syntax error at line 1, column
            a = 1 b = 2                     | syntax error at line 1, column 7: unexpected 'b'
            a = 'x                          | syntax error at line 1, column
            (a = 1                          | syntax error at line 1, column 7
            genre = 'x'                     | unknown column 'genre' (known columns: a, b, cast)
            soundex(a) = 'x'                | unsupported function soundex
            a IS TRUE                       | unsupported SQL construct 'a IS TRUE'
            a IN (SELECT a FROM t)          | unsupported IN with
            EXISTS (SELECT 1)               | unsupported SQL construct
            CASE WHEN a = 1 THEN TRUE END   | unsupported SQL construct
            CAST(a AS TIMESTAMP) IS NULL    | unsupported CAST to TIMESTAMP
            t.a = 'x'                       | unsupported qualified column name t.a
            a LIKE b                        | unsupported non-literal pattern
            a RLIKE '['                     | invalid regular expression '['
            a LIKE 'x\\'                    | ends with the escape character
            CAST(a AS DATE) > 5             | cannot compare DATE with NUMBER
            a                               | the expression is STRING, not a boolean condition
            length(a)                       | the expression is NUMBER, not a boolean condition
            a AND b = 'x'                   | 'a' is STRING where a boolean condition is needed
            year(1) = 1                     | year() needs a DATE or STRING
            lower(a, b) = 'x'               | lower() takes 1 argument, got 2
            """)
    void shouldRejectWhatItCannotCompile(String expression, String message) {
        assertThatThrownBy(() -> COMPILER.compile(expression))
                .isInstanceOf(SqlCompileException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldReportThePositionOfASyntaxError() {
        assertThatThrownBy(() -> COMPILER.compile("a BETWEEN 1 AND"))
                .isInstanceOfSatisfying(SqlCompileException.class, e -> {
                    assertThat(e.hasPosition()).isTrue();
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(16);
                });
    }

    @Test
    void shouldNotReparseWhenEvaluatingTheSameCompiledExpressionManyTimes() {
        CompiledExpression expression = COMPILER.compile("a IS NULL OR a NOT LIKE '% min'");
        long passes = 0;
        for (int i = 0; i < 10_000; i++) {
            if (Boolean.TRUE.equals(expression.evaluate(Map.of("a", (i % 10 == 0) ? i + " min" : "TV-MA")))) {
                passes++;
            }
        }
        assertThat(passes).isEqualTo(9_000);
    }

    private static Map<String, String> record(String spec) {
        Map<String, String> row = new HashMap<>();
        if (spec == null) {
            return row;
        }
        for (String pair : spec.split(";")) {
            int eq = pair.indexOf('=');
            String value = pair.substring(eq + 1);
            row.put(pair.substring(0, eq).strip(), value.equals("NULL") ? null : value);
        }
        return row;
    }

    private static String render(Boolean value) {
        return value == null ? "NULL" : value ? "TRUE" : "FALSE";
    }
}
