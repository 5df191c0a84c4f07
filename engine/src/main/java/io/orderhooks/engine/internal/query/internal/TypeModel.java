package io.orderhooks.engine.internal.query.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.util.NameTransformer;
import io.orderhooks.core.json.OrderCloudJson;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON properties of one Java type as {@link OrderCloudJson#mapper()} serializes them, each with its
 * wire name, {@link ValueKind} and getter. Built once per class (cached) and shared by the schema (which
 * validates paths) and the record reader (which reads them), so both always agree.
 *
 * <p>A {@code @JsonUnwrapped} property is flattened as Jackson writes it: it contributes its type's properties at
 * the same level (renamed by the annotation's prefix/suffix), each read through the outer getter then the inner
 * one; a null unwrapped value reads as missing (null). When names clash, the later property wins, as a JSON tree
 * read from the serialized object would.
 */
public final class TypeModel {

    private static final ClassValue<TypeModel> CACHE = new ClassValue<>() {
        @Override
        protected TypeModel computeValue(Class<?> type) {
            return new TypeModel(type);
        }
    };

    private final Class<?> type;
    private final Map<String, Prop> byName;
    private final Map<String, Prop> byLowerName;

    private TypeModel(Class<?> type) {
        this.type = type;
        ObjectMapper mapper = OrderCloudJson.mapper();
        JavaType javaType = mapper.constructType(type);
        BeanDescription description = mapper.getSerializationConfig().introspect(javaType);
        AnnotationIntrospector annotations = mapper.getSerializationConfig().getAnnotationIntrospector();
        Map<String, Prop> props = new LinkedHashMap<>();
        for (BeanPropertyDefinition definition : description.findProperties()) {
            AnnotatedMember accessor = definition.getAccessor();
            if (accessor == null) {
                continue;
            }
            Prop prop = new Prop(definition.getName(), accessor.getType(), accessor.getMember());
            NameTransformer unwrapping = annotations == null ? null : annotations.findUnwrappingNameTransformer(accessor);
            if (unwrapping != null && prop.kind == ValueKind.OBJECT && !prop.list) {
                for (Prop inner : prop.nested().byName.values()) {
                    String name = unwrapping.transform(inner.name);
                    props.remove(name);
                    props.put(name, new Prop(name, prop, inner));
                }
            } else {
                props.remove(prop.name);
                props.put(prop.name, prop);
            }
        }
        Map<String, Prop> lower = new LinkedHashMap<>();
        props.values().forEach(p -> lower.putIfAbsent(p.name.toLowerCase(Locale.ROOT), p));
        this.byName = Collections.unmodifiableMap(props);
        this.byLowerName = Collections.unmodifiableMap(lower);
    }

    /** The (cached) model of {@code type}. */
    public static TypeModel of(Class<?> type) {
        return CACHE.get(type);
    }

    public Class<?> type() {
        return type;
    }

    /** All properties by exact wire name, in declaration order. */
    public Map<String, Prop> properties() {
        return byName;
    }

    /** The property with exactly this wire name, or null. */
    public Prop property(String name) {
        return byName.get(name);
    }

    /** The property whose wire name equals {@code name} ignoring case, or null. */
    public Prop propertyIgnoreCase(String name) {
        Prop exact = byName.get(name);
        return exact != null ? exact : byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    /** Classifies a Java type. Lists and arrays are classified by their elements (see {@link Prop#isList()}). */
    public static ValueKind kindOf(Class<?> raw) {
        if (JsonNode.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Object.class) {
            return ValueKind.JSON;
        }
        if (raw == String.class || raw.isEnum() || raw == Character.class || raw == char.class
                || CharSequence.class.isAssignableFrom(raw) || raw == java.util.UUID.class) {
            return ValueKind.STRING;
        }
        if (Number.class.isAssignableFrom(raw) || (raw.isPrimitive() && raw != boolean.class && raw != void.class)) {
            return ValueKind.NUMBER;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return ValueKind.BOOLEAN;
        }
        if (raw == OffsetDateTime.class || raw == ZonedDateTime.class || raw == Instant.class) {
            return ValueKind.DATE;
        }
        if (raw.getName().startsWith("java.")) {
            return ValueKind.JSON; // other JDK types (LocalDate, URI, ...): read through Jackson as JSON
        }
        return ValueKind.OBJECT;
    }

    /**
     * One JSON property: wire name, kind, element class for lists, and its getter (for a property flattened out of
     * a {@code @JsonUnwrapped} one, the chain outer getter then inner getter).
     */
    public static final class Prop {
        private final String name;
        private final Class<?> valueClass;
        private final boolean list;
        private final ValueKind kind;
        private final Member member;
        private final Prop outer;
        private final Prop inner;

        Prop(String name, JavaType type, Member member) {
            this.name = name;
            this.list = type.isCollectionLikeType() || type.isArrayType();
            this.valueClass = list ? type.getContentType().getRawClass() : type.getRawClass();
            this.kind = kindOf(valueClass);
            this.member = member;
            this.outer = null;
            this.inner = null;
            if (member instanceof Method m) {
                m.trySetAccessible();
            } else if (member instanceof Field f) {
                f.trySetAccessible();
            }
        }

        /** {@code inner} (a property of the unwrapped {@code outer}'s type) seen at the outer level as {@code name}. */
        private Prop(String name, Prop outer, Prop inner) {
            this.name = name;
            this.list = inner.list;
            this.valueClass = inner.valueClass;
            this.kind = inner.kind;
            this.member = null;
            this.outer = outer;
            this.inner = inner;
        }

        public String name() {
            return name;
        }

        /** The kind of the value, or of each element when {@link #isList()}. */
        public ValueKind kind() {
            return kind;
        }

        /** The Java class of the value, or of each element when {@link #isList()}. */
        public Class<?> valueClass() {
            return valueClass;
        }

        /** Whether the property is a collection or array (its elements are matched one by one). */
        public boolean isList() {
            return list;
        }

        /** The model of the nested type, for {@link ValueKind#OBJECT} properties. */
        public TypeModel nested() {
            return kind == ValueKind.OBJECT ? TypeModel.of(valueClass) : null;
        }

        /** Reads the property's raw Java value from {@code target}; null when an unwrapped part on the way is null. */
        public Object get(Object target) {
            if (outer != null) {
                Object unwrapped = outer.get(target);
                return unwrapped == null ? null : inner.get(unwrapped);
            }
            try {
                return member instanceof Method m ? m.invoke(target) : ((Field) member).get(target);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + name + " of " + target.getClass().getName(), e);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("reading " + name + " failed", cause);
            }
        }

        /** The property's values as a collection (for list properties); null stays null. */
        static Collection<?> asCollection(Object value) {
            if (value == null || value instanceof Collection<?>) {
                return (Collection<?>) value;
            }
            if (value instanceof Object[] array) {
                return java.util.Arrays.asList(array);
            }
            int n = java.lang.reflect.Array.getLength(value);
            java.util.List<Object> out = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(java.lang.reflect.Array.get(value, i));
            }
            return out;
        }
    }
}
