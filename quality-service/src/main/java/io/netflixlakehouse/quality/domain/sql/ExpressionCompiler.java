package io.netflixlakehouse.quality.domain.sql;

import static io.netflixlakehouse.quality.domain.sql.SqlValues.castToString;
import static io.netflixlakehouse.quality.domain.sql.SqlValues.toNumber;

import io.netflixlakehouse.quality.domain.sql.SqlValues.Comparison;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.schema.Column;

/**
 * Parses a SQL boolean expression with JSqlParser and compiles it into an evaluator tree over records
 * of string values. Types are checked and regular expressions compiled here, once; evaluation never
 * parses. Semantics follow Spark SQL in non-ANSI mode (see the module README).
 */
public final class ExpressionCompiler {

    private static final Pattern LEXER_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private final Map<String, String> columnsByLowerName = new LinkedHashMap<>();
    private final Clock clock;

    /**
     * @param columns the dataset's known columns; expressions may read only these (case-insensitively)
     * @param clock the clock behind {@code current_date()}
     */
    public ExpressionCompiler(Collection<String> columns, Clock clock) {
        for (String column : columns) {
            columnsByLowerName.put(column.toLowerCase(Locale.ROOT), column);
        }
        this.clock = clock;
    }

    /** Parses and compiles a boolean expression; throws {@link SqlCompileException} when it cannot. */
    public CompiledExpression compile(String source) {
        Expression parsed = parse(source);
        Set<String> referenced = new LinkedHashSet<>();
        Typed typed;
        try {
            typed = new Compilation(referenced).compile(parsed);
        } catch (SqlCompileException e) {
            throw e.hasPosition() ? e : e.at(SourcePositions.locate(source, e.subject()));
        }
        if (typed.type() != SqlType.BOOLEAN) {
            throw new SqlCompileException("the expression is " + typed.type() + ", not a boolean condition").at(new int[] {1, 1});
        }
        return new CompiledExpression(source, new ArrayList<>(referenced), typed.evaluator());
    }

    static Expression parse(String source) {
        if (source == null || source.isBlank()) {
            throw new SqlCompileException("the expression is empty");
        }
        CCJSqlParser parser = CCJSqlParserUtil.newParser(source);
        Expression expression;
        try {
            expression = parser.Expression();
        } catch (ParseException e) {
            Token at = e.currentToken == null ? null : e.currentToken.next;
            if (at == null) {
                throw new SqlCompileException("syntax error: " + firstLine(e.getMessage()));
            }
            throw syntaxError(source, at);
        } catch (TokenMgrException e) {
            Matcher m = LEXER_POSITION.matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                throw new SqlCompileException("syntax error at line " + m.group(1) + ", column " + m.group(2)
                        + ": " + firstLine(e.getMessage()), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            throw new SqlCompileException("syntax error: " + firstLine(e.getMessage()));
        }
        Token next = parser.getToken(1);
        if (next != null && next.kind != CCJSqlParserConstants.EOF) {
            throw syntaxError(source, next);
        }
        return expression;
    }

    private static SqlCompileException syntaxError(String source, Token at) {
        if (at.kind == CCJSqlParserConstants.EOF) {
            // Report the position just past the text, where something was still expected.
            String[] lines = source.stripTrailing().split("\n", -1);
            int line = lines.length;
            int column = lines[lines.length - 1].length() + 1;
            return new SqlCompileException("syntax error at line " + line + ", column " + column
                    + ": unexpected end of expression", line, column);
        }
        return new SqlCompileException("syntax error at line " + at.beginLine + ", column " + at.beginColumn
                + ": unexpected '" + at.image + "'", at.beginLine, at.beginColumn);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    /** A compiled node and its static type. */
    private record Typed(SqlType type, SqlEvaluator evaluator) {
    }

    /** One compilation: collects the columns the expression reads. */
    private final class Compilation {

        private final Set<String> referenced;

        Compilation(Set<String> referenced) {
            this.referenced = referenced;
        }

        /** Compiles {@code e}; an error raised here names {@code e} (the innermost expression) as its subject. */
        Typed compile(Expression e) {
            try {
                return compileNode(e);
            } catch (SqlCompileException error) {
                throw error.subject() == null ? error.withSubject(String.valueOf(e)) : error;
            }
        }

        private Typed compileNode(Expression e) {
            if (e instanceof ParenthesedExpressionList<?> list) {
                if (list.size() != 1) {
                    throw unsupported("row value " + e);
                }
                return compile(list.get(0));
            }
            if (e instanceof AndExpression and) {
                return and(condition(and.getLeftExpression()), condition(and.getRightExpression()));
            }
            if (e instanceof OrExpression or) {
                return or(condition(or.getLeftExpression()), condition(or.getRightExpression()));
            }
            if (e instanceof NotExpression not) {
                return not(condition(not.getExpression()));
            }
            if (e instanceof IsNullExpression isNull) {
                SqlEvaluator operand = compile(isNull.getLeftExpression()).evaluator();
                boolean negated = isNull.isNot();
                return bool(row -> (operand.eval(row) == null) != negated);
            }
            if (e instanceof InExpression in) {
                return in(in);
            }
            if (e instanceof Between between) {
                Typed value = compile(between.getLeftExpression());
                Typed low = compile(between.getBetweenExpressionStart());
                Typed high = compile(between.getBetweenExpressionEnd());
                Typed inRange = and(compare(value, low, c -> c >= 0, e), compare(value, high, c -> c <= 0, e));
                return between.isNot() ? not(inRange) : inRange;
            }
            if (e instanceof LikeExpression like) {
                return like(like);
            }
            if (e instanceof EqualsTo eq) {
                return compare(eq, c -> c == 0);
            }
            if (e instanceof NotEqualsTo ne) {
                return compare(ne, c -> c != 0);
            }
            if (e instanceof GreaterThan gt) {
                return compare(gt, c -> c > 0);
            }
            if (e instanceof GreaterThanEquals ge) {
                return compare(ge, c -> c >= 0);
            }
            if (e instanceof MinorThan lt) {
                return compare(lt, c -> c < 0);
            }
            if (e instanceof MinorThanEquals le) {
                return compare(le, c -> c <= 0);
            }
            if (e instanceof Addition add) {
                return arithmetic(add, BigDecimal::add);
            }
            if (e instanceof Subtraction sub) {
                return arithmetic(sub, BigDecimal::subtract);
            }
            if (e instanceof Multiplication mul) {
                return arithmetic(mul, BigDecimal::multiply);
            }
            if (e instanceof Division div) {
                return arithmetic(div, (a, b) -> b.signum() == 0 ? null : a.divide(b, SqlValues.DIVISION));
            }
            if (e instanceof Modulo mod) {
                return arithmetic(mod, (a, b) -> b.signum() == 0 ? null : a.remainder(b));
            }
            if (e instanceof Concat concat) {
                SqlEvaluator left = compile(concat.getLeftExpression()).evaluator();
                SqlEvaluator right = compile(concat.getRightExpression()).evaluator();
                return new Typed(SqlType.STRING, row -> {
                    String l = castToString(left.eval(row));
                    String r = l == null ? null : castToString(right.eval(row));
                    return r == null ? null : l + r;
                });
            }
            if (e instanceof SignedExpression signed) {
                return signed(signed);
            }
            if (e instanceof StringValue s) {
                if (s.getPrefix() != null && !s.getPrefix().isEmpty()) {
                    throw unsupported("string literal prefix " + s.getPrefix() + " in " + e);
                }
                String value = s.getValue().replace("''", "'");
                return new Typed(SqlType.STRING, row -> value);
            }
            if (e instanceof LongValue l) {
                BigDecimal value = new BigDecimal(l.getStringValue());
                return new Typed(SqlType.NUMBER, row -> value);
            }
            if (e instanceof DoubleValue d) {
                BigDecimal value = new BigDecimal(d.toString());
                return new Typed(SqlType.NUMBER, row -> value);
            }
            if (e instanceof BooleanValue b) {
                Boolean value = b.getValue();
                return new Typed(SqlType.BOOLEAN, row -> value);
            }
            if (e instanceof NullValue) {
                return new Typed(SqlType.NULL, row -> null);
            }
            if (e instanceof Column column) {
                return column(column);
            }
            if (e instanceof CastExpression cast) {
                return cast(cast);
            }
            if (e instanceof TrimFunction trim) {
                if (trim.getTrimSpecification() != null || trim.getFromExpression() != null || trim.isUsingFromKeyword()) {
                    throw unsupported("form of TRIM in " + e + " (only trim(x) is supported)");
                }
                return stringFunction(compile(trim.getExpression()), ExpressionCompiler::trimSpaces);
            }
            if (e instanceof TimeKeyExpression key) {
                String name = key.getStringValue().toLowerCase(Locale.ROOT).replace("()", "").strip();
                if (!name.equals("current_date")) {
                    throw unsupported("function " + key.getStringValue());
                }
                return currentDate();
            }
            if (e instanceof Function function) {
                return function(function);
            }
            throw unsupported(describe(e));
        }

        private Typed condition(Expression e) {
            Typed typed = compile(e);
            if (typed.type() != SqlType.BOOLEAN && typed.type() != SqlType.NULL) {
                throw new SqlCompileException("'" + e + "' is " + typed.type() + " where a boolean condition is needed")
                        .withSubject(String.valueOf(e));
            }
            return typed;
        }

        private Typed and(Typed left, Typed right) {
            SqlEvaluator l = left.evaluator();
            SqlEvaluator r = right.evaluator();
            return bool(row -> {
                Boolean a = (Boolean) l.eval(row);
                if (Boolean.FALSE.equals(a)) {
                    return Boolean.FALSE;
                }
                Boolean b = (Boolean) r.eval(row);
                if (Boolean.FALSE.equals(b)) {
                    return Boolean.FALSE;
                }
                return a == null || b == null ? null : Boolean.TRUE;
            });
        }

        private Typed or(Typed left, Typed right) {
            SqlEvaluator l = left.evaluator();
            SqlEvaluator r = right.evaluator();
            return bool(row -> {
                Boolean a = (Boolean) l.eval(row);
                if (Boolean.TRUE.equals(a)) {
                    return Boolean.TRUE;
                }
                Boolean b = (Boolean) r.eval(row);
                if (Boolean.TRUE.equals(b)) {
                    return Boolean.TRUE;
                }
                return a == null || b == null ? null : Boolean.FALSE;
            });
        }

        private Typed not(Typed operand) {
            SqlEvaluator o = operand.evaluator();
            return bool(row -> Kleene.not((Boolean) o.eval(row)));
        }

        private Typed bool(SqlEvaluator evaluator) {
            return new Typed(SqlType.BOOLEAN, evaluator);
        }

        /** x IN (a, b) is x = a OR x = b: TRUE on a match, else NULL if x or any item is NULL, else FALSE. */
        private Typed in(InExpression in) {
            if (!(in.getRightExpression() instanceof ExpressionList<?> items) || items.isEmpty()) {
                throw unsupported("IN with " + in.getRightExpression() + " (only a list of values is supported)");
            }
            Typed value = compile(in.getLeftExpression());
            Typed result = null;
            for (Expression item : items) {
                Typed equals = compare(value, compile(item), c -> c == 0, in);
                result = result == null ? equals : or(result, equals);
            }
            return in.isNot() ? not(result) : result;
        }

        private Typed compare(BinaryExpression e, IntPredicate test) {
            return compare(compile(e.getLeftExpression()), compile(e.getRightExpression()), test, e);
        }

        private Typed compare(Typed left, Typed right, IntPredicate test, Expression context) {
            Comparison comparison = Comparison.of(left.type(), right.type());
            if (comparison == null) {
                throw new SqlCompileException("cannot compare " + left.type() + " with " + right.type() + " in '" + context + "'");
            }
            SqlEvaluator l = left.evaluator();
            SqlEvaluator r = right.evaluator();
            return bool(row -> Kleene.fromComparison(comparison.compare(l.eval(row), r.eval(row)), test));
        }

        private Typed like(LikeExpression like) {
            if (like.isUseBinary()) {
                throw unsupported("LIKE BINARY in " + like);
            }
            if (!(like.getRightExpression() instanceof StringValue patternLiteral)) {
                throw unsupported("non-literal pattern in '" + like + "' (the pattern must be a string literal)");
            }
            String patternText = patternLiteral.getValue().replace("''", "'");
            Pattern pattern;
            boolean wholeMatch;
            switch (like.getLikeKeyWord()) {
                case LIKE, ILIKE -> {
                    pattern = LikePatterns.compile(patternText, escapeCharacter(like), like.isCaseInsensitive()
                            || like.getLikeKeyWord() == LikeExpression.KeyWord.ILIKE);
                    wholeMatch = true;
                }
                case RLIKE, REGEXP, REGEXP_LIKE -> {
                    if (like.getEscape() != null) {
                        throw unsupported("ESCAPE with " + like.getLikeKeyWord() + " in '" + like + "'");
                    }
                    try {
                        pattern = Pattern.compile(patternText);
                    } catch (PatternSyntaxException ex) {
                        throw new SqlCompileException("invalid regular expression '" + patternText + "': " + ex.getDescription());
                    }
                    wholeMatch = false;
                }
                default -> throw unsupported("operator " + like.getLikeKeyWord() + " in '" + like + "'");
            }
            SqlEvaluator value = compile(like.getLeftExpression()).evaluator();
            boolean negated = like.isNot();
            return bool(row -> {
                String text = castToString(value.eval(row));
                if (text == null) {
                    return null;
                }
                Matcher m = pattern.matcher(text);
                return (wholeMatch ? m.matches() : m.find()) != negated;
            });
        }

        private char escapeCharacter(LikeExpression like) {
            Expression escape = like.getEscape();
            if (escape == null) {
                return '\\';
            }
            if (escape instanceof StringValue s && s.getValue().length() == 1) {
                return s.getValue().charAt(0);
            }
            throw new SqlCompileException("ESCAPE must be a single-character string literal in '" + like + "'");
        }

        private Typed arithmetic(BinaryExpression e, BinaryOperator<BigDecimal> operator) {
            SqlEvaluator l = numericOperand(e.getLeftExpression(), e);
            SqlEvaluator r = numericOperand(e.getRightExpression(), e);
            return new Typed(SqlType.NUMBER, row -> {
                BigDecimal a = toNumber(l.eval(row));
                if (a == null) {
                    return null;
                }
                BigDecimal b = toNumber(r.eval(row));
                return b == null ? null : operator.apply(a, b);
            });
        }

        private SqlEvaluator numericOperand(Expression operand, Expression context) {
            Typed typed = compile(operand);
            if (typed.type() == SqlType.BOOLEAN || typed.type() == SqlType.DATE) {
                throw new SqlCompileException("'" + operand + "' is " + typed.type() + ", not a number, in '" + context + "'")
                        .withSubject(String.valueOf(operand));
            }
            return typed.evaluator();
        }

        private Typed signed(SignedExpression signed) {
            SqlEvaluator operand = numericOperand(signed.getExpression(), signed);
            return switch (signed.getSign()) {
                case '-' -> new Typed(SqlType.NUMBER, row -> {
                    BigDecimal n = toNumber(operand.eval(row));
                    return n == null ? null : n.negate();
                });
                case '+' -> new Typed(SqlType.NUMBER, row -> toNumber(operand.eval(row)));
                default -> throw unsupported("operator " + signed.getSign() + " in '" + signed + "'");
            };
        }

        private Typed column(Column column) {
            if (column.getTable() != null && column.getTable().getName() != null) {
                throw unsupported("qualified column name " + column);
            }
            String name = unquote(column.getColumnName());
            String canonical = columnsByLowerName.get(name.toLowerCase(Locale.ROOT));
            if (canonical == null) {
                throw new SqlCompileException("unknown column '" + name + "' (known columns: "
                        + String.join(", ", columnsByLowerName.values()) + ")");
            }
            referenced.add(canonical);
            return new Typed(SqlType.STRING, row -> row.get(canonical));
        }

        private Typed cast(CastExpression cast) {
            String target = cast.getColDataType().getDataType().toUpperCase(Locale.ROOT);
            SqlEvaluator operand = compile(cast.getLeftExpression()).evaluator();
            return switch (target) {
                case "INT", "INTEGER" -> new Typed(SqlType.NUMBER, row -> SqlValues.castToInt(operand.eval(row)));
                case "BIGINT", "LONG" -> new Typed(SqlType.NUMBER, row -> SqlValues.castToBigint(operand.eval(row)));
                case "DOUBLE" -> new Typed(SqlType.NUMBER, row -> SqlValues.castToDouble(operand.eval(row)));
                case "STRING", "VARCHAR" -> new Typed(SqlType.STRING, row -> castToString(operand.eval(row)));
                case "DATE" -> new Typed(SqlType.DATE, row -> SqlValues.castToDate(operand.eval(row)));
                default -> throw unsupported("CAST to " + cast.getColDataType() + " (supported: INT, BIGINT, DOUBLE, STRING, DATE)");
            };
        }

        private Typed function(Function function) {
            String name = function.getName().toLowerCase(Locale.ROOT);
            if (function.isDistinct() || function.isAllColumns() || function.getNamedParameters() != null
                    || function.getKeep() != null || function.getOrderByElements() != null) {
                throw unsupported("form of function call " + function);
            }
            List<Expression> args = new ArrayList<>();
            if (function.getParameters() != null) {
                args.addAll(function.getParameters());
            }
            return switch (name) {
                case "length" -> {
                    Typed arg = single(function, args);
                    SqlEvaluator a = arg.evaluator();
                    yield new Typed(SqlType.NUMBER, row -> {
                        String s = castToString(a.eval(row));
                        return s == null ? null : BigDecimal.valueOf(s.codePointCount(0, s.length()));
                    });
                }
                case "lower" -> stringFunction(single(function, args), s -> s.toLowerCase(Locale.ROOT));
                case "upper" -> stringFunction(single(function, args), s -> s.toUpperCase(Locale.ROOT));
                case "trim" -> stringFunction(single(function, args), ExpressionCompiler::trimSpaces);
                case "year" -> {
                    Typed arg = single(function, args);
                    if (arg.type() == SqlType.NUMBER || arg.type() == SqlType.BOOLEAN) {
                        throw new SqlCompileException("year() needs a DATE or STRING, not " + arg.type() + ", in '" + function + "'");
                    }
                    SqlEvaluator a = arg.evaluator();
                    yield new Typed(SqlType.NUMBER, row -> {
                        LocalDate date = SqlValues.castToDate(a.eval(row));
                        return date == null ? null : BigDecimal.valueOf(date.getYear());
                    });
                }
                case "current_date" -> {
                    if (!args.isEmpty()) {
                        throw new SqlCompileException("current_date() takes no arguments, in '" + function + "'");
                    }
                    yield currentDate();
                }
                case "coalesce" -> coalesce(function, args);
                default -> throw unsupported("function " + function.getName()
                        + " (supported: length, lower, upper, trim, coalesce, year, current_date)");
            };
        }

        private Typed single(Function function, List<Expression> args) {
            if (args.size() != 1) {
                throw new SqlCompileException(function.getName() + "() takes 1 argument, got " + args.size() + ", in '" + function + "'");
            }
            return compile(args.get(0));
        }

        private Typed stringFunction(Typed arg, UnaryOperator<String> f) {
            SqlEvaluator a = arg.evaluator();
            return new Typed(SqlType.STRING, row -> {
                String s = castToString(a.eval(row));
                return s == null ? null : f.apply(s);
            });
        }

        private Typed currentDate() {
            return new Typed(SqlType.DATE, row -> LocalDate.now(clock));
        }

        /** The first non-NULL argument; arguments of mixed types are compared and returned as strings. */
        private Typed coalesce(Function function, List<Expression> args) {
            if (args.isEmpty()) {
                throw new SqlCompileException("coalesce() needs at least 1 argument, in '" + function + "'");
            }
            List<Typed> typed = args.stream().map(this::compile).toList();
            Set<SqlType> types = nonNullTypes(typed);
            SqlType type = types.isEmpty() ? SqlType.NULL : types.size() == 1 ? types.iterator().next() : SqlType.STRING;
            SqlEvaluator[] evaluators = typed.stream().map(Typed::evaluator).toArray(SqlEvaluator[]::new);
            boolean asString = types.size() > 1;
            return new Typed(type, row -> {
                for (SqlEvaluator evaluator : evaluators) {
                    Object value = evaluator.eval(row);
                    if (value != null) {
                        return asString ? castToString(value) : value;
                    }
                }
                return null;
            });
        }

        private SqlCompileException unsupported(String what) {
            return new SqlCompileException("unsupported " + what);
        }
    }

    /** Spark's trim removes space characters only. */
    private static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String unquote(String name) {
        if (name.length() >= 2) {
            char first = name.charAt(0);
            char last = name.charAt(name.length() - 1);
            if ((first == '`' && last == '`') || (first == '"' && last == '"') || (first == '[' && last == ']')) {
                return name.substring(1, name.length() - 1);
            }
        }
        return name;
    }

    private static String describe(Expression e) {
        String kind = e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return "SQL construct '" + e + "' (" + kind + ")";
    }

    private static Set<SqlType> nonNullTypes(List<Typed> typed) {
        Set<SqlType> types = EnumSet.noneOf(SqlType.class);
        for (Typed t : typed) {
            if (t.type() != SqlType.NULL) {
                types.add(t.type());
            }
        }
        return types;
    }
}
