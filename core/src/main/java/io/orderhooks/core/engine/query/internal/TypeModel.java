package io.orderhooks.core.engine.query.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
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
        Map<String, Prop> props = new LinkedHashMap<>();
        Map<String, Prop> lower = new LinkedHashMap<>();
        for (BeanPropertyDefinition definition : description.findProperties()) {
            AnnotatedMember accessor = definition.getAccessor();
            if (accessor == null) {
                continue;
            }
            Prop prop = new Prop(definition.getName(), accessor.getType(), accessor.getMember());
            props.put(prop.name, prop);
            lower.putIfAbsent(prop.name.toLowerCase(Locale.ROOT), prop);
        }
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

    /** One JSON property: wire name, kind, element class for lists, and its getter. */
    public static final class Prop {
        private final String name;
        private final Class<?> valueClass;
        private final boolean list;
        private final ValueKind kind;
        private final Member member;

        Prop(String name, JavaType type, Member member) {
            this.name = name;
            this.list = type.isCollectionLikeType() || type.isArrayType();
            this.valueClass = list ? type.getContentType().getRawClass() : type.getRawClass();
            this.kind = kindOf(valueClass);
            this.member = member;
            if (member instanceof Method m) {
                m.trySetAccessible();
            } else if (member instanceof Field f) {
                f.trySetAccessible();
            }
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

        /** Reads the property's raw Java value from {@code target}. */
        public Object get(Object target) {
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
