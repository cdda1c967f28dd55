package org.crisisdesk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Secrets given on standard input ({@code --url-stdin}, {@code --password-stdin}, …), one line each in the order the
 * command asks for them, so that they never stand on the command line where the shell's history keeps them.
 */
final class StdinSecrets {
    private final InputStream source;
    private BufferedReader in;

    StdinSecrets() {
        this(System.in);
    }

    StdinSecrets(InputStream source) {
        this.source = source;
    }

    /** The next line, stripped; {@code what} names the secret in the error when it is missing or blank. */
    String line(String what) {
        try {
            if (in == null) {
                in = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8));
            }
            String l = in.readLine();
            if (l == null || l.isBlank()) {
                throw new IllegalArgumentException("Expected the " + what + " on standard input");
            }
            return l.strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the " + what + " from standard input");
        }
    }
}
