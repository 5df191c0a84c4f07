package io.orderhooks.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoDateTimesTest {

    @Test
    void formatsExactlyAsTheFormatterDoesForRandomDateTimesAndOffsets() {
        Random random = new Random(42);
        char[] out = new char[IsoDateTimes.MAX_LENGTH];
        for (int i = 0; i < 20_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000_000);
                default -> 650_464_500;
            };
            int hours = random.nextInt(35) - 17;
            int minutes = i % 3 == 0 ? 0 : 30;
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(hours * 3600 + (hours < 0 ? -minutes : minutes) * 60);
            OffsetDateTime value = OffsetDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), nano, offset);
            int length = IsoDateTimes.format(value, out);
            // the writers hand over values cut to 100 ns ticks (at most 7 fractional digits), as OrderCloud writes
            assertThat(new String(out, 0, length))
                    .isEqualTo(OrderCloudJson.DATE_TIME.format(value.withNano(nano / 100 * 100)))
                    .isEqualTo(OrderCloudJson.formatDateTime(value));
            assertThat(IsoDateTimes.parse(new String(out, 0, length))).isEqualTo(value.withNano(nano / 100 * 100));
        }
    }

    @Test
    void declinesToFormatWhatOnlyTheFormatterWrites() {
        char[] out = new char[IsoDateTimes.MAX_LENGTH];
        assertThat(IsoDateTimes.format(OffsetDateTime.of(12_345, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), out)).isEqualTo(-1);
        assertThat(IsoDateTimes.format(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofTotalSeconds(3601)), out))
                .isEqualTo(-1);
    }

    @Test
    void parsesTheCommonShapesLikeTheLenientParser() {
        for (String text : List.of("2021-04-04T19:41:39.6504645+00:00", "2024-09-06T16:33:44.480+00:00",
                "2024-09-06T16:33:44Z", "2024-09-06T16:33:44", "2024-09-06T16:33:44.123456789-05:30",
                "2024-02-29T00:00:00+14:00", "2024-09-06T16:33:44.1-00:00")) {
            OffsetDateTime fast = IsoDateTimes.parse(text);
            assertThat(fast).as(text).isNotNull();
            assertThat(fast).as(text).isEqualTo(slowParse(text));
        }
    }

    @Test
    void declinesToParseEverythingElseSoTheLenientParserDecides() {
        for (String text : List.of("2024-09-06", "2024-09-06 16:33:44", "2024-09-06T16:33Z", "2024-09-06t16:33:44z",
                "2024-02-30T00:00:00Z", "2024-09-06T24:00:00Z", "2024-09-06T16:33:44.Z", "2024-09-06T16:33:44.1234567890Z",
                "2024-09-06T16:33:44+01:00:30", "2024-09-06T16:33:44+19:00", "2024-09-06T16:33:44+0100",
                "+12024-09-06T16:33:44Z", "2024-9-06T16:33:44Z")) {
            assertThat(IsoDateTimes.parse(text)).as(text).isNull();
        }
    }

    private static OffsetDateTime slowParse(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (RuntimeException noOffset) {
            return java.time.LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
        }
    }
}
