package io.orderhooks.core.json;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Hand-written fast paths for the date-times on every payload, producing exactly what the
 * {@code java.time} formatters in {@link OrderCloudJson} do for the common shapes and declining (null / false)
 * for anything else, so the caller falls back to the formatter: {@link #parse} reads
 * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|±HH:MM]} (no offset = UTC); {@link #format} writes years 0000–9999 with
 * offsets in whole minutes. Stateless and thread-safe.
 */
final class IsoDateTimes {

    /** The longest text {@link #format} writes: {@code 2024-09-06T16:33:44.123456789+00:00}. */
    static final int MAX_LENGTH = 35;

    private IsoDateTimes() {}

    /** {@code text} as a date-time, or null when it is not of the fast shape or not a valid date-time. */
    static OffsetDateTime parse(String text) {
        int n = text.length();
        if (n < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (i < n && text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(text.charAt(i))) {
                nano = nano * 10 + (text.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || (i < n && isDigit(text.charAt(i)))) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nano *= 10;
            }
        }
        ZoneOffset offset = offset(text, i);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    private static ZoneOffset offset(String text, int i) {
        int n = text.length();
        if (i == n) {
            return ZoneOffset.UTC;
        }
        char c = text.charAt(i);
        if (c == 'Z' && i + 1 == n) {
            return ZoneOffset.UTC;
        }
        if ((c != '+' && c != '-') || i + 6 != n || text.charAt(i + 3) != ':') {
            return null;
        }
        int hours = digits(text, i + 1, 2);
        int minutes = digits(text, i + 4, 2);
        if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        int seconds = hours * 3600 + minutes * 60;
        try {
            return ZoneOffset.ofTotalSeconds(c == '-' ? -seconds : seconds);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /**
     * Writes {@code value} as {@link OrderCloudJson#DATE_TIME} would into {@code out} (at least
     * {@link #MAX_LENGTH} long) and answers the length, or -1 when it needs the formatter.
     */
    static int format(OffsetDateTime value, char[] out) {
        int year = value.getYear();
        int offsetSeconds = value.getOffset().getTotalSeconds();
        if (year < 0 || year > 9999 || offsetSeconds % 60 != 0) {
            return -1;
        }
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, value.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, value.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, value.getHour(), 2);
        out[13] = ':';
        put(out, 14, value.getMinute(), 2);
        out[16] = ':';
        put(out, 17, value.getSecond(), 2);
        int i = 19;
        int ticks = value.getNano() / 100; // at most 7 fractional digits, cut off like OrderCloud (and DATE_TIME)
        if (ticks != 0) {
            out[i++] = '.';
            put(out, i, ticks, 7);
            i += 7;
            while (out[i - 1] == '0') {
                i--;
            }
        }
        out[i++] = offsetSeconds < 0 ? '-' : '+';
        int minutes = Math.abs(offsetSeconds) / 60;
        put(out, i, minutes / 60, 2);
        out[i + 2] = ':';
        put(out, i + 3, minutes % 60, 2);
        return i + 5;
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            out[k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int digits(String text, int at, int count) {
        int value = 0;
        for (int k = at; k < at + count; k++) {
            char c = text.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
