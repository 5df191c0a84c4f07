package io.orderhooks.engine.internal.catalog;

import io.orderhooks.core.model.LineItemSpec;
import java.math.BigDecimal;

/** A resolved spec choice of a line: the spec, the option (or open text) and its markup. */
public record SpecChoice(String specID, String name, String optionID, String value, String priceMarkupType, BigDecimal priceMarkup) {

    public LineItemSpec toLineItemSpec() {
        return new LineItemSpec(specID, name, optionID, value, priceMarkupType, priceMarkup);
    }
}
