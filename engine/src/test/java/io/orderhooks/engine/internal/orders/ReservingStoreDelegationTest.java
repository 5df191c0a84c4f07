package io.orderhooks.engine.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.store.Store;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Services see the store through {@link ReservingStore}; a {@link Store} method it does not override would fall back
 * to the interface's default (e.g. a list query filtered in Java instead of the JDBC store's SQL), silently.
 */
class ReservingStoreDelegationTest {

    @Test
    void overridesEveryMethodOfTheStoreContractSoStoreSpecificImplementationsAreReached() throws Exception {
        List<String> notOverridden = Arrays.stream(Store.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !declaredBy(m))
                .map(Method::getName).toList();

        assertThat(notOverridden).as("Store methods ReservingStore inherits instead of delegating").isEmpty();
    }

    private static boolean declaredBy(Method m) {
        try {
            return ReservingStore.class.getDeclaredMethod(m.getName(), m.getParameterTypes()) != null;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
