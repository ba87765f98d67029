package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input cannot crash a parser: random text and mutated recordings (characters dropped,
 * doubled, swapped, shuffled, lines cut, numbers blown up, odd characters put in) reach every
 * parser, and the only exception allowed out is the documented ParseException.
 */
class ParserFuzzProperties {
    private static final List<Function<String, Object>> PARSERS = List.of(
            Parsers::kubectlNodes, t -> Parsers.kubectlNodes(t, Instant.EPOCH), Parsers::apiserverRefused,
            Parsers::etcdMembers, Parsers::endpointStatus, Parsers::endpointFailure, Parsers::endpointHealth,
            Parsers::ls, Parsers::lsMissing, t -> Parsers.dbLayout(Parsers.ls(t), Parsers.ls(t)),
            Parsers::unit, t -> Parsers.unit(t).joinFlags(Parsers.envFile(t)), Parsers::envFile,
            Parsers::nodeToken, Parsers::installInfo, Parsers::ageLowerBound);
    private static final List<String> FIXTURES = Fixtures.all();
    private static final String NASTY = "|+-= \t\n\r:,'\"\\{}[]#.<>0123456789abcdefx\u0000\u202e\u00e9\uD800\uDC00😀";

    /** Runs every parser; anything but a well-formed ParseException fails the property. */
    private static void onlyParseExceptions(String text) {
        for (Function<String, Object> parser : PARSERS) {
            try {
                parser.apply(text);
            } catch (ParseException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                assertThat(expected.format()).isNotBlank();
                assertThat(expected.lineNumber()).isBetween(0, text.length() + 1);
            }
        }
    }

    @Property(tries = 400)
    void randomTextCannotCrashAParser(@ForAll("noise") String text) {
        onlyParseExceptions(text);
    }

    @Property(tries = 1500)
    void mutatedRecordingsCannotCrashAParser(@ForAll("mutatedRecordings") String text) {
        onlyParseExceptions(text);
    }

    @Example
    void deeplyNestedOrHugeJsonIsAParseError() {
        onlyParseExceptions("[".repeat(5000));
        onlyParseExceptions("{\"members\":[{\"ID\":" + "9".repeat(5000) + "}]}");
        onlyParseExceptions("{\"kind\":\"List\",\"items\":[" + "{\"metadata\":{\"name\":1}},".repeat(3) + "{}]}");
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(NASTY.toCharArray()).ofMaxLength(300),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars(NASTY.toCharArray()).ofMaxLength(200).map(s -> "NAME STATUS ROLES AGE VERSION\n" + s),
                Arbitraries.strings().withChars(NASTY.toCharArray()).ofMaxLength(200).map(s -> "+--+--+\n| ID | X |\n+--+--+\n" + s));
    }

    @Provide
    Arbitrary<String> mutatedRecordings() {
        return Combinators.combine(Arbitraries.of(FIXTURES), Arbitraries.longs())
                .as((fixture, seed) -> mutate(Fixtures.read(fixture), new Random(seed)));
    }

    private static String mutate(String text, Random r) {
        StringBuilder sb = new StringBuilder(text);
        int mutations = 1 + r.nextInt(4);
        for (int m = 0; m < mutations && sb.length() > 0; m++) {
            int at = r.nextInt(sb.length());
            int len = Math.min(1 + r.nextInt(10), sb.length() - at);
            switch (r.nextInt(10)) {
                case 0 -> sb.delete(at, at + len);
                case 1 -> sb.insert(at, sb.substring(at, at + len));
                case 2 -> {
                    if (at + 1 < sb.length()) {
                        char c = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(at + 1));
                        sb.setCharAt(at + 1, c);
                    }
                }
                case 3 -> sb.insert(at, NASTY.charAt(r.nextInt(NASTY.length())));
                case 4 -> sb.setLength(at);
                case 5 -> sb.replace(0, sb.length(), withLines(sb.toString(), r, lines -> shuffleOne(lines, r)));
                case 6 -> sb.replace(0, sb.length(), withLines(sb.toString(), r, lines -> lines.remove(r.nextInt(lines.size()))));
                case 7 -> sb.replace(0, sb.length(), withLines(sb.toString(), r, lines -> lines.add(r.nextInt(lines.size()), lines.get(r.nextInt(lines.size())))));
                case 8 -> sb.replace(0, sb.length(), sb.toString().replaceFirst("\\d+", "99999999999999999999999"));
                default -> sb.insert(at, r.nextBoolean() ? "  " : "\t");
            }
        }
        return sb.toString();
    }

    private static String withLines(String text, Random r, java.util.function.Consumer<List<String>> change) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty()) {
            change.accept(lines);
        }
        return String.join("\n", lines);
    }

    private static void shuffleOne(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        List<String> chars = new ArrayList<>(Arrays.asList(lines.get(i).split("")));
        Collections.shuffle(chars, r);
        lines.set(i, String.join("", chars));
    }

    @Example
    void everyParserIsFedSomethingItCanRead() {
        // Guards the property above against a parser that rejects everything: each reads a recording.
        assertThat(Parsers.kubectlNodes(Fixtures.read("kubectl/exp1-cp1-wide.txt"))).isNotEmpty();
        assertThat(Parsers.unit(Fixtures.read("systemd/exp1-cp1-k3s.service.txt")).joinFlags(Map.of()).none()).isTrue();
        assertThat(Parsers.ls(Fixtures.read("ls/exp1-cp1-db.txt"))).isNotEmpty();
    }
}
