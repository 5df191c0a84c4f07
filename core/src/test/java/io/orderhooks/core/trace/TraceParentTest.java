package io.orderhooks.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void parsesTheSpecificationsExampleIntoItsFields() {
        TraceParent t = TraceParent.parse(VALID).orElseThrow();

        assertThat(t.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(t.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(t.sampled()).isTrue();
        assertThat(t.header()).isEqualTo(VALID);
    }

    @Test
    void toleratesSurroundingWhitespaceAndAFutureVersionWithMoreFields() {
        assertThat(TraceParent.parse("  " + VALID + " ")).isPresent();
        assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-extra"))
                .hasValueSatisfying(t -> assertThat(t.sampled()).isFalse());
    }

    @Test
    void refusesMalformedHeadersSoTheReceiverStartsANewTrace() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("")).isEmpty();
        assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).as("zero trace").isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).as("zero span").isEmpty();
        assertThat(TraceParent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).as("upper case").isEmpty();
        assertThat(TraceParent.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).as("version ff").isEmpty();
        assertThat(TraceParent.parse(VALID + "-extra")).as("version 00 with more fields").isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g")).as("bad flags").isEmpty();
        assertThat(TraceParent.parse("00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01")).as("separators").isEmpty();
    }

    @Test
    void aGeneratedTraceIsValidSampledAndNew() {
        TraceParent a = TraceParent.generate();
        TraceParent b = TraceParent.generate();

        assertThat(TraceParent.parse(a.header())).contains(a);
        assertThat(a.sampled()).isTrue();
        assertThat(a.traceId()).isNotEqualTo(b.traceId());
    }

    @Test
    void aChildKeepsTheTraceAndFlagsWithANewSpan() {
        TraceParent parent = TraceParent.parse(VALID).orElseThrow();
        TraceParent child = parent.child();

        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.flags()).isEqualTo(parent.flags());
        assertThat(child.spanId()).isNotEqualTo(parent.spanId()).hasSize(16);
    }

    @Test
    void theConstructorNamesAnInvalidField() {
        assertThatThrownBy(() -> new TraceParent("abc", "00f067aa0ba902b7", 1))
                .hasMessage("traceId must be 32 lower-case hex digits, not all zero, was abc");
        assertThatThrownBy(() -> new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "x", 1))
                .hasMessage("spanId must be 16 lower-case hex digits, not all zero, was x");
        assertThatThrownBy(() -> new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", 256))
                .hasMessage("flags must be 0 to 255, was 256");
    }
}
