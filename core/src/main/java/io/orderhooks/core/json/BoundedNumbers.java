package io.orderhooks.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Enforces {@link JsonLimits#MAX_NUMBER_LENGTH} on numbers as they are read: in free JSON trees (a node
 * factory) and in typed {@code BigDecimal} properties (a deserializer), so a value such as {@code 1e10000},
 * which could never be written back in plain notation, is refused at read time.
 */
final class BoundedNumbers {

    private BoundedNumbers() {}

    static String message(Object value) {
        return "Number " + value + " is out of range: at most " + JsonLimits.MAX_NUMBER_LENGTH
                + " characters in plain notation";
    }

    /** Tree nodes: an oversize number fails the read (Jackson adds the property path where it can). */
    static final class NodeFactory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        NodeFactory() {
            super(true);
        }

        @Override
        public ValueNode numberNode(BigDecimal v) {
            if (v != null && !JsonLimits.fits(v)) {
                throw BoundedNumbers.<RuntimeException>sneaky(new StreamConstraintsException(message(v)));
            }
            return super.numberNode(v);
        }

        @Override
        public ValueNode numberNode(BigInteger v) {
            if (v != null && !JsonLimits.fits(v)) {
                throw BoundedNumbers.<RuntimeException>sneaky(new StreamConstraintsException(message(v)));
            }
            return super.numberNode(v);
        }
    }

    /** Typed decimal properties (money): an oversize number is a mapping error naming the property. */
    static final class Decimals extends NumberDeserializers.BigDecimalDeserializer {
        private static final long serialVersionUID = 1L;

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = super.deserialize(p, ctxt);
            if (value != null && !JsonLimits.fits(value)) {
                throw InvalidFormatException.from(p, message(value), value, BigDecimal.class);
            }
            return value;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
