package io.orderhooks.events.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.ByteSourceJsonBootstrapper;
import java.io.IOException;

/**
 * A {@link JsonFactory} whose byte parsers share the factory's field-name table while it stays small, and stop
 * canonicalizing names (each name a new string, nothing added to the table) once it holds more than
 * {@code maxSharedNames} names; the switch is made once and kept.
 *
 * <p>Why: Jackson's shared table is copy-on-write. For bodies with a fixed set of names (the checkout models'
 * properties, usual {@code xp} fields) it fills once and every later look-up is a hit, the cheapest way to bind.
 * Bodies whose names change from call to call ({@code xp} keyed by line-item IDs, as the tax adapter's
 * {@code xp.Tax.LineTaxes} is in every submit worksheet after a calculate) make each parse copy the whole table to
 * add its new names, and intern them, until Jackson empties the table at 6,000 names and starts again: for a 20-line
 * worksheet ~1.2 times the CPU and three times the allocation of a bind without the table
 * ({@code docs/PERFORMANCE.md}). A table that keeps growing past the
 * bound is taken as such traffic. Character sources ({@code String}, {@code Reader}) and streams are unchanged.
 */
public final class BoundedNamesFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    /** Names the checkout payloads' models and a merchant's own {@code xp} fields fit in with room to spare. */
    public static final int DEFAULT_MAX_SHARED_NAMES = 1_000;

    private final int maxSharedNames;
    private volatile boolean sharing = true;

    /** A factory with {@code configured}'s features and limits and {@link #DEFAULT_MAX_SHARED_NAMES}. */
    public BoundedNamesFactory(JsonFactory configured) {
        this(configured, DEFAULT_MAX_SHARED_NAMES);
    }

    /** A factory with {@code configured}'s features and limits, sharing at most {@code maxSharedNames} names. */
    public BoundedNamesFactory(JsonFactory configured, int maxSharedNames) {
        super(configured, null);
        this.maxSharedNames = maxSharedNames;
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        if (sharing()) {
            return super._createParser(data, offset, len, ctxt);
        }
        _streamReadConstraints.validateDocumentLength(len);
        return new ByteSourceJsonBootstrapper(ctxt, data, offset, len).constructParser(_parserFeatures,
                _objectCodec, _byteSymbolCanonicalizer, _rootCharSymbols,
                _factoryFeatures & ~Feature.CANONICALIZE_FIELD_NAMES.getMask());
    }

    /** Whether byte parsers still share the table: true until it has once held more than the bound. */
    public boolean sharing() {
        if (sharing && _byteSymbolCanonicalizer.size() > maxSharedNames) {
            sharing = false;
        }
        return sharing;
    }

    @Override
    public JsonFactory copy() {
        return new BoundedNamesFactory(this, maxSharedNames);
    }
}
