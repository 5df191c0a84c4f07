package io.orderhooks.examples.cli;

import io.orderhooks.core.signing.OcHash;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sign --hash-key K < body}: prints the {@code X-oc-hash} OrderCloud would send with the exact bytes on stdin. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Prints the X-oc-hash of the exact bytes read from standard input:",
                "Base64(HMAC-SHA256(hash key, body)), as OrderCloud signs integration events and webhooks.",
                "Example: orderhooks sign --hash-key K < payload.json"})
public final class SignCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--hash-key", required = true, defaultValue = "${env:ORDERHOOKS_HASH_KEY}",
            description = "The integration event's or webhook's HashKey (env ORDERHOOKS_HASH_KEY).")
    String hashKey;

    /** Where the body is read from; standard input unless a test sets it. */
    InputStream in = System.in;

    @Override
    public Integer call() throws Exception {
        if (hashKey == null || hashKey.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing the hash key: pass --hash-key or set ORDERHOOKS_HASH_KEY");
        }
        byte[] body = in.readAllBytes();
        spec.commandLine().getOut().println(OcHash.sign(hashKey, body));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
