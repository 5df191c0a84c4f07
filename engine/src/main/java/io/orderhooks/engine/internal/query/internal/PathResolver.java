package io.orderhooks.engine.internal.query.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Checks dotted paths against a {@link TypeModel}: each segment must name a (non-hidden) JSON property,
 * matched ignoring case and returned in its wire spelling; anything below a free-JSON property
 * ({@code xp}) is allowed and kept verbatim (JSON keys are case-sensitive). Immutable.
 */
public final class PathResolver {

    private final TypeModel root;
    private final Set<String> hiddenLowerNames;

    public PathResolver(TypeModel root, Set<String> hiddenNames) {
        this.root = root;
        this.hiddenLowerNames = hiddenNames.stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public TypeModel root() {
        return root;
    }

    /** The resolved path, or null when it names no property. */
    public ResolvedPath resolve(String dottedPath) {
        if (dottedPath == null || dottedPath.isEmpty()) {
            return null;
        }
        String[] segments = dottedPath.split("\\.", -1);
        TypeModel model = root;
        StringBuilder canonical = new StringBuilder(dottedPath.length());
        boolean list = false;
        for (int i = 0; i < segments.length; i++) {
            TypeModel.Prop prop = model.propertyIgnoreCase(segments[i]);
            if (prop == null || hiddenLowerNames.contains(prop.name().toLowerCase(Locale.ROOT))) {
                return null;
            }
            canonical.append(i == 0 ? "" : ".").append(prop.name());
            list |= prop.isList();
            if (i == segments.length - 1) {
                return new ResolvedPath(canonical.toString(), prop.kind(), list);
            }
            if (prop.kind() == ValueKind.JSON) {
                for (int j = i + 1; j < segments.length; j++) {
                    if (segments[j].isEmpty()) {
                        return null;
                    }
                    canonical.append('.').append(segments[j]);
                }
                return new ResolvedPath(canonical.toString(), ValueKind.JSON, list);
            }
            if (prop.kind() != ValueKind.OBJECT) {
                return null;
            }
            model = prop.nested();
        }
        return null;
    }
}
