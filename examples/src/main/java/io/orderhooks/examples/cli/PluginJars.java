package io.orderhooks.examples.cli;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The class loader over every {@code *.jar} in a plugin folder, each checked to be a readable jar first. */
final class PluginJars {

    /** A plugin folder or jar that cannot be used; the message is one line for the user. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    private PluginJars() {}

    /**
     * A loader over the jars in {@code dir} (name order), delegating to {@code parent} first.
     *
     * @throws Unusable if {@code dir} is not a readable folder, holds no jar, or a jar cannot be opened
     */
    static URLClassLoader loader(Path dir, ClassLoader parent) throws Unusable {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars(dir)) {
            try (JarFile opened = new JarFile(jar.toFile())) {
                opened.getManifest();
            } catch (IOException | SecurityException e) {
                throw new Unusable("plugin jar " + jar + " cannot be read: " + e.getMessage());
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new Unusable("plugin jar " + jar + " has no usable URL: " + e.getMessage());
            }
        }
        return new URLClassLoader("orderhooks-plugins", urls.toArray(URL[]::new), parent);
    }

    private static List<Path> jars(Path dir) throws Unusable {
        if (!Files.isDirectory(dir)) {
            throw new Unusable("--plugins " + dir + " is not a folder");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new Unusable("--plugins " + dir + " cannot be listed: " + e.getMessage());
        }
        if (jars.isEmpty()) {
            throw new Unusable("--plugins " + dir + " holds no .jar file");
        }
        return jars;
    }
}
