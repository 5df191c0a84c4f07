package io.orderhooks.engine.internal.query.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {

    static Glob glob(String pattern) {
        return new Glob(pattern.split("\\*", -1));
    }

    @Test
    void matchesPrefixSuffixAndInfixIgnoringCase() {
        assertThat(glob("John*").matches("johnson")).isTrue();
        assertThat(glob("John*").matches("Jon")).isFalse();
        assertThat(glob("*Smith").matches("Ann SMITH")).isTrue();
        assertThat(glob("*Smith").matches("Smithers")).isFalse();
        assertThat(glob("*oh*").matches("oh")).isTrue();
        assertThat(glob("*oh*").matches("Carl Johnson")).isTrue();
        assertThat(glob("*oh*").matches("Carl")).isFalse();
    }

    @Test
    void partsMustNotOverlap() {
        assertThat(glob("ab*ba").matches("aba")).isFalse();
        assertThat(glob("ab*ba").matches("abba")).isTrue();
        assertThat(glob("a*b*c").matches("a-c-b")).isFalse();
        assertThat(glob("a*b*c").matches("a-b-c")).isTrue();
        assertThat(glob("a*b*b*c").matches("abc")).isFalse();
    }

    @Test
    void aLoneStarMatchesAnythingIncludingEmpty() {
        assertThat(glob("*").matches("")).isTrue();
        assertThat(glob("**").matches("x")).isTrue();
    }

    @Test
    void containsIsASubstringTest() {
        assertThat(Glob.contains("*gift*").matches("needs *GIFT* wrap")).isTrue();
        assertThat(Glob.contains("*gift*").matches("needs gift wrap")).isFalse();
    }

    @Test
    void aPatternWithoutWildcardIsRejected() {
        assertThatThrownBy(() -> new Glob(new String[] {"x"})).isInstanceOf(IllegalArgumentException.class);
    }
}
