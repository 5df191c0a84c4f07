package io.orderhooks.examples;

/** Placeholder entry point until the example merchant lands: prints the version and exits. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String version = Main.class.getPackage().getImplementationVersion();
        System.out.println("orderhooks " + (version == null ? "dev" : version));
    }
}
