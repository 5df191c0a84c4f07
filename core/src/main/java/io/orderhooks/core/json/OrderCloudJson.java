package io.orderhooks.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JacksonStdImpl;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.function.UnaryOperator;

/**
 * The one JSON configuration used everywhere in orderhooks.
 *
 * <ul>
 *   <li>Property names are OrderCloud's PascalCase (models also name each property explicitly).
 *   <li>Unknown properties are tolerated on read.
 *   <li>Free JSON ({@code xp}, {@code ConfigData}, {@code Body}) is kept verbatim as a tree: decimals are
 *       read as {@link java.math.BigDecimal} with their scale, so nothing near money ever passes through
 *       binary floating point.
 *   <li>Dates are ISO-8601 with an offset ({@code 2021-04-04T19:41:39.6504645+00:00}); on read a missing
 *       offset means UTC and a space may stand for the {@code T}, as in OrderCloud's own examples.
 *   <li>The input policy of {@link JsonLimits}: bounded depth, number and string lengths (reading and
 *       writing agree), no trailing content, no coercion of {@code 1.5} or {@code "5"} into integers.
 *   <li>Property access goes through Jackson's Blackbird module (generated lambdas instead of reflection).
 * </ul>
 *
 * <p>The shared instance is thread-safe and must not be reconfigured; call {@link #newMapper()} for a copy
 * to change.
 */
public final class OrderCloudJson {

    /**
     * Writes {@code +00:00} rather than {@code Z} and at most 7 fractional-second digits (100 ns ticks, finer
     * digits truncated; none when the fraction is zero), as OrderCloud does; the JDK clock can carry 9.
     */
    public static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 7, true)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();

    private static final DateTimeFormatter LENIENT_LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter();

    private static final ObjectMapper SHARED = newMapper();
    private static final ObjectMapper REQUESTS = build(JsonLimits.MAX_REQUEST_DEPTH, UnaryOperator.identity());

    private OrderCloudJson() {}

    /** The shared, fully configured mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /**
     * The shared mapper's configuration with the stricter {@link JsonLimits#MAX_REQUEST_DEPTH}, for request
     * bodies from callers of the engine's API: whatever it accepts fits in every envelope the engine writes.
     */
    public static ObjectMapper requestMapper() {
        return REQUESTS;
    }

    /** A new mapper with the orderhooks configuration, for callers that need to add to it. */
    public static ObjectMapper newMapper() {
        return build(JsonLimits.MAX_DOCUMENT_DEPTH, UnaryOperator.identity());
    }

    /**
     * A new mapper with the orderhooks configuration over the factory {@code factory} makes of the configured one
     * (e.g. a subclass built from it, which must keep its features and limits and override {@code copy()}).
     */
    public static ObjectMapper newMapper(UnaryOperator<JsonFactory> factory) {
        return build(JsonLimits.MAX_DOCUMENT_DEPTH, factory);
    }

    private static ObjectMapper build(int readDepth, UnaryOperator<JsonFactory> factoryOf) {
        SimpleModule dates = new SimpleModule("orderhooks-dates");
        dates.addSerializer(OffsetDateTime.class, new OffsetDateTimeSerializer());
        dates.addDeserializer(OffsetDateTime.class, new OffsetDateTimeDeserializer());
        dates.addDeserializer(java.math.BigDecimal.class, new BoundedNumbers.Decimals());
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(readDepth)
                        .maxNumberLength(JsonLimits.MAX_NUMBER_LENGTH)
                        .maxStringLength(JsonLimits.MAX_STRING_LENGTH).build())
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(JsonLimits.MAX_DOCUMENT_DEPTH).build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factoryOf.apply(factory))
                .nodeFactory(new BoundedNumbers.NodeFactory())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(new JavaTimeModule())
                .addModule(dates)
                .addModule(new BlackbirdModule())
                .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
        refuseCoercion(mapper);
        return mapper;
    }

    /** Integers must be JSON integers, decimals JSON numbers, booleans JSON booleans: no text or float stand-ins. */
    private static void refuseCoercion(JsonMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    /** {@code value} as OrderCloud writes it: {@link #DATE_TIME} of the value truncated to 100 ns ticks. */
    public static String formatDateTime(OffsetDateTime value) {
        OffsetDateTime ticks = truncatedToTicks(value);
        char[] text = new char[IsoDateTimes.MAX_LENGTH];
        int length = IsoDateTimes.format(ticks, text);
        return length < 0 ? DATE_TIME.format(ticks) : new String(text, 0, length);
    }

    /** OrderCloud writes at most 7 fractional-second digits: finer digits are cut off. */
    private static OffsetDateTime truncatedToTicks(OffsetDateTime value) {
        int nano = value.getNano();
        return nano % 100 == 0 ? value : value.withNano(nano / 100 * 100);
    }

    /** Parses an ISO-8601 date-time leniently (see class doc); {@code null} for blank input. */
    public static OffsetDateTime parseDateTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.trim();
        OffsetDateTime fast = IsoDateTimes.parse(s);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException offsetMissing) {
            try {
                return LocalDateTime.parse(s, LENIENT_LOCAL).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException noTime) {
                return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
        }
    }

    /**
     * Marked as one of Jackson's standard serializers: Blackbird (above) reads a property through its generated
     * accessor only when the property's serializer is standard, and otherwise falls back to reflection
     * ({@code Method.invoke}) for that property on every write, so that every date-time property of every model
     * was read reflectively. The mark changes nothing else for a scalar type's serializer.
     */
    @JacksonStdImpl
    private static final class OffsetDateTimeSerializer extends JsonSerializer<OffsetDateTime> {
        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            OffsetDateTime ticks = truncatedToTicks(value);
            char[] text = new char[IsoDateTimes.MAX_LENGTH];
            int length = IsoDateTimes.format(ticks, text);
            if (length < 0) {
                gen.writeString(DATE_TIME.format(ticks));
            } else {
                gen.writeString(text, 0, length);
            }
        }
    }

    private static final class OffsetDateTimeDeserializer extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return parseDateTime(text);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text,
                        "not an ISO-8601 date-time (expected e.g. 2024-09-06T16:33:44.480+00:00)");
            }
        }
    }
}
