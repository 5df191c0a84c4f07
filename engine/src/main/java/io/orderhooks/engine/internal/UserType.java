package io.orderhooks.engine.internal;

/** Who a caller is in the marketplace, spelled as OrderCloud's {@code usrtype} claim. */
public enum UserType {
    BUYER("buyer"),
    SELLER("seller"),
    SUPPLIER("supplier");

    private final String wire;

    UserType(String wire) {
        this.wire = wire;
    }

    /** The claim value: {@code buyer}, {@code seller} or {@code supplier}. */
    public String wire() {
        return wire;
    }
}
