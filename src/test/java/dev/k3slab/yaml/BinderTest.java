package dev.k3slab.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinderTest {

    private enum Colour { DARK_RED, BLUE }

    private final List<YamlProblem> problems = new ArrayList<>();
    private final Binder binder = new Binder(problems);

    private YamlNode read(String text) {
        return YamlReader.read("f.yaml", text, problems).orElseThrow();
    }

    private List<String> reported() {
        return problems.stream().map(YamlProblem::toString).toList();
    }

    @Test
    void unknownKeysAreReportedAtTheirLineWithTheAllowedKeys() {
        YamlNode root = read("name: a\ncolour: b\nsize: 3\n");

        binder.allowOnly(root, List.of("name", "size"));

        assertThat(reported()).containsExactly("f.yaml:2: colour: unknown key 'colour'; allowed keys here: name, size");
    }

    @Test
    void anUnknownKeyCloseToAnAllowedOneSuggestsIt() {
        YamlNode root = read("memroy: 1\nvm_name_prefix: x\nip: 1\n");

        binder.allowOnly(root, List.of("memory", "vm-name-prefix", "id"));

        assertThat(reported()).containsExactly(
                "f.yaml:1: memroy: unknown key 'memroy' (did you mean 'memory'?); allowed keys here: id, memory, vm-name-prefix",
                "f.yaml:2: vm_name_prefix: unknown key 'vm_name_prefix' (did you mean 'vm-name-prefix'?); allowed keys here: id, memory, vm-name-prefix",
                "f.yaml:3: ip: unknown key 'ip'; allowed keys here: id, memory, vm-name-prefix");
    }

    @Test
    void aMissingRequiredKeyIsReportedAtItsMapping() {
        YamlNode root = read("top: 1\nnode:\n  name: a\n");

        assertThat(binder.string(root.get("node").orElseThrow(), "ip", true)).isEmpty();
        assertThat(binder.string(root.get("node").orElseThrow(), "other", false)).isEmpty();

        assertThat(reported()).containsExactly("f.yaml:3: node: missing required key 'ip'");
    }

    @Test
    void numbersOutsideTheirRangeOrNotNumbersAreReported() {
        YamlNode root = read("a: 3\nb: 0\nc: two\nd: [1]\n");

        assertThat(binder.integer(root, "a", true, 1, 4)).contains(3);
        assertThat(binder.integer(root, "b", true, 1, 4)).isEmpty();
        assertThat(binder.integer(root, "c", true, 1, 4)).isEmpty();
        assertThat(binder.integer(root, "d", true, 1, 4)).isEmpty();

        assertThat(reported()).containsExactly(
                "f.yaml:2: b: expected a whole number from 1 to 4, found 0",
                "f.yaml:3: c: expected a whole number from 1 to 4, found 'two'",
                "f.yaml:4: d: expected a whole number from 1 to 4, found a list");
    }

    @Test
    void enumValuesAreWrittenInLowerCaseWithDashes() {
        YamlNode root = read("a: dark-red\nb: DARK_RED\n");

        assertThat(binder.enumValue(root, "a", true, Colour.class)).contains(Colour.DARK_RED);
        assertThat(binder.enumValue(root, "b", true, Colour.class)).isEmpty();

        assertThat(reported()).containsExactly("f.yaml:2: b: expected one of dark-red, blue; found 'DARK_RED'");
    }

    @Test
    void booleansAreOnlyTrueOrFalse() {
        YamlNode root = read("a: true\nb: yes\n");

        assertThat(binder.bool(root, "a", true)).contains(true);
        assertThat(binder.bool(root, "b", true)).isEmpty();

        assertThat(reported()).containsExactly("f.yaml:2: b: expected true or false, found 'yes'");
    }

    @Test
    void textListsAndMappingsAreCheckedForShape() {
        YamlNode root = read("a:\n  x: 1\nb: word\nc:\n");

        assertThat(binder.string(root, "a", true)).isEmpty();
        assertThat(binder.list(root, "b", true)).isEmpty();
        assertThat(binder.expectMapping(root.get("c").orElseThrow(), "settings")).isFalse();

        assertThat(reported()).containsExactly(
                "f.yaml:2: a: expected a text value, found a mapping",
                "f.yaml:3: b: expected a list, found 'word'",
                "f.yaml:4: c: expected settings (a mapping of key: value), found nothing");
    }
}
